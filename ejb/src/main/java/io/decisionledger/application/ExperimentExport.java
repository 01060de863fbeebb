package io.decisionledger.application;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Run;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * An experiment with all its measurements, as CSV or JSON ({@link ExperimentExportFormat}),
 * streamed from PostgreSQL to the caller's stream: run by run, each run's measurements in the
 * order they were written, through a server-side cursor, so memory stays flat at any size.
 */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
@Stateless
public class ExperimentExport {

  /** Rows fetched per round trip of the cursor. */
  static final int FETCH_SIZE = 5_000;

  private static final String RUN_MEASUREMENTS =
      """
      SELECT mt.name, m.value, m.step, m.recorded_at
      FROM measurement m JOIN metric mt ON mt.id = m.metric_id
      WHERE m.run_id = ?
      ORDER BY m.id
      """;

  @PersistenceContext EntityManager em;

  @Inject ExperimentService experiments;
  @Inject RunService runs;

  /** The experiment, or 404: call before committing to a response. */
  public Experiment get(long experimentId) {
    return experiments.get(experimentId);
  }

  public void writeCsv(long experimentId, OutputStream out) {
    List<Run> all = runs.runsOf(experimentId);
    try (ExperimentExportFormat.Csv csv = new ExperimentExportFormat.Csv(out)) {
      for (Run run : all) {
        measurements(run, csv::row);
      }
    }
  }

  public void writeJson(long experimentId, OutputStream out) {
    Experiment experiment = experiments.get(experimentId);
    List<Run> all = runs.runsOf(experimentId);
    try (ExperimentExportFormat.JsonDocument json = new ExperimentExportFormat.JsonDocument(out,
        experiment, experiments.metrics(experimentId), experiments.variants(experimentId),
        Instant.now())) {
      for (Run run : all) {
        json.run(run);
        measurements(run, json::measurement);
      }
    }
  }

  private void measurements(Run run, Consumer<ExperimentExportFormat.Row> sink) {
    long runId = run.getId();
    String variant = run.getVariant().getName();
    em.unwrap(Session.class).doWork(connection -> {
      try (PreparedStatement select = connection.prepareStatement(RUN_MEASUREMENTS)) {
        // In the container's transaction (no autocommit) the driver fetches through a cursor.
        select.setFetchSize(FETCH_SIZE);
        select.setLong(1, runId);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            long step = rs.getLong(3);
            Long stepOrNull = rs.wasNull() ? null : step;
            OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
            sink.accept(new ExperimentExportFormat.Row(runId, variant, rs.getString(1),
                rs.getDouble(2), stepOrNull, at == null ? null : at.toInstant()));
          }
        }
      }
    });
  }
}
