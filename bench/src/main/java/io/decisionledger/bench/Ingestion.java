package io.decisionledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/** Ingestion through the REST API, through raw COPY, and through MLflow's runs/log-batch. */
final class Ingestion {

  /** Rows per second of one configuration, with its request latencies. */
  record Throughput(long rows, double seconds, Latencies latencies) {
    double rowsPerSecond() {
      return rows / seconds;
    }

    Map<String, Object> details() {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("rows", rows);
      d.put("seconds", seconds);
      d.put("requestLatency", latencies.summary());
      return d;
    }
  }

  private Ingestion() {}

  /** {@code rows} measurements in requests of {@code batch} rows from {@code clients} clients. */
  static Throughput rest(App app, long rows, int batch, int clients, List<Long> into, int offset)
      throws IOException, InterruptedException {
    long[] runs = new long[clients];
    if (into == null) {
      long experiment = app.experiment("bench ingestion " + batch + " rows x " + clients);
      long variant = app.variant(experiment, "only");
      app.metrics(experiment);
      for (int c = 0; c < clients; c++) {
        runs[c] = app.run(variant);
      }
    } else {
      // Into the comparison experiment's runs, spread over them: its data grows by these rows.
      for (int c = 0; c < clients; c++) {
        runs[c] = into.get((offset + c) % into.size());
      }
    }
    int requests = (int) (rows / batch);
    byte[][] bodies = new byte[requests][];
    for (int k = 0; k < requests; k++) {
      bodies[k] = App.jsonBody((long) k * batch, batch, 1.0);
    }
    Latencies latencies = new Latencies();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        long run = runs[c];
        done.add(pool.submit(() -> {
          for (int k = next.getAndIncrement(); k < requests; k = next.getAndIncrement()) {
            HttpRequest request =
                app.ingesting(
                    HttpRequest.newBuilder(app.http.uri("/api/v1/runs/" + run + "/measurements")))
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[k]))
                    .build();
            long s = System.nanoTime();
            HttpResponse<String> response =
                app.http.send(request, HttpResponse.BodyHandlers.ofString(), Duration.ofMinutes(5));
            latencies.record(System.nanoTime() - s);
            if (response.statusCode() != 201) {
              throw new IOException("ingestion answered " + response.statusCode() + ": "
                  + Http.abbreviate(response.body()));
            }
          }
          return null;
        }));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("ingestion failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Throughput((long) requests * batch, (System.nanoTime() - t0) / 1e9, latencies);
  }

  /** The same rows with one {@code COPY measurement ... FROM STDIN} through CopyManager. */
  static Throughput copy(App app, String jdbcUrl, long rows)
      throws IOException, InterruptedException, SQLException {
    long experiment = app.experiment("bench COPY reference");
    long variant = app.variant(experiment, "only");
    app.metrics(experiment);
    long run = app.run(variant);
    long[] metricIds = new long[App.METRICS.length];
    for (JsonNode m : app.http.getJson("/api/v1/experiments/" + experiment + "/metrics")) {
      for (int i = 0; i < App.METRICS.length; i++) {
        if (App.METRICS[i].equals(m.get("name").asText())) {
          metricIds[i] = m.get("id").asLong();
        }
      }
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream((int) (rows * 32));
    StringBuilder line = new StringBuilder(64);
    for (long i = 0; i < rows; i++) {
      line.setLength(0);
      line.append(run).append('\t').append(metricIds[(int) (i & 1)]).append('\t')
          .append(App.value(i, 1.0)).append('\t').append(i).append("\t\\N\n");
      text.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = text.toByteArray();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
      long t0 = System.nanoTime();
      long written = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
          "COPY measurement (run_id, metric_id, value, step, recorded_at) FROM STDIN",
          new ByteArrayInputStream(bytes), 1 << 16);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Latencies one = new Latencies();
      one.record((long) (seconds * 1e9));
      return new Throughput(written, seconds, one);
    }
  }

  /**
   * The same points through MLflow's runs/log-batch, 1,000 metrics a request (its limit), from
   * {@code clients} clients, for at most {@code seconds} seconds (then the rate so far counts).
   */
  static Throughput mlflow(Http mlflow, long rows, int clients, int seconds, String tag)
      throws IOException, InterruptedException {
    int batch = 1_000;
    String experiment = mlflow.postJson("/api/2.0/mlflow/experiments/create",
        Map.of("name", "bench-" + tag + "-" + System.nanoTime())).get("experiment_id").asText();
    String[] runs = new String[clients];
    for (int c = 0; c < clients; c++) {
      runs[c] = mlflow.postJson("/api/2.0/mlflow/runs/create",
          Map.of("experiment_id", experiment, "start_time", System.currentTimeMillis()))
          .get("run").get("info").get("run_id").asText();
    }
    int requests = (int) (rows / batch);
    long timestamp = System.currentTimeMillis();
    byte[][] metrics = new byte[requests][];
    for (int k = 0; k < requests; k++) {
      StringBuilder sb = new StringBuilder(batch * 80);
      for (long i = (long) k * batch; i < (long) (k + 1) * batch; i++) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append("{\"key\":\"").append(App.metric(i)).append("\",\"value\":")
            .append(App.value(i, 1.0)).append(",\"timestamp\":").append(timestamp)
            .append(",\"step\":").append(i).append('}');
      }
      metrics[k] = sb.toString().getBytes(StandardCharsets.UTF_8);
    }
    Latencies latencies = new Latencies();
    AtomicInteger next = new AtomicInteger();
    AtomicLong written = new AtomicLong();
    long t0 = System.nanoTime();
    long deadline = t0 + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        byte[] prefix = ("{\"run_id\":\"" + runs[c] + "\",\"metrics\":[")
            .getBytes(StandardCharsets.UTF_8);
        done.add(pool.submit(() -> {
          for (int k = next.getAndIncrement(); k < requests && System.nanoTime() < deadline;
              k = next.getAndIncrement()) {
            byte[] body = new byte[prefix.length + metrics[k].length + 2];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(metrics[k], 0, body, prefix.length, metrics[k].length);
            body[body.length - 2] = ']';
            body[body.length - 1] = '}';
            long s = System.nanoTime();
            mlflow.postJson("/api/2.0/mlflow/runs/log-batch", body);
            latencies.record(System.nanoTime() - s);
            written.addAndGet(batch);
          }
          return null;
        }));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("MLflow ingestion failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Throughput(written.get(), (System.nanoTime() - t0) / 1e9, latencies);
  }
}
