package io.decisionledger.application;

import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.Variant;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * How an experiment is written out, one measurement at a time (nothing is collected in memory).
 *
 * <ul>
 *   <li>CSV: the upload's columns first ({@code metric,value,step,recorded_at}, as {@link
 *       MeasurementCsv} reads them), then {@code variant,run}: the file, or its lines of one run,
 *       uploads again as it is (the upload ignores the extra columns).
 *   <li>JSON: the experiment, its metrics and variants, then each run with its parameters and its
 *       measurements as {@code [{"metric","value","step","recordedAt"}]}, the body that {@code POST
 *       /runs/{id}/measurements} takes.
 * </ul>
 *
 * Values are written with {@link Double#toString}, which reads back to the same double.
 */
public final class ExperimentExportFormat {

  public static final String VARIANT = "variant";
  public static final String RUN = "run";

  /** One measurement with the run and variant it belongs to. */
  public record Row(long runId, String variant, String metric, double value, Long step,
      Instant recordedAt) {}

  private ExperimentExportFormat() {}

  /** Writes the CSV header, then rows as they are given. */
  public static final class Csv implements AutoCloseable {
    private final CSVPrinter printer;

    public Csv(OutputStream out) {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try {
        printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
            .setHeader(MeasurementCsv.METRIC, MeasurementCsv.VALUE, MeasurementCsv.STEP,
                MeasurementCsv.RECORDED_AT, VARIANT, RUN)
            .setRecordSeparator("\n")
            .get());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public void row(Row row) {
      try {
        printer.printRecord(row.metric(), Double.toString(row.value()),
            row.step() == null ? "" : row.step().toString(),
            row.recordedAt() == null ? "" : row.recordedAt().toString(), row.variant(),
            Long.toString(row.runId()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes the experiment's description, then the runs one by one with their measurements. */
  public static final class JsonDocument implements AutoCloseable {
    private final JsonGenerator json;
    private boolean inRun;

    public JsonDocument(OutputStream out, Experiment experiment, List<Metric> metrics,
        List<Variant> variants, Instant exportedAt) {
      json = Json.createGenerator(out);
      json.writeStartObject()
          .write("format", "decision-ledger-experiment")
          .write("version", 1)
          .write("exportedAt", exportedAt.toString());
      json.writeStartObject("experiment")
          .write("id", experiment.getId())
          .write("title", experiment.getTitle());
      optional("hypothesis", experiment.getHypothesis());
      optional("description", experiment.getDescription());
      json.write("status", experiment.getStatus().name())
          .write("owner", experiment.getOwner())
          .write("createdAt", experiment.getCreatedAt().toString())
          .write("updatedAt", experiment.getUpdatedAt().toString())
          .writeEnd();
      json.writeStartArray("metrics");
      for (Metric m : metrics) {
        json.writeStartObject().write("name", m.getName()).write("unit", m.getUnit())
            .write("direction", m.getDirection().name());
        optional("description", m.getDescription());
        json.writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("variants");
      for (Variant v : variants) {
        json.writeStartObject().write("name", v.getName());
        optional("description", v.getDescription());
        json.write("baseline", v.isBaseline()).writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("runs");
    }

    private void optional(String name, String value) {
      if (value != null) {
        json.write(name, value);
      }
    }

    /** Starts a run: its description, then its measurements through {@link #measurement}. */
    public void run(Run run) {
      endRun();
      json.writeStartObject()
          .write("id", run.getId())
          .write("variant", run.getVariant().getName())
          .write("startedAt", run.getStartedAt().toString());
      if (run.getFinishedAt() != null) {
        json.write("finishedAt", run.getFinishedAt().toString());
      }
      json.write("source", run.getSource().name());
      optional("notes", run.getNotes());
      json.writeStartObject("parameters");
      for (Map.Entry<String, String> p : run.getParameters().entrySet()) {
        json.write(p.getKey(), p.getValue());
      }
      json.writeEnd();
      json.writeStartArray("measurements");
      inRun = true;
    }

    public void measurement(Row row) {
      json.writeStartObject().write("metric", row.metric()).write("value", row.value());
      if (row.step() != null) {
        json.write("step", row.step());
      }
      if (row.recordedAt() != null) {
        json.write("recordedAt", row.recordedAt().toString());
      }
      json.writeEnd();
    }

    private void endRun() {
      if (inRun) {
        json.writeEnd().writeEnd();
        inRun = false;
      }
    }

    @Override
    public void close() {
      endRun();
      json.writeEnd().writeEnd();
      json.flush();
    }
  }
}
