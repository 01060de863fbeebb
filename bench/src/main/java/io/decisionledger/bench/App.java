package io.decisionledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The application's REST API, as a pipeline uses it, and the rows the benchmark posts. */
final class App {

  static final String[] METRICS = {"latency_ms", "throughput_rps"};

  final Http http;
  /** The API token a pipeline posts with (scope ingest), or null: then the session is used. */
  volatile String ingestToken;

  App(Http http) {
    this.http = http;
  }

  /** Creates an API token with scope ingest, as a pipeline is given one; returns its value. */
  String ingestToken(String name) throws IOException, InterruptedException {
    return http.postJson("/api/v1/tokens",
        Map.of("name", name, "scopes", java.util.List.of("ingest"), "expiresInDays", 1))
        .get("value").asText();
  }

  /** Authorises an ingestion request as a pipeline does: its token, else the session. */
  java.net.http.HttpRequest.Builder ingesting(java.net.http.HttpRequest.Builder request) {
    String token = ingestToken;
    return token == null ? http.authorize(request)
        : request.header("Authorization", "Bearer " + token);
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

  /**
   * An accepted decision as a team would write it (context, drivers, two options, the choice),
   * citing every metric of {@code experiment} as evidence: the decision page's realistic case.
   */
  long decisionWithEvidence(long experiment) throws IOException, InterruptedException {
    Map<String, Object> draft = new java.util.LinkedHashMap<>();
    draft.put("title", "Adopt the candidate build");
    draft.put("status", "ACCEPTED");
    draft.put("deciders", "bench");
    draft.put("context", "The candidate build changes the request path. **Latency** and"
        + " *throughput* were measured in the comparison experiment.\n\n- 2 variants\n- 5 runs each");
    draft.put("drivers", "- p95 latency must not grow\n- throughput should not drop");
    draft.put("options", java.util.List.of(
        Map.of("name", "Keep the baseline", "description", "No change", "pros", "- known",
            "cons", "- slower"),
        Map.of("name", "Adopt the candidate", "description", "Ship the new path",
            "pros", "- about 5% faster", "cons", "- new code")));
    draft.put("chosenOption", "Adopt the candidate");
    draft.put("justification", "The comparison shows the candidate ahead on both metrics.");
    draft.put("consequences", "The baseline path is removed in the next release.");
    long id = http.postJson("/api/v1/decisions", draft).get("id").asLong();
    http.postJson("/api/v1/decisions/" + id + "/evidence", Map.of("experimentId", experiment));
    return id;
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
