package io.decisionledger.it.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.decisionledger.it.Http;
import io.decisionledger.it.TestDatabase;
import io.decisionledger.launcher.EmbeddedDatabase;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracing switched on the way an operator does it: the environment variables that the chart's
 * ConfigMap sets with {@code tracing.enabled=true} configure Liberty's runtime-wide OpenTelemetry
 * SDK, which exports spans over OTLP/HTTP (protobuf) to a receiver this test runs on loopback
 * ({@link OtlpReceiver}).
 *
 * <p>Tracing stays off on the Arquillian server the other tests share (the SDK is configured once,
 * when the server starts), so this test runs a Liberty server of its own: the application's real
 * server configuration ({@code src/main/liberty/config}) and EAR, its own database in the test
 * suite's PostgreSQL, its own ports. Plain JUnit, no Arquillian.
 */
class TracingIT {

  /** What the chart's ConfigMap holds with tracing.enabled=true (helm/decision-ledger/templates/configmap.yaml). */
  static Map<String, String> tracingEnvironment(String endpoint) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEL_SDK_DISABLED", "false");
    env.put("OTEL_SERVICE_NAME", "decision-ledger");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    env.put("OTEL_TRACES_EXPORTER", "otlp");
    env.put("OTEL_METRICS_EXPORTER", "none");
    env.put("OTEL_LOGS_EXPORTER", "none");
    env.put("OTEL_TRACES_SAMPLER", "parentbased_traceidratio");
    env.put("OTEL_TRACES_SAMPLER_ARG", "1.0");
    // Test only: export every 100 ms instead of every 5 s.
    env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    return env;
  }

  static final String REQUEST_ID_ATTRIBUTE = "decisionledger.request_id";
  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
  static final String DATABASE = "tracing";

  static Path wlp;
  static String serverName;
  static Path serverDir;
  static OtlpReceiver receiver;
  static Http app;

  @BeforeAll
  static void startServerWithTracing() throws Exception {
    wlp = Path.of(System.getProperty("dl.wlp.dir"));
    serverName = System.getProperty("dl.it.server.name") + "-tracing";
    serverDir = wlp.resolve("usr/servers").resolve(serverName);
    receiver = new OtlpReceiver();

    // The application's own server: configuration, EAR, and variables as the container gets them.
    deleteRecursively(serverDir);
    copyTree(Path.of(System.getProperty("dl.server.config.dir")), serverDir);
    Files.createDirectories(serverDir.resolve("apps"));
    Files.copy(Path.of(System.getProperty("dl.ear")), serverDir.resolve("apps/decision-ledger.ear"),
        StandardCopyOption.REPLACE_EXISTING);
    // What `server create` generates (the container gets it from its keystore snippet): without it
    // Liberty's security service reports an LTPA configuration error at start.
    Files.writeString(serverDir.resolve("server.env"),
        "keystore_password=" + randomHex(12) + "\n", StandardCharsets.UTF_8);
    int httpPort = freePort();
    Path variables = Files.createDirectories(serverDir.resolve("variables"));
    Files.writeString(variables.resolve("dl.db.url"), freshDatabase());
    Files.writeString(variables.resolve("dl.db.user"), EmbeddedDatabase.USER);
    Files.writeString(variables.resolve("dl.db.ssl-mode"), "disable");
    Files.writeString(variables.resolve("dl.http.port"), Integer.toString(httpPort));
    Files.writeString(variables.resolve("dl.https.port"), Integer.toString(freePort()));
    Files.writeString(variables.resolve("dl.demo.seed"), "false");
    Files.writeString(variables.resolve("dl.admin.password"), TestDatabase.adminPassword());

    ProcessBuilder start = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", serverName)
        .redirectErrorStream(true).redirectOutput(serverDir.resolve("start.out").toFile());
    start.environment().putAll(tracingEnvironment(receiver.endpoint()));
    Process process = start.start();
    assertThat(process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("server start returns").isTrue();
    assertThat(process.exitValue()).as("server start: " + Files.readString(serverDir.resolve("start.out"))).isZero();

    URL root = new URL("http://127.0.0.1:" + httpPort + "/");
    Http anonymous = Http.anonymous(root);
    // Ready, and the application answering (health can be UP a moment before the EAR's web
    // module is bound).
    await("the tracing server is ready").atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(500))
        .ignoreExceptions().until(() -> anonymous.get("health/ready").status() == 200
            && anonymous.get("api/v1/session").status() != 404);
    // Its own first administrator; not `new Http(root)`, which would load the demo here instead of
    // into the shared test server.
    app = Http.as(root, TestDatabase.ADMIN, TestDatabase.adminPassword());
  }

  @AfterAll
  static void stopServer() throws Exception {
    try {
      if (serverName != null) {
        Process stop = new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", serverName)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!stop.waitFor(2, TimeUnit.MINUTES)) {
          stop.destroyForcibly();
        }
      }
    } finally {
      if (receiver != null) {
        receiver.close();
      }
    }
  }

  @Test
  void aRestCallArrivesAsAServerSpanOfDecisionLedgerWithItsRequestId() {
    long id = app.postJson("api/v1/experiments", "{\"title\":\"Traced\",\"owner\":\"it\"}")
        .getJsonNumber("id").longValue();
    String requestId = "tracing-it-" + System.nanoTime();
    Http.Response response = app.get("api/v1/experiments/" + id, Map.of("X-Request-Id", requestId));
    assertThat(response.status()).isEqualTo(200);

    OtlpReceiver.ReceivedSpan span = awaitServerSpan(requestId);
    assertThat(span.resource()).as(span.toString()).containsEntry("service.name", "decision-ledger");
    assertThat(span.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(span.attribute("http.route")).as(span.toString()).hasValue("/api/v1/experiments/{id}");
    assertThat(span.attribute("http.request.method")).as(span.toString()).hasValue("GET");
    assertThat(span.attribute("http.response.status_code")).as(span.toString()).hasValue("200");
    assertThat(span.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(span.span().getEndTimeUnixNano()).isGreaterThan(span.span().getStartTimeUnixNano());
    assertThat(receiver.errors()).as("bodies the receiver could not decode").isEmpty();
  }

  @Test
  void theServerSpanContinuesTheCallersTrace() {
    String traceId = randomHex(16);
    String parentSpanId = randomHex(8);
    String requestId = "tracing-it-parent-" + System.nanoTime();
    Http.Response response = app.get("api/v1/experiments?limit=1", Map.of(
        "X-Request-Id", requestId, "traceparent", "00-" + traceId + "-" + parentSpanId + "-01"));
    assertThat(response.status()).isEqualTo(200);

    OtlpReceiver.ReceivedSpan span = awaitServerSpan(requestId);
    assertThat(span.traceId()).as(span.toString()).isEqualTo(traceId);
    assertThat(span.parentSpanId()).as(span.toString()).isEqualTo(parentSpanId);
    assertThat(span.attribute("http.route")).as(span.toString()).hasValue("/api/v1/experiments");
  }

  /**
   * A request that fails logs SEVERE with an incident; the log record carries both the request id
   * and the trace id, and the span of that trace is marked as an error: from a user's incident
   * number to the trace and back.
   */
  @Test
  void aFailedRequestsLogLinesLeadToItsTrace() throws Exception {
    String requestId = "tracing-it-failing-" + System.nanoTime();
    Http.Response failed;
    // The tracing server has its own database: hiding a table makes the next query fail there only.
    sql("ALTER TABLE experiment RENAME TO experiment_hidden");
    try {
      failed = app.get("api/v1/experiments", Map.of("X-Request-Id", requestId));
    } finally {
      sql("ALTER TABLE experiment_hidden RENAME TO experiment");
    }
    assertThat(failed.status()).as(failed.body()).isEqualTo(500);
    assertThat(failed.body()).contains("incident");

    OtlpReceiver.ReceivedSpan span = awaitServerSpan(requestId);
    assertThat(span.attribute("http.response.status_code")).as(span.toString()).hasValue("500");
    assertThat(span.span().getStatus().getCode()).as(span.toString()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);

    Path log = serverDir.resolve("logs/messages.log");
    List<JsonObject> ofRequest = new ArrayList<>();
    await("the failure is logged").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> {
          ofRequest.clear();
          ofRequest.addAll(jsonRecords(log).stream()
              .filter(r -> requestId.equals(r.getString("ext_requestId", null))).toList());
          assertThat(ofRequest).anyMatch(r -> "SEVERE".equals(r.getString("loglevel", null)));
        });
    assertThat(ofRequest).as("records of request " + requestId)
        .allSatisfy(r -> assertThat(r.getString("ext_traceId", null)).isEqualTo(span.traceId()));
  }

  /** Waits for the server span tagged with the request id; fails with what did arrive. */
  private static OtlpReceiver.ReceivedSpan awaitServerSpan(String requestId) {
    try {
      return await("the span of request " + requestId + " reaches the receiver")
          .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .failFast("the receiver could not decode a post", () -> !receiver.errors().isEmpty())
          .until(() -> receiver.spans().stream()
              .filter(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER)
              .filter(s -> s.attribute(REQUEST_ID_ATTRIBUTE).orElse("").equals(requestId))
              .findFirst(), java.util.Optional::isPresent)
          .orElseThrow();
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      StringBuilder received = new StringBuilder();
      receiver.spans().forEach(span -> received.append("\n  ").append(span));
      throw new AssertionError("no server span with " + REQUEST_ID_ATTRIBUTE + "=" + requestId
          + "; posts " + receiver.posts() + ", spans:" + received, e);
    }
  }

  private static List<JsonObject> jsonRecords(Path log) throws IOException {
    List<JsonObject> records = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith("{")) {
        try (var reader = Json.createReader(new StringReader(line))) {
          records.add(reader.readObject());
        }
      }
    }
    return records;
  }

  /** A new, empty database for the tracing server in the test suite's PostgreSQL. */
  private static String freshDatabase() throws SQLException {
    EmbeddedDatabase database = TestDatabase.get();
    try (Connection c = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + database.port() + "/postgres", EmbeddedDatabase.USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
    return "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + DATABASE;
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + TestDatabase.get().port() + "/" + DATABASE, EmbeddedDatabase.USER, "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // never all zero (an invalid id)
    return HexFormat.of().formatHex(random);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
