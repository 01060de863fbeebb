package io.decisionledger.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
  void skipsTheByteOrderMarkThatSpreadsheetsWrite() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "metric,value\nboot,1.5\n".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(text, 0, file, bom.length, text.length);

    MeasurementCsv.Result result = MeasurementCsv.read(new InputStreamReader(
        new ByteArrayInputStream(file), StandardCharsets.UTF_8), 1000, 100);

    assertThat(result.errors()).isEmpty();
    assertThat(result.rows()).containsExactly(new MeasurementInput("boot", 1.5, null, null));
  }

  @Test
  void aByteOrderMarkOnlyAtTheStartIsSkipped() {
    assertThat(read("\uFEFF").rows()).isEmpty();
    assertThat(read("").errors()).extracting(FieldError::field).containsExactly("line 1");
    // Inside a value it is data, and not a number.
    assertThat(read("metric,value\nboot,\uFEFF1\n").errors())
        .extracting(FieldError::field).containsExactly("line 2");
  }

  @Test
  void keepsTheLineOfEveryRowAcrossBlankAndBadLines() {
    MeasurementCsv.Result result = read("metric,value\nboot,1\n\nboot,x\nboot,3\n");

    assertThat(result.rows()).hasSize(2);
    assertThat(result.lineOf(0)).isEqualTo(2);
    assertThat(result.lineOf(1)).isEqualTo(5);
    assertThat(result.locator().field(1, "metric")).isEqualTo("line 5");
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
