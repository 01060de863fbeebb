package io.decisionledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The application's REST API, as a pipeline uses it, and the rows the benchmark posts. */
final class App {

  static final String[] METRICS = {"latency_ms", "throughput_rps"};

  final Http http;

  App(Http http) {
    this.http = http;
  }

  long experiment(String title) throws IOException, InterruptedException {
    return http.postJson("/api/v1/experiments", Map.of("title", title, "owner", "bench"))
        .get("id").asLong();
  }

  long variant(long experiment, String name) throws IOException, InterruptedException {
    return http.postJson("/api/v1/experiments/" + experiment + "/variants", Map.of("name", name))
        .get("id").asLong();
  }

  void metrics(long experiment) throws IOException, InterruptedException {
    http.postJson("/api/v1/experiments/" + experiment + "/metrics",
        Map.of("name", METRICS[0], "unit", "ms", "direction", "LOWER_IS_BETTER"));
    http.postJson("/api/v1/experiments/" + experiment + "/metrics",
        Map.of("name", METRICS[1], "unit", "1/s", "direction", "HIGHER_IS_BETTER"));
  }

  long run(long variant) throws IOException, InterruptedException {
    return http.postJson("/api/v1/variants/" + variant + "/runs", Map.of()).get("id").asLong();
  }

  /** Row {@code i} of a stream: metrics alternate, values are spread deterministically. */
  static double value(long i, double shift) {
    long h = (i * 0x9E3779B97F4A7C15L) >>> 40;
    double base = (i & 1) == 0 ? 20.0 : 1000.0;
    return base * shift + (h % 10_000) / 100.0;
  }

  static String metric(long i) {
    return METRICS[(int) (i & 1)];
  }

  /** A JSON ingestion body for rows [from, from + count). */
  static byte[] jsonBody(long from, int count, double shift) {
    StringBuilder sb = new StringBuilder(count * 56);
    sb.append('[');
    for (long i = from; i < from + count; i++) {
      if (i > from) {
        sb.append(',');
      }
      sb.append("{\"metric\":\"").append(metric(i)).append("\",\"value\":")
          .append(value(i, shift)).append(",\"step\":").append(i).append('}');
    }
    return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }
}
