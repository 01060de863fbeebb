package io.decisionledger.infrastructure.persistence;

import io.decisionledger.domain.model.comparison.QuantileSketch;
import io.decisionledger.domain.model.comparison.SampleSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes measurements with PostgreSQL COPY and keeps the per-(run, metric) rollups in step, on the
 * caller's connection and therefore in the caller's transaction.
 */
public final class MeasurementWriter {

  private static final String COPY_SQL =
      "COPY measurement (run_id, metric_id, value, step, recorded_at) FROM STDIN";
  private static final int BUFFER = 1 << 16;

  private MeasurementWriter() {}

  /** Rows resolved to metric ids, as parallel arrays (no object per row). */
  public record Rows(long[] metricIds, double[] values, Long[] steps, Instant[] recordedAt) {
    public int size() {
      return values.length;
    }
  }

  /** Streams the rows into {@code measurement}; returns the number written. */
  public static long copy(Connection connection, long runId, Rows rows)
      throws SQLException, IOException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    CopyIn copy = pg.getCopyAPI().copyIn(COPY_SQL);
    try {
      byte[] buffer = new byte[BUFFER];
      int used = 0;
      StringBuilder line = new StringBuilder(96);
      String run = Long.toString(runId);
      for (int i = 0; i < rows.size(); i++) {
        line.setLength(0);
        line.append(run).append('\t').append(rows.metricIds()[i]).append('\t')
            .append(rows.values()[i]).append('\t');
        Long step = rows.steps()[i];
        line.append(step == null ? "\\N" : step.toString()).append('\t');
        Instant at = rows.recordedAt()[i];
        line.append(at == null ? "\\N" : at.toString()).append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > buffer.length) {
          copy.writeToCopy(buffer, 0, used);
          used = 0;
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
      }
      if (used > 0) {
        copy.writeToCopy(buffer, 0, used);
      }
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** The rollup of one (run, metric): exact moments and a quantile sketch. */
  public record Rollup(SampleSummary summary, QuantileSketch sketch) {}

  /**
   * Adds the new values of each metric to the run's rollups (the caller holds the run's row lock,
   * so no other writer touches them meanwhile).
   */
  public static void addToRollups(Connection connection, long runId, Map<Long, Rollup> added)
      throws SQLException {
    Map<Long, Rollup> existing = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT metric_id, n, mean, m2, min_value, max_value, sketch FROM run_metric_stats"
                + " WHERE run_id = ?")) {
      select.setLong(1, runId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          existing.put(
              rs.getLong(1),
              new Rollup(
                  new SampleSummary(rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                      rs.getDouble(5), rs.getDouble(6)),
                  QuantileSketch.fromBytes(rs.getBytes(7))));
        }
      }
    }
    try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO run_metric_stats (n, mean, m2, min_value, max_value, sketch, run_id,"
                    + " metric_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE run_metric_stats SET n = ?, mean = ?, m2 = ?, min_value = ?,"
                    + " max_value = ?, sketch = ? WHERE run_id = ? AND metric_id = ?")) {
      for (Map.Entry<Long, Rollup> entry : added.entrySet()) {
        Rollup before = existing.get(entry.getKey());
        SampleSummary summary = entry.getValue().summary();
        QuantileSketch sketch = entry.getValue().sketch();
        PreparedStatement statement = insert;
        if (before != null) {
          summary = before.summary().combine(summary);
          before.sketch().merge(sketch);
          sketch = before.sketch();
          statement = update;
        }
        statement.setLong(1, summary.n());
        statement.setDouble(2, summary.mean());
        statement.setDouble(3, summary.m2());
        statement.setDouble(4, summary.min());
        statement.setDouble(5, summary.max());
        statement.setBytes(6, sketch.toBytes());
        statement.setLong(7, runId);
        statement.setLong(8, entry.getKey());
        statement.addBatch();
      }
      insert.executeBatch();
      update.executeBatch();
    }
  }
}
