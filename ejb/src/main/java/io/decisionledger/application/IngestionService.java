package io.decisionledger.application;

import io.decisionledger.domain.model.comparison.QuantileSketch;
import io.decisionledger.domain.model.comparison.SampleSummary;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.infrastructure.persistence.MeasurementWriter;
import io.decisionledger.infrastructure.persistence.MeasurementWriter.Rollup;
import io.decisionledger.infrastructure.persistence.MeasurementWriter.Rows;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Bulk ingestion of measurements into a run: all rows or none, in one transaction, written with
 * COPY, with the run's rollups updated in the same transaction and an optional idempotency key.
 */
@Stateless
@RolesAllowed({Roles.EDITOR, Roles.API_INGEST})
public class IngestionService {

  /** At most this many field errors are reported for one request. */
  static final int MAX_REPORTED_ERRORS = 100;

  @PersistenceContext EntityManager em;


  @Inject
  @ConfigProperty(name = "dl.ingest.max-rows", defaultValue = "100000")
  int maxRows;

  @Inject ApplicationMetrics metrics;

  public int maxRows() {
    return maxRows;
  }

  /**
   * Writes {@code rows} into run {@code runId}.
   *
   * @param idempotencyKey null, or a key under which a retry of the same body writes nothing again
   * @param bodyHash the SHA-256 of the request body (hex), compared when a key is replayed
   */
  public IngestionResult ingest(
      long runId, List<MeasurementInput> rows, String idempotencyKey, String bodyHash) {
    return ingest(runId, rows, idempotencyKey, bodyHash, RowLocator.INDEX);
  }

  /**
   * Writes {@code rows} into run {@code runId}, naming bad rows with {@code locator} (for a CSV
   * file, by line).
   *
   * @see #ingest(long, List, String, String)
   */
  public IngestionResult ingest(long runId, List<MeasurementInput> rows, String idempotencyKey,
      String bodyHash, RowLocator locator) {
    return ingest(runId, MeasurementColumns.of(rows), idempotencyKey, bodyHash, locator);
  }

  /**
   * Writes rows held column by column (the REST API's bulk path: no object per row).
   *
   * @param bodyHash the SHA-256 of the request body (hex); needed only with an idempotency key
   * @see #ingest(long, List, String, String)
   */
  public IngestionResult ingest(long runId, MeasurementColumns rows, String idempotencyKey,
      String bodyHash, RowLocator locator) {
    long started = System.nanoTime();
    if (rows.size() > maxRows) {
      throw new DomainException.TooLarge(
          "A request may carry at most " + maxRows + " measurements; this one has " + rows.size());
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw DomainException.InvalidInput.of(
          "Idempotency-Key", "Idempotency-Key must be 1 to 200 characters");
    }
    // One round trip loads the run's current state and locks its row: this serialises writers of
    // one run, so rollups and idempotency records stay consistent, and the count below is added to
    // the state the lock protects (no second lock query, no refresh).
    Run run = em.find(Run.class, runId, LockModeType.PESSIMISTIC_WRITE);
    if (run == null) {
      throw new DomainException.NotFound("Run", runId);
    }
    // A second one reads the experiment's metric ids by name, through the run's variant (its id
    // is known without loading it).
    Map<String, Long> byName = new HashMap<>();
    for (Object[] m : em.createQuery(
            "select m.name, m.id from Metric m where m.experiment.id ="
                + " (select v.experiment.id from Variant v where v.id = :variant)",
            Object[].class)
        .setParameter("variant", run.getVariant().getId())
        .getResultList()) {
      byName.put((String) m[0], (Long) m[1]);
    }
    Resolved resolved = resolve(rows, byName, locator);

    IngestionResult result =
        em.unwrap(Session.class)
            .doReturningWork(
                connection -> write(connection, runId, resolved, idempotencyKey, bodyHash));
    if (!result.replayed()) {
      // The count, so the ingestion is a recorded change of the run (who, when, how many) in its
      // history.
      run.recordMeasurements(result.rowsWritten());
      metrics.ingested(result.rowsWritten(), Duration.ofNanos(System.nanoTime() - started));
    }
    return result;
  }

  private record Resolved(Rows rows, Map<Long, Rollup> rollups) {}

