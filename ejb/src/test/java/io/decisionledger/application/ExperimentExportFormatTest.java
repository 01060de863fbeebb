package io.decisionledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.MetricDirection;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The experiment export formats: the CSV uploads again as it is, the JSON nests runs. */
class ExperimentExportFormatTest {

  private static final Instant T = Instant.parse("2026-11-01T10:00:00.123Z");

  private static <T> T withId(T entity, long id) {
    try {
      Field field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<ExperimentExportFormat.Row> ROWS = List.of(
      new ExperimentExportFormat.Row(5, "Path A", "boot_time", 41.7, 1L, T),
      new ExperimentExportFormat.Row(5, "Path A", "boot \"quoted\", name", 1.0E-5, null, null),
      new ExperimentExportFormat.Row(6, "Path B, with comma", "boot_time", -0.0, 3L, T),
      new ExperimentExportFormat.Row(6, "Path B, with comma", "boot_time", 1.7976931348623157E308,
          null, T));

  @Test
  void theCsvIsReadBackByTheUploadToTheSameValues() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExperimentExportFormat.Csv csv = new ExperimentExportFormat.Csv(out)) {
      ROWS.forEach(csv::row);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("metric,value,step,recorded_at,variant,run\n")
        .contains("boot_time,41.7,1,2026-11-01T10:00:00.123Z,Path A,5\n")
        .contains("\"Path B, with comma\",6");
    MeasurementCsv.Result back = MeasurementCsv.read(new StringReader(text), 100, 10);
    assertThat(back.errors()).isEmpty();
    assertThat(back.rows()).containsExactly(
        new MeasurementInput("boot_time", 41.7, 1L, T),
        new MeasurementInput("boot \"quoted\", name", 1.0E-5, null, null),
        new MeasurementInput("boot_time", -0.0, 3L, T),
        new MeasurementInput("boot_time", 1.7976931348623157E308, null, T));
  }

  @Test
  void theJsonHoldsTheExperimentAndEachRunWithItsMeasurements() {
    Experiment experiment = withId(new Experiment("Path A vs Path B", "B boots faster", null,
        "lab", T), 9L);
    Metric metric = new Metric(experiment, "boot_time", "s", MetricDirection.LOWER_IS_BETTER,
        null);
    Variant a = new Variant(experiment, "Path A", null);
    a.markBaseline();
    Variant b = new Variant(experiment, "Path B, with comma", "KubeVirt");
    Run run5 = withId(new Run(a, RunSource.API, T, T), 5L);
    run5.replaceParameters(Map.of("nodes", "3"));
    Run run6 = withId(new Run(b, RunSource.CSV, T, T), 6L);
    Run run7 = withId(new Run(b, RunSource.MANUAL, T, T), 7L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExperimentExportFormat.JsonDocument json = new ExperimentExportFormat.JsonDocument(out,
        experiment, List.of(metric), List.of(a, b), T)) {
      json.run(run5);
      json.measurement(ROWS.get(0));
      json.measurement(ROWS.get(1));
      json.run(run6);
      json.measurement(ROWS.get(2));
      json.run(run7);
    }
    JsonObject doc = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8)))
        .readObject();
    assertThat(doc.getString("format")).isEqualTo("decision-ledger-experiment");
    assertThat(doc.getJsonObject("experiment").getString("title")).isEqualTo("Path A vs Path B");
    assertThat(doc.getJsonObject("experiment").getInt("id")).isEqualTo(9);
    assertThat(doc.getJsonArray("metrics").getJsonObject(0).getString("direction"))
        .isEqualTo("LOWER_IS_BETTER");
    assertThat(doc.getJsonArray("variants").getJsonObject(0).getBoolean("baseline")).isTrue();
    JsonArray runs = doc.getJsonArray("runs");
    assertThat(runs).hasSize(3);
    JsonObject first = runs.getJsonObject(0);
    assertThat(first.getString("variant")).isEqualTo("Path A");
    assertThat(first.getJsonObject("parameters").getString("nodes")).isEqualTo("3");
    JsonArray measurements = first.getJsonArray("measurements");
    assertThat(measurements).hasSize(2);
    assertThat(measurements.getJsonObject(0).getJsonNumber("value").doubleValue()).isEqualTo(41.7);
    assertThat(measurements.getJsonObject(0).getInt("step")).isEqualTo(1);
    assertThat(measurements.getJsonObject(0).getString("recordedAt")).isEqualTo(T.toString());
    assertThat(measurements.getJsonObject(1).containsKey("step")).isFalse();
    assertThat(measurements.getJsonObject(1).getJsonNumber("value").doubleValue())
        .isEqualTo(1.0E-5);
    assertThat(runs.getJsonObject(1).getString("source")).isEqualTo("CSV");
    assertThat(runs.getJsonObject(2).getJsonArray("measurements")).isEmpty();
  }
}
