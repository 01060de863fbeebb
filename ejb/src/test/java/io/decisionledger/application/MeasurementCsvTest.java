package io.decisionledger.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MeasurementCsvTest {

  private static MeasurementCsv.Result read(String csv) {
    return MeasurementCsv.read(new StringReader(csv), 1000, 100);
  }

  @Test
  void readsRowsWithOptionalColumns() {
    MeasurementCsv.Result result =
        read("metric,value,step,recorded_at\nboot,1.5,1,2026-01-01T00:00:00Z\nboot,2e3,,\n");
    assertThat(result.valid()).isTrue();
    assertThat(result.rows()).containsExactly(
        new MeasurementInput("boot", 1.5, 1L, Instant.parse("2026-01-01T00:00:00Z")),
        new MeasurementInput("boot", 2000, null, null));
  }

  @Test
  void namesTheLineOfEveryBadValue() {
    MeasurementCsv.Result result =
        read("metric,value\nboot,NaN\nboot,Infinity\nboot,1e400\nboot,abc\n,1\nboot,3\n");
    assertThat(result.rows()).hasSize(1);
    assertThat(result.errors()).extracting(FieldError::field)
        .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6");
    assertThat(result.errors().get(0).message()).contains("not a finite number");
    assertThat(result.errors().get(3).message()).contains("not a number");
  }

  @Test
  void refusesAHeaderWithoutTheRequiredColumns() {
    MeasurementCsv.Result result = read("name,amount\nboot,1\n");
    assertThat(result.valid()).isFalse();
    assertThat(result.errors().get(0).field()).isEqualTo("line 1");
  }

  @Test
  void stopsAtTheRowLimit() {
    StringBuilder csv = new StringBuilder("metric,value\n");
    for (int i = 0; i < 11; i++) {
      csv.append("m,").append(i).append('\n');
    }
    MeasurementCsv.Result result = MeasurementCsv.read(new StringReader(csv.toString()), 10, 100);
    assertThat(result.tooLarge()).isTrue();
    assertThat(result.valid()).isFalse();
  }

  @Test
  void parseValueRejectsNonFiniteNumbers() {
    assertThat(MeasurementCsv.parseValue("-0.25")).isEqualTo(-0.25);
    assertThatThrownBy(() -> MeasurementCsv.parseValue("-Infinity"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MeasurementCsv.parseValue(""))
        .hasMessageContaining("required");
  }
}
