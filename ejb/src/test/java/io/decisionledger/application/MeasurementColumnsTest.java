package io.decisionledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementColumnsTest {

  private static final Instant T = Instant.parse("2026-01-31T12:00:00Z");

  @Test
  void rowsComeBackAsTheyWentInWithEachNameOnce() {
    List<MeasurementInput> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(new MeasurementInput(i % 2 == 0 ? "boot" : "heap", i / 4.0,
          i % 3 == 0 ? null : (long) -i, i == 7 ? T : null));
    }
    rows.add(new MeasurementInput(null, 1, Long.MIN_VALUE, null));
    MeasurementColumns columns = MeasurementColumns.of(rows);
    assertThat(columns.size()).isEqualTo(101);
    assertThat(columns.metricNames()).containsExactly("boot", "heap");
    List<MeasurementInput> back = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      back.add(columns.row(i));
    }
    assertThat(back).isEqualTo(rows);
    assertThat(columns.metricRef(1)).isEqualTo(1);
    assertThat(columns.metricRef(100)).isEqualTo(-1);
    assertThat(columns.hasStep(3)).isFalse();
    assertThat(columns.recordedAt(6)).isNull();
  }

  @Test
  void aStepOfZeroIsAStepAndGrowingKeepsLaterTimes() {
    MeasurementColumns columns = new MeasurementColumns(1);
    columns.add("m", 1, true, 0, null);
    columns.add("m", 2, false, 0, null);
    columns.add("m", 3, null, T);
    assertThat(columns.hasStep(0)).isTrue();
    assertThat(columns.step(0)).isZero();
    assertThat(columns.hasStep(1)).isFalse();
    assertThat(columns.recordedAt(2)).isEqualTo(T);
    assertThat(columns.row(1)).isEqualTo(new MeasurementInput("m", 2, null, null));
  }
}