  private static Resolved resolve(
      MeasurementColumns rows, Map<String, Long> byName, RowLocator locator) {
    int size = rows.size();
    // Each distinct name is looked up once, not once per row.
    List<String> names = rows.metricNames();
    Long[] idOf = new Long[names.size()];
    for (int r = 0; r < idOf.length; r++) {
      idOf[r] = byName.get(names.get(r));
    }
    long[] metricIds = new long[size];
    double[] values = new double[size];
    long[] steps = new long[size];
    boolean[] hasStep = new boolean[size];
    Instant[] recordedAt = null;
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < size && errors.size() < MAX_REPORTED_ERRORS; i++) {
      int ref = rows.metricRef(i);
      Long metric = ref < 0 ? null : idOf[ref];
      if (metric == null) {
        errors.add(new FieldError(locator.field(i, "metric"), ref < 0
            ? "metric is required" : "unknown metric '" + names.get(ref) + "' in this experiment"));
        continue;
      }
      double value = rows.value(i);
      if (!Double.isFinite(value)) {
        errors.add(new FieldError(locator.field(i, "value"), "value must be a finite number"));
        continue;
      }
      metricIds[i] = metric;
      values[i] = value;
      steps[i] = rows.step(i);
      hasStep[i] = rows.hasStep(i);
      Instant at = rows.recordedAt(i);
      if (at != null) {
        if (recordedAt == null) {
          recordedAt = new Instant[size];
        }
        recordedAt[i] = at;
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput(
          "The request has invalid measurements; nothing was written", errors);
    }
    // One pass: per metric, the exact moments and the sketch of the new values (indexed by the
    // name's position: distinct names are distinct metrics).
    SampleSummary.Builder[] summaries = new SampleSummary.Builder[idOf.length];
    QuantileSketch[] sketches = new QuantileSketch[idOf.length];
    for (int i = 0; i < size; i++) {
      int ref = rows.metricRef(i);
      if (summaries[ref] == null) {
        summaries[ref] = new SampleSummary.Builder();
        sketches[ref] = QuantileSketch.empty();
      }
      summaries[ref].add(values[i]);
      sketches[ref].add(values[i]);
    }
    Map<Long, Rollup> rollups = new HashMap<>();
    for (int r = 0; r < idOf.length; r++) {
      if (summaries[r] != null) {
        rollups.put(idOf[r], new Rollup(summaries[r].build(), sketches[r]));
      }
    }
    return new Resolved(new Rows(metricIds, values, steps, hasStep, recordedAt), rollups);
  }

  private static IngestionResult write(
      Connection connection, long runId, Resolved resolved, String key, String bodyHash)
      throws SQLException {
    // The caller holds the run's row lock (ingest).
    if (key != null) {
      try (PreparedStatement previous =
          connection.prepareStatement(
              "SELECT body_sha256, rows_written FROM ingestion_request"
                  + " WHERE run_id = ? AND idempotency_key = ?")) {
        previous.setLong(1, runId);
        previous.setString(2, key);
        try (ResultSet rs = previous.executeQuery()) {
          if (rs.next()) {
            if (!rs.getString(1).equals(bodyHash)) {
              throw new DomainException.Conflict(
                  "Idempotency-Key '" + key + "' was already used with a different body",
                  List.of(new FieldError("Idempotency-Key", "already used with a different body")));
            }
            return new IngestionResult(runId, rs.getInt(2),
                resolved.rollups().size(), true);
          }
        }
      }
    }
    long written;
    try {
      written = MeasurementWriter.copy(connection, runId, resolved.rows());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MeasurementWriter.addToRollups(connection, runId, resolved.rollups());
    if (key != null) {
      try (PreparedStatement record =
          connection.prepareStatement(
              "INSERT INTO ingestion_request (run_id, idempotency_key, body_sha256, rows_written,"
                  + " created_at) VALUES (?, ?, ?, ?, ?)")) {
        record.setLong(1, runId);
        record.setString(2, key);
        record.setString(3, bodyHash);
        record.setInt(4, (int) written);
        record.setTimestamp(5, Timestamp.from(Instant.now()));
        record.executeUpdate();
      }
    }
    return new IngestionResult(runId, (int) written, resolved.rollups().size(), false);
  }
}
