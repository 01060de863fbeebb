package io.decisionledger.it.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import io.decisionledger.it.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Observability against real tools: Debian's Prometheus scrapes the test server's /metrics every
 * second while the test uses the application, then every PromQL query of every Grafana dashboard
 * must return data and the counters must have the exact values. The same run checks that the
 * alert rules load and evaluate on the real series, and that the JSON logs carry request ids and
 * no secrets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrometheusScrapeIT {

  static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
  static final Path DASHBOARDS = REPO.resolve("helm/decision-ledger/files/grafana");
  static final Path RULES = REPO.resolve("helm/decision-ledger/files/prometheus/decision-ledger.rules.yaml");

  /** What Grafana puts in place of the dashboards' variables, as the scrape config labels them. */
  static final Map<String, String> VARIABLES = new LinkedHashMap<>();

  static {
    VARIABLES.put("$__rate_interval", "1m");
    VARIABLES.put("$__interval", "15s");
    VARIABLES.put("$__range", "10m");
    VARIABLES.put("$namespace", "decision-ledger");
    VARIABLES.put("$pod", "decision-ledger-0");
  }

  static final String DECISIONS = "decisionledger_decisions";
  static final int ROWS_PER_REQUEST = 150;
  static final int ACCEPTED_REQUESTS = 2;
  static final String SIGN_IN_FAILURES = "decisionledger_signin_failures_total";
  /** Refused sign-ins per round: an unknown user and a known user's wrong password. */
  static final int REFUSED_SIGN_INS = 2;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @Test
  void everyDashboardQueryReturnsDataFromARealPrometheus() throws Exception {
    Path prometheus = prometheus();
    URL root = Deployments.root(base);
    Http app = new Http(root);
    // A real account whose password the rounds get wrong (twice in all: below the lock-out), and
    // an account that does not exist; neither name may appear in /metrics.
    String suffix = Long.toHexString(System.nanoTime());
    String knownUser = "metrics-known-" + suffix;
    String unknownUser = "metrics-nobody-" + suffix;
    app.postJson("api/v1/users", "{\"username\":\"" + knownUser + "\",\"password\":\"pw-"
        + java.util.UUID.randomUUID() + "\",\"roles\":[\"viewer\"]}");
    Path dir = Files.createTempDirectory("prometheus-it-");
    int port = freePort();
    Files.writeString(dir.resolve("prometheus.yml"), """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - %s
        scrape_configs:
          - job_name: decision-ledger
            metrics_path: /metrics
            static_configs:
              - targets: ["%s:%d"]
                # What the ServiceMonitor's target labels give in a cluster.
                labels:
                  namespace: decision-ledger
                  pod: decision-ledger-0
        """.formatted(RULES, root.getHost(), root.getPort()));
    Process process = new ProcessBuilder(prometheus.toString(),
        "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    try {
      Prometheus prom = new Prometheus(Http.anonymous(new URL("http://127.0.0.1:" + port + "/")));
      await("Prometheus scrapes the server").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
          .until(() -> prom.value("decisionledger_ingestion_rows_total{job=\"decision-ledger\"}").isPresent());

      // A first round creates every series the dashboards read (a route's request timer appears
      // with its first request); once Prometheus has scraped them, a second round gives rate()
      // an increase to see.
      int rowsSent = ROWS_PER_REQUEST * ACCEPTED_REQUESTS;
      double rowsAtStart = prom.value("decisionledger_ingestion_rows_total{job=\"decision-ledger\"}").orElseThrow();
      exercise(app, root, knownUser, unknownUser);
      await("Prometheus sees the first round").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> prom.value("decisionledger_ingestion_rows_total{job=\"decision-ledger\"}")
              .orElseThrow() - rowsAtStart >= rowsSent);
      double rowsBefore = prom.value("decisionledger_ingestion_rows_total{job=\"decision-ledger\"}").orElseThrow();
      double rejectedBefore = prom.value("decisionledger_ingestion_rejected_total{job=\"decision-ledger\"}").orElseThrow();
      double requestsBefore = prom.value("decisionledger_ingestion_requests_total{job=\"decision-ledger\"}").orElseThrow();
      double proposedBefore = prom.value(DECISIONS + "{job=\"decision-ledger\", status=\"proposed\"}").orElseThrow();
      double acceptedBefore = prom.value(DECISIONS + "{job=\"decision-ledger\", status=\"accepted\"}").orElseThrow();
      double refusedBefore = prom.value(SIGN_IN_FAILURES + "{job=\"decision-ledger\", reason=\"refused\"}").orElseThrow();
      double otherFailuresBefore = prom.value("sum(" + SIGN_IN_FAILURES + "{job=\"decision-ledger\", reason!=\"refused\"})").orElseThrow();

      exercise(app, root, knownUser, unknownUser);

      await("Prometheus sees the rows ingested").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> assertThat(
              prom.value("decisionledger_ingestion_rows_total{job=\"decision-ledger\"}").orElseThrow() - rowsBefore)
              .isEqualTo(rowsSent));
      assertThat(prom.value("decisionledger_ingestion_rejected_total{job=\"decision-ledger\"}").orElseThrow()
          - rejectedBefore).as("rejected ingestion requests").isEqualTo(1.0);
      assertThat(prom.value("decisionledger_ingestion_requests_total{job=\"decision-ledger\"}").orElseThrow()
          - requestsBefore).as("ingestion requests").isEqualTo(ACCEPTED_REQUESTS + 1.0);
      // The decision gauges count the ledger's rows at each scrape: one more of each status.
      await("Prometheus sees the decisions").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> {
            assertThat(prom.value(DECISIONS + "{job=\"decision-ledger\", status=\"proposed\"}").orElseThrow()
                - proposedBefore).as("proposed decisions").isEqualTo(1.0);
            assertThat(prom.value(DECISIONS + "{job=\"decision-ledger\", status=\"accepted\"}").orElseThrow()
                - acceptedBefore).as("accepted decisions").isEqualTo(1.0);
          });
      assertThat(prom.query("decisionledger_decisions{job=\"decision-ledger\"}")).as("one series per status")
          .hasSize(5);
      // Refused sign-ins: exactly the round's failures (the same scrape that saw the rows saw them,
      // as they came first), none under another reason.
      assertThat(prom.value(SIGN_IN_FAILURES + "{job=\"decision-ledger\", reason=\"refused\"}").orElseThrow()
          - refusedBefore).as("refused sign-ins").isEqualTo(REFUSED_SIGN_INS);
      assertThat(prom.value("sum(" + SIGN_IN_FAILURES + "{job=\"decision-ledger\", reason!=\"refused\"})").orElseThrow()
          - otherFailuresBefore).as("sign-in failures of other reasons").isZero();
      assertSignInFailuresNeverNameTheUser(prom, Http.anonymous(root), knownUser, unknownUser);

      // Every panel's query returns a number once a scrape or two after the traffic has landed.
      List<DashboardQuery> queries = dashboardQueries();
      assertThat(queries).as("PromQL queries in the dashboards").hasSizeGreaterThan(30);
      await("every dashboard query returns data").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> {
            List<String> empty = new ArrayList<>();
            for (DashboardQuery query : queries) {
              JsonArray result = prom.query(query.promql());
              boolean hasNumber = result.stream().map(JsonValue::asJsonObject)
                  .map(r -> r.getJsonArray("value").getString(1)).anyMatch(v -> !v.equals("NaN"));
              if (!hasNumber) {
                empty.add(query + " -> " + result);
              }
            }
            assertThat(empty).as("dashboard queries without data").isEmpty();
          });

      // The dashboards' namespace and pod variables find the scraped target.
      assertThat(prom.labelValues("namespace", "up{job=~\".*decision-ledger.*\"}")).contains("decision-ledger");
      assertThat(prom.labelValues("pod", "up{job=~\".*decision-ledger.*\", namespace=~\"decision-ledger\"}"))
          .contains("decision-ledger-0");

      assertRulesEvaluateOnRealSeries(prom);
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Two architecture decisions (one proposed, one accepted), ingestion (accepted and rejected), a
   * comparison, pages, a 404: what the panels show.
   */
  private static void exercise(Http app, URL root, String knownUser, String unknownUser) {
    assertThat(Http.anonymous(root).trySignIn(unknownUser, "wrong-password").status())
        .as("an unknown user is refused").isEqualTo(401);
    assertThat(Http.anonymous(root).trySignIn(knownUser, "wrong-password").status())
        .as("a wrong password is refused").isEqualTo(401);
    app.postJson("api/v1/decisions", "{\"title\":\"Observability: proposed\"}");
    long accepted = app.postJson("api/v1/decisions", "{\"title\":\"Observability: accepted\"}")
        .getJsonNumber("id").longValue();
    Http.Response accept = app.put("api/v1/decisions/" + accepted,
        "{\"title\":\"Observability: accepted\",\"status\":\"ACCEPTED\"}");
    assertThat(accept.status()).as(accept.body()).isEqualTo(200);
    long experiment = app.postJson("api/v1/experiments", "{\"title\":\"Observability\",\"owner\":\"it\"}")
        .getJsonNumber("id").longValue();
    long variant = app.postJson("api/v1/experiments/" + experiment + "/variants", "{\"name\":\"A\"}")
        .getJsonNumber("id").longValue();
    app.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"latency\",\"unit\":\"ms\",\"direction\":\"LOWER_IS_BETTER\"}");
    for (int r = 0; r < ACCEPTED_REQUESTS; r++) {
      long run = app.postJson("api/v1/variants/" + variant + "/runs", "{}").getJsonNumber("id").longValue();
      StringBuilder csv = new StringBuilder("metric,value,step\n");
      for (int i = 0; i < ROWS_PER_REQUEST; i++) {
        csv.append("latency,").append(20 + (i * 7) % 50).append(',').append(i).append('\n');
      }
      assertThat(app.post("api/v1/runs/" + run + "/measurements", "text/csv", csv.toString()).status())
          .isEqualTo(201);
    }
    long run = app.postJson("api/v1/variants/" + variant + "/runs", "{}").getJsonNumber("id").longValue();
    assertThat(app.post("api/v1/runs/" + run + "/measurements", "text/csv", "metric,value\nlatency,x\n")
        .status()).as("an invalid row is rejected").isEqualTo(400);
    assertThat(app.get("api/v1/experiments/" + experiment + "/comparison").status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(app.get("", "text/html").status()).isEqualTo(200);
      assertThat(app.get("experiments/list.xhtml", "text/html").status()).isEqualTo(200);
      assertThat(app.get("experiments/detail.xhtml?id=" + experiment, "text/html").status()).isEqualTo(200);
    }
    assertThat(app.get("no-such-page").status()).isEqualTo(404);
    assertThat(app.get("api/v1/experiments/999999999").status()).isEqualTo(404);
  }

  /**
   * The sign-in failure series carry the reason and the scrape's own labels, nothing else: one
   * series per reason, and no user name anywhere in /metrics.
   */
  private static void assertSignInFailuresNeverNameTheUser(Prometheus prom, Http anonymous,
      String... users) {
    JsonArray series = prom.query(SIGN_IN_FAILURES + "{job=\"decision-ledger\"}");
    assertThat(series).extracting(s -> s.asJsonObject().getJsonObject("metric").getString("reason"))
        .containsExactlyInAnyOrder("refused", "locked", "disabled", "provider");
    for (JsonValue s : series) {
      assertThat(s.asJsonObject().getJsonObject("metric").keySet()).as(s.toString())
          .containsOnly("__name__", "job", "instance", "namespace", "pod", "mp_scope", "reason");
    }
    Http.Response metrics = anonymous.get("metrics", "text/plain");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains(SIGN_IN_FAILURES + "{");
    for (String user : users) {
      assertThat(metrics.body()).as("/metrics names a user who failed to sign in").doesNotContain(user);
    }
  }

  /** Every alert rule loads, evaluates without error, and reads series the server exports. */
  private static void assertRulesEvaluateOnRealSeries(Prometheus prom) throws IOException {
    String rules = Files.readString(RULES);
    int alerts = (int) Pattern.compile("(?m)^\\s*- alert: ").matcher(rules).results().count();
    await("Prometheus evaluates the rules").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> {
          List<JsonObject> loaded = prom.rules();
          assertThat(loaded).hasSize(alerts);
          for (JsonObject rule : loaded) {
            assertThat(rule.getString("health")).as(rule.getString("name") + ": "
                + rule.getString("lastError", "")).isEqualTo("ok");
          }
        });
    Set<String> names = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\{").matcher(rules);
    while (m.find()) {
      names.add(m.group(1));
    }
    // kube_* series come from kube-state-metrics in a cluster, not from the application.
    names.removeIf(name -> name.startsWith("kube_") || name.equals("by") || name.equals("on"));
    assertThat(names).contains("up", "decisionledger_ingestion_duration_seconds_bucket",
        "http_server_request_duration_seconds_bucket", "connectionpool_freeConnections");
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (prom.query("count(" + name + "{job=\"decision-ledger\"})").isEmpty()) {
        missing.add(name);
      }
    }
    assertThat(missing).as("series the alert rules read but the server does not export").isEmpty();
  }

  @Test
  void jsonLogsCarryTheRequestIdAndNoSecret() throws Exception {
    URL root = Deployments.root(base);
    Http app = new Http(root);
    // An id the caller sends comes back; an unsafe one is replaced; none gets one.
    Http.Response echoed = get(root, "api/v1/experiments", Map.of("X-Request-Id", "it-echo-0001"));
    assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("it-echo-0001");
    Http.Response replaced = get(root, "api/v1/experiments", Map.of("X-Request-Id", "x\" injected=1 " + "y".repeat(80)));
    assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow())
        .matches("[0-9a-f-]{36}");
    assertThat(app.get("").headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");

    // A request that fails on the server is logged, and the log line carries the request's id.
    // The database is stopped to make it fail (503, logged as a WARNING), then restarted.
    String requestId = "it-failing-" + System.nanoTime();
    String secret = "it-secret-" + Long.toHexString(System.nanoTime());
    Http.Response failed;
    TestDatabase.get().stop();
    try {
      // Signed in (the session's roles are cached, so the request reaches the resource), with a
      // secret-looking query parameter that must not reach the log.
      failed = get(root, "api/v1/experiments?password=" + secret,
          Map.of("X-Request-Id", requestId, "Cookie", app.sessionCookie()));
    } finally {
      TestDatabase.get().restart();
    }
    assertThat(failed.status()).as(failed.body()).isEqualTo(503);
    assertThat(failed.headers().firstValue("X-Request-Id")).hasValue(requestId);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(app.get("health/ready").status()).isEqualTo(200));

    Path log = Path.of(System.getProperty("dl.wlp.dir"), "usr", "servers",
        System.getProperty("dl.it.server.name"), "logs", "messages.log");
    List<JsonObject> records = new ArrayList<>();
    await("the failure is logged").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> {
          records.clear();
          records.addAll(parseJsonLines(log));
          assertThat(records).anyMatch(r -> requestId.equals(r.getString("ext_requestId", null)));
        });
    for (JsonObject record : records) {
      assertThat(record.keySet()).as(record.toString()).contains("type", "host", "ibm_datetime", "ibm_sequence");
      if ("liberty_message".equals(record.getString("type"))) {
        assertThat(record.keySet()).as(record.toString()).contains("message", "loglevel", "module", "ibm_threadId");
      }
    }
    List<JsonObject> ofRequest = records.stream()
        .filter(r -> requestId.equals(r.getString("ext_requestId", null))).toList();
    assertThat(ofRequest).anyMatch(r -> r.getString("loglevel").equals("WARNING")
        && r.getString("message").contains("The database is unreachable"));
    // The id is removed when the request ends: no record of another request carries it.
    assertThat(ofRequest).allMatch(r -> r.getString("ibm_threadId").equals(ofRequest.get(0).getString("ibm_threadId")));

    String text = Files.readString(log);
    for (String value : secrets(secret)) {
      assertThat(text).as("messages.log must not contain a secret").doesNotContain(value);
    }
  }

  /** Values that must never reach a log: the test's own and the server's generated passwords. */
  private static List<String> secrets(String sent) throws IOException {
    List<String> secrets = new ArrayList<>(List.of(sent));
    Path server = Path.of(System.getProperty("dl.wlp.dir"), "usr", "servers", System.getProperty("dl.it.server.name"));
    Path env = server.resolve("server.env");
    if (Files.exists(env)) {
      for (String line : Files.readAllLines(env)) {
        int eq = line.indexOf('=');
        if (eq > 0 && line.substring(0, eq).toLowerCase().contains("password") && line.length() > eq + 4) {
          secrets.add(line.substring(eq + 1).trim());
        }
      }
    }
    Path password = server.resolve("variables/dl.db.password");
    if (Files.exists(password) && Files.readString(password).strip().length() > 3) {
      secrets.add(Files.readString(password).strip());
    }
    return secrets;
  }

  /**
   * The records of messages.log. Liberty writes its banner and the first kernel messages before it
   * has read the logging configuration, in its plain format; from the first JSON record on, every
   * line must be one JSON object. (bootstrap.properties com.ibm.ws.logging.message.format=json
   * makes the early messages JSON too; the banner stays.)
   */
  private static List<JsonObject> parseJsonLines(Path log) throws IOException {
    List<JsonObject> records = new ArrayList<>();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    int first = 0;
    while (first < lines.size() && !lines.get(first).startsWith("{")) {
      first++;
    }
    assertThat(first).as("plain lines before the first JSON record of " + log).isLessThan(25);
    int number = first;
    for (String line : lines.subList(first, lines.size())) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try (var reader = Json.createReader(new StringReader(line))) {
        records.add(reader.readObject());
      } catch (RuntimeException e) {
        throw new AssertionError("messages.log line " + number + " is not a JSON object: " + line, e);
      }
    }
    return records;
  }

  /** One PromQL query of a dashboard panel, with Grafana's variables substituted. */
  record DashboardQuery(String dashboard, String panel, String refId, String promql) {
    @Override
    public String toString() {
      return dashboard + " / " + panel + " / " + refId + ": " + promql;
    }
  }

  static List<DashboardQuery> dashboardQueries() throws IOException {
    List<DashboardQuery> queries = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(DASHBOARDS)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("dashboards in " + DASHBOARDS).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : files) {
      JsonObject dashboard;
      try (var reader = Json.createReader(Files.newBufferedReader(file))) {
        dashboard = reader.readObject();
      }
      collect(file.getFileName().toString(), dashboard.getJsonArray("panels"), queries);
    }
    return queries;
  }

  private static void collect(String dashboard, JsonArray panels, List<DashboardQuery> into) {
    for (JsonValue value : panels) {
      JsonObject panel = value.asJsonObject();
      if (panel.containsKey("panels")) {
        collect(dashboard, panel.getJsonArray("panels"), into);
      }
      if (!panel.containsKey("targets")) {
        continue;
      }
      for (JsonValue t : panel.getJsonArray("targets")) {
        JsonObject target = t.asJsonObject();
        String type = target.containsKey("datasource")
            ? target.getJsonObject("datasource").getString("type", "")
            : panel.getJsonObject("datasource").getString("type", "");
        if (!"prometheus".equals(type)) {
          continue; // LogQL: Loki is not part of this test
        }
        String expr = target.getString("expr");
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
          expr = expr.replace(variable.getKey(), variable.getValue());
        }
        assertThat(expr).as("unknown variable in " + dashboard).doesNotContain("$");
        into.add(new DashboardQuery(dashboard, panel.getString("title"), target.getString("refId"), expr));
      }
    }
  }

  /** Prometheus' HTTP API. */
  record Prometheus(Http http) {
    JsonArray query(String promql) {
      Http.Response response = http.get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      assertThat(response.status()).as(promql + ": " + response.body()).isEqualTo(200);
      return response.json().getJsonObject("data").getJsonArray("result");
    }

    Optional<Double> value(String promql) {
      JsonArray result = query(promql);
      return result.isEmpty() ? Optional.empty()
          : Optional.of(Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)));
    }

    List<String> labelValues(String label, String match) {
      Http.Response response = http.get("api/v1/label/" + label + "/values?match[]="
          + URLEncoder.encode(match, StandardCharsets.UTF_8));
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      return response.json().getJsonArray("data").getValuesAs(JsonValue::toString).stream()
          .map(s -> s.replace("\"", "")).toList();
    }

    List<JsonObject> rules() {
      Http.Response response = http.get("api/v1/rules");
      assertThat(response.status()).isEqualTo(200);
      return response.json().getJsonObject("data").getJsonArray("groups").stream()
          .flatMap(g -> g.asJsonObject().getJsonArray("rules").stream()).map(JsonValue::asJsonObject)
          .toList();
    }
  }

  /** Debian's prometheus; in CI a missing one fails the test, elsewhere it skips. */
  static Path prometheus() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, "prometheus"));
        }
      }
    }
    candidates.add(Path.of("/usr/bin/prometheus"));
    Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
    if (found.isEmpty()) {
      String message = "prometheus is not installed (apt-get install prometheus; .ci/tools/apt.sh installs it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + "; CI must not skip this test");
      }
      Assumptions.abort(message);
    }
    return found.get();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** A GET with extra headers (Http sends only Accept). */
  private static Http.Response get(URL root, String path, Map<String, String> headers) throws Exception {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(root.toURI().resolve(path))
        .timeout(Duration.ofSeconds(120)).header("Accept", "application/json, application/problem+json");
    headers.forEach(request::header);
    java.net.http.HttpResponse<String> response =
        CLIENT.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    return new Http.Response(response.statusCode(), response.headers(), response.body());
  }
}
