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

  /**
   * Rows resolved to metric ids, as parallel arrays (no object per row). A row has a step when
   * {@code hasStep[i]}; {@code recordedAt} is null when no row has a time.
   */
  public record Rows(
      long[] metricIds, double[] values, long[] steps, boolean[] hasStep, Instant[] recordedAt) {
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
      // COPY's text format, written as ASCII bytes straight into the buffer (no String per row
      // but the value's digits).
      byte[] buffer = new byte[BUFFER];
      int used = 0;
      byte[] run = Long.toString(runId).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < rows.size(); i++) {
        if (used + MAX_LINE > buffer.length) {
          copy.writeToCopy(buffer, 0, used);
          used = 0;
        }
        System.arraycopy(run, 0, buffer, used, run.length);
        used += run.length;
        buffer[used++] = '\t';
        used = putLong(buffer, used, rows.metricIds()[i]);
        buffer[used++] = '\t';
        used = putAscii(buffer, used, Double.toString(rows.values()[i]));
        buffer[used++] = '\t';
        if (rows.hasStep()[i]) {
          used = putLong(buffer, used, rows.steps()[i]);
        } else {
          buffer[used++] = '\\';
          buffer[used++] = 'N';
        }
        buffer[used++] = '\t';
        Instant at = rows.recordedAt() == null ? null : rows.recordedAt()[i];
        if (at == null) {
          buffer[used++] = '\\';
          buffer[used++] = 'N';
        } else {
          used = putAscii(buffer, used, at.toString());
        }
        buffer[used++] = '\n';
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

  /**
   * The longest line: two longs (20 characters each with a sign), a double (at most 24), an
   * instant (at most ~40 with a year beyond 9999 and nanoseconds), four tabs and a newline.
   */
  private static final int MAX_LINE = 20 + 20 + 24 + 20 + 64 + 5;

  private static int putAscii(byte[] buffer, int at, String ascii) {
    for (int k = 0; k < ascii.length(); k++) {
      buffer[at++] = (byte) ascii.charAt(k);
    }
    return at;
  }

  private static int putLong(byte[] buffer, int at, long value) {
    if (value == Long.MIN_VALUE) {
      return putAscii(buffer, at, Long.toString(value));
    }
    if (value < 0) {
      buffer[at++] = '-';
      value = -value;
    }
    int start = at;
    do {
      buffer[at++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    for (int l = start, r = at - 1; l < r; l++, r--) {
      byte t = buffer[l];
      buffer[l] = buffer[r];
      buffer[r] = t;
    }
    return at;
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
