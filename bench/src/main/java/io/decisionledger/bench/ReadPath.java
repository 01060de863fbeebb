package io.decisionledger.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One experiment (2 variants x 5 runs, 2 metrics) grown through the application's own ingestion
 * (so its rollups are built by the product's code path), read at each size through the JSON
 * comparison, the experiment page, and one hand-written SQL query over the raw rows.
 */
final class ReadPath {

  static final int RUNS_PER_VARIANT = 5;
  static final int LOAD_BATCH = 100_000;
  static final int LOAD_CLIENTS = 4;

  /**
   * The same aggregates as the comparison, straight from the raw rows: per metric and variant n,
   * mean, standard deviation, min, max, median and p95, with the run means the Welch test uses.
   */
  static final String REFERENCE_SQL = """
      WITH rows AS (
        SELECT m.metric_id, r.variant_id, m.run_id, m.value
        FROM measurement m JOIN run r ON r.id = m.run_id JOIN variant v ON v.id = r.variant_id
        WHERE v.experiment_id = ?),
      per_variant AS (
        SELECT metric_id, variant_id, count(*) AS n, avg(value) AS mean,
               stddev_samp(value) AS sd, min(value) AS min, max(value) AS max,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY value) AS p95
        FROM rows GROUP BY metric_id, variant_id),
      run_means AS (
        SELECT metric_id, variant_id, array_agg(mean ORDER BY run_id) AS run_means
        FROM (SELECT metric_id, variant_id, run_id, avg(value) AS mean
              FROM rows GROUP BY metric_id, variant_id, run_id) per_run
        GROUP BY metric_id, variant_id)
      SELECT * FROM per_variant JOIN run_means USING (metric_id, variant_id)
      ORDER BY metric_id, variant_id""";

  final App app;
  final String jdbcUrl;
  final long experiment;
  final List<Long> runs = new ArrayList<>();
  long loaded;
  long grown;
  double loadSeconds;

  ReadPath(App app, String jdbcUrl) throws IOException, InterruptedException {
    this.app = app;
    this.jdbcUrl = jdbcUrl;
    this.experiment = app.experiment("bench comparison read path");
    long a = app.variant(experiment, "baseline");
    long b = app.variant(experiment, "candidate");
    app.metrics(experiment);
    for (int i = 0; i < RUNS_PER_VARIANT; i++) {
      runs.add(app.run(a));
      runs.add(app.run(b));
    }
  }

  /** Grows the experiment to {@code target} measurements through POST /runs/{id}/measurements. */
  void growTo(long target) throws IOException, InterruptedException {
    long perRun = (target - loaded) / runs.size();
    List<long[]> requests = new ArrayList<>(); // run index, from, count
    for (long from = 0; from < perRun; from += LOAD_BATCH) {
      for (int r = 0; r < runs.size(); r++) {
        requests.add(new long[] {r, loaded / runs.size() + from, Math.min(LOAD_BATCH, perRun - from)});
      }
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(LOAD_CLIENTS);
    long t0 = System.nanoTime();
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int c = 0; c < LOAD_CLIENTS; c++) {
        done.add(pool.submit(() -> {
          for (int k = next.getAndIncrement(); k < requests.size(); k = next.getAndIncrement()) {
            long[] q = requests.get(k);
            int r = (int) q[0];
            // The candidate (odd runs) is about 5% faster than the baseline.
            byte[] body = App.jsonBody(q[1], (int) q[2], r % 2 == 0 ? 1.0 : 0.95);
            app.http.postJson("/api/v1/runs/" + runs.get(r) + "/measurements", body);
          }
          return null;
        }));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("loading failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    loadSeconds += (System.nanoTime() - t0) / 1e9;
    loaded += perRun * runs.size();
    grown += perRun * runs.size();
  }

  /** The rollups' n, summed: what the application's write path built. */
  long rolledUp() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement s = c.prepareStatement(
            "SELECT coalesce(sum(s.n), 0) FROM run_metric_stats s JOIN run r ON r.id = s.run_id"
                + " JOIN variant v ON v.id = r.variant_id WHERE v.experiment_id = ?")) {
      s.setLong(1, experiment);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Sequential GETs of {@code path}: warm-up, then up to {@code iterations} or {@code seconds}. */
  Latencies timeGet(String path, int iterations, int seconds)
      throws IOException, InterruptedException {
    // Warm-up: at least 3 requests and 2 s, so the first size is not measured on a cold JIT.
    long warm = System.nanoTime() + 2_000_000_000L;
    for (int i = 0; i < 3 || (i < 200 && System.nanoTime() < warm); i++) {
      check(app.http.get(path), path);
    }
    Latencies l = new Latencies();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (l.count() < iterations && (l.count() < 3 || System.nanoTime() < deadline)) {
      long s = System.nanoTime();
      HttpResponse<String> r = app.http.get(path);
      l.record(System.nanoTime() - s);
      check(r, path);
    }
    return l;
  }

  private static void check(HttpResponse<String> r, String path) throws IOException {
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + r.statusCode() + ": "
          + Http.abbreviate(r.body()));
    }
  }

  /** The hand-written query over JDBC: one warm-up, then up to {@code iterations} or seconds. */
  Latencies timeSql(int iterations, int seconds) throws SQLException {
    Latencies l = new Latencies();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement s = c.prepareStatement(REFERENCE_SQL)) {
      s.setLong(1, experiment);
      // One warm-up; when it alone takes over a quarter of the budget (10M raw rows), it counts.
      long w = System.nanoTime();
      drain(s);
      long first = System.nanoTime() - w;
      if (first > seconds * 250_000_000L) {
        l.record(first);
      }
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      while (l.count() < iterations && (l.count() < 3 || System.nanoTime() < deadline)) {
        long t = System.nanoTime();
        drain(s);
        l.record(System.nanoTime() - t);
      }
    }
    return l;
  }

  private static void drain(PreparedStatement s) throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      int rows = 0;
      while (rs.next()) {
        rs.getArray("run_means").getArray();
        rows++;
      }
      if (rows == 0) {
        throw new SQLException("the reference query found no rows");
      }
    }
  }
}
