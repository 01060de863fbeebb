package io.decisionledger.bench;

import io.decisionledger.bench.Report.Kind;
import io.decisionledger.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The benchmark suite of issue 8: starts its own PostgreSQL, MLflow and Liberty servers on its own
 * ports, runs every scenario, writes report.md and report.json, and stops everything it started.
 */
public final class Benchmark {

  private static final Logger LOG = Logger.getLogger(Benchmark.class.getName());

  private final Settings settings;
  private final Report report;
  private final Path wlp = Path.of(required("bench.wlp.dir"));
  private final int httpPort = port("bench.http.port", 9280);
  private final int httpsPort = port("bench.https.port", 9643);
  private final int pgPort = port("bench.pg.port", 25432);
  private final int mlflowPort = port("bench.mlflow.port", 5580);

  private EmbeddedDatabase database;
  private MlflowServer mlflow;
  /** MLflow while it starts in the background (smoke mode), until the run collects it. */
  private java.util.concurrent.CompletableFuture<MlflowServer> mlflowStarting;
  private final List<LibertyServer> servers = new ArrayList<>();
  /** The application's server, for its CPU time during the ingestion configurations. */
  private LibertyServer appServer;

  /**
   * A loopback port from a system property; 0 picks a free one (the smoke test does, so that it
   * never meets another run on the same machine).
   */
  private static int port(String property, int defaultPort) {
    int port = Integer.getInteger(property, defaultPort);
    if (port != 0) {
      return port;
    }
    try (java.net.ServerSocket free =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return free.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Benchmark(Settings settings) {
    this.settings = settings;
    this.report = new Report(settings.mode());
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(required("bench.work.dir"));
    Path reportDir = Path.of(System.getProperty("bench.report.dir", work.toString()));
    Settings settings = "smoke".equals(System.getProperty("bench.mode"))
        ? Settings.smoke(work, reportDir, isCi())
        : Settings.full(work, reportDir);
    Report report = new Benchmark(settings).run();
    LOG.info("report: " + reportDir.resolve("report.md") + (report.allTargetsMet()
        ? " (every target met)" : " (some targets missed: see the report)"));
  }

  static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Runs every scenario and writes the report; always stops what it started. */
  public Report run() throws Exception {
    Thread hook = new Thread(this::stopAll, "bench-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      runScenarios();
      report.write(settings.reportDir());
      return report;
    } finally {
      stopAll();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }

  private void runScenarios() throws Exception {
    long t0 = System.nanoTime();
    Path work = settings.workDir();
    LibertyServer.deleteRecursively(work);
    Files.createDirectories(work);
    Path logs = work.resolve("logs");
    facts();
    // A server left from an earlier run would answer in place of this run's and skew or break it.
    for (int port : List.of(pgPort, httpPort, httpsPort, mlflowPort)) {
      try (java.net.ServerSocket probe =
          new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        probe.setReuseAddress(true);
      } catch (IOException e) {
        throw new IOException("port " + port + " on 127.0.0.1 is in use (a server left from an"
            + " earlier run, or another benchmark): stop it or choose other bench.*.port values", e);
      }
    }

    log("PostgreSQL on 127.0.0.1:" + pgPort);
    database = EmbeddedDatabase.start(work.resolve("postgres"), pgPort, true);
    String jdbcUrl = database.jdbcUrl();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE mlflow");
      try (ResultSet rs = s.executeQuery("SHOW server_version")) {
        rs.next();
        report.version("PostgreSQL", rs.getString(1));
      }
    }

    // MLflow is the ingestion scenario's reference only.
    Optional<Path> mlflowCommand =
        settings.runs("ingestion") ? MlflowServer.locate() : Optional.empty();
    if (!settings.runs("ingestion")) {
      report.note("MLflow was not started: the ingestion scenario was not selected.");
    } else if (mlflowCommand.isEmpty()) {
      if (settings.requireMlflow()) {
        throw new IOException("mlflow is not installed: run .ci/tools/mlflow.sh (it installs into"
            + " ~/.decision-ledger/tools) or pass -Dbench.mlflow=/path/to/mlflow");
      }
      report.note("MLflow is not installed here: its reference was skipped (outside CI only).");
    } else {
      log("MLflow on 127.0.0.1:" + mlflowPort);
      String backend = "postgresql+psycopg2://postgres@127.0.0.1:" + database.port() + "/mlflow";
      java.util.concurrent.Callable<MlflowServer> start = () -> MlflowServer.start(
          mlflowCommand.get(), backend, work.resolve("mlflow"), logs, mlflowPort);
      if (settings.mode().equals("smoke")) {
        // Smoke: MLflow's first start (schema migrations) overlaps the Liberty starts.
        mlflowStarting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return start.call();
          } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        });
      } else {
        // Full: started before the start-up measurements, idle while they run.
        mlflow = start.call();
      }
    }

    Path userDir = work.resolve("wlp-usr");
    LibertyServer.prepare(wlp, userDir, Path.of(required("bench.ear")),
        Path.of(required("bench.jdbc.driver")));
    Map<String, String> env = new HashMap<>();
    env.put("DL_HTTP_PORT", Integer.toString(httpPort));
    env.put("DL_HTTPS_PORT", Integer.toString(httpsPort));
    env.put("DL_DB_URL", jdbcUrl);
    env.put("DL_DB_USER", EmbeddedDatabase.USER);
    env.put("DL_DB_SSL_MODE", "disable");
    env.put("DL_DEMO_SEED", "false");
    // The first administrator (all roles) signs the benchmark's client in; random per run.
    String adminPassword = java.util.UUID.randomUUID().toString();
    env.put("DL_ADMIN_PASSWORD", adminPassword);
    LibertyServer bare = LibertyServer.of(wlp, userDir, logs, LibertyServer.BARE, env, httpPort);
    LibertyServer app = LibertyServer.of(wlp, userDir, logs, LibertyServer.APP, env, httpPort);
    servers.add(bare);
    servers.add(app);
    appServer = app;

    // Start-up and idle memory of the bare server.
    List<Double> bareStarts = new ArrayList<>();
    double bareIdle = 0;
    for (int i = 0; settings.runs("startup") && i < settings.startups(); i++) {
      log("bare Liberty start " + (i + 1));
      bareStarts.add(bare.start());
      Thread.sleep(settings.settleSeconds() * 1000L);
      bareIdle = Math.max(bareIdle, bare.rssMiB());
      bare.stop();
    }
    log("application server start 1");
    List<Double> appStarts = new ArrayList<>();
    appStarts.add(app.start());
    Thread.sleep(settings.settleSeconds() * 1000L);
    double appIdle = app.rssMiB();

    if (mlflowStarting != null) {
      try {
        mlflow = mlflowStarting.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException("MLflow did not start: " + e.getCause().getMessage(), e.getCause());
      }
    }
    if (mlflow != null) {
      report.version("MLflow", mlflow.version());
    }

    App api = new App(new Http("http://127.0.0.1:" + httpPort).signIn("admin", adminPassword));
    long comparisonExperiment;
    if (settings.runs("read")) {
      comparisonExperiment = readPath(api, jdbcUrl);
    } else {
      if (settings.runs("ingestion")) {
        ingestion(api, jdbcUrl, null);
      }
      comparisonExperiment = 0;
      if (settings.runs("pages")) {
        // Focused: the experiment page reads rollups, so its cost is runs x metrics, not rows.
        ReadPath read = new ReadPath(api, jdbcUrl);
        read.growTo(settings.readSizes().get(0));
        comparisonExperiment = read.experiment;
      }
    }
    if (settings.runs("pages")) {
      pages(api, comparisonExperiment);
    }
    if (settings.runs("list")) {
      listPaging(api, jdbcUrl);
    }
    double appAfterLoad = app.rssMiB();
    app.stop();
    if (settings.focused()) {
      report.setting("scenarios", String.join(",", settings.scenarios().stream()
          .sorted(java.util.Comparator.comparing(Settings.SCENARIOS::indexOf)).toList()));
    }
    if (!settings.runs("startup")) {
      report.setting("total seconds", Math.round((System.nanoTime() - t0) / 1e9));
      return;
    }
    for (int i = 1; i < settings.startups(); i++) {
      log("application server start " + (i + 1));
      appStarts.add(app.start());
      app.stop();
    }

    String s = "start-up and memory";
    double appStart = median(appStarts);
    double bareStart = median(bareStarts);
    report.add(s, "start to ready (/health/ready UP), median", appStart, "s", "bare Liberty",
        bareStart, Kind.RATIO_AT_MOST, 1.5, Map.of("application", appStarts, "bare", bareStarts));
    report.add(s, "RSS at idle, " + settings.settleSeconds() + " s after ready", appIdle, "MiB",
        "bare Liberty", bareIdle, Kind.DIFF_AT_MOST, 256, Map.of());
    report.add(s, "RSS after the load", appAfterLoad, "MiB", "bare Liberty at idle", bareIdle,
        Kind.INFO, 0, Map.of());
    report.note("Start-up is the time from launching `server run --clean` to the first 200 of"
        + " /health/ready, for both servers (the bare one has mpHealth with no checks). The"
        + " application's first start also migrates an empty database; the bench server also"
        + " carries the trivial servlet's WAR.");
    report.setting("total seconds", Math.round((System.nanoTime() - t0) / 1e9));
  }

  /** REST ingestion at every size and concurrency, into {@code into} runs (null: their own). */
  private void ingestion(App api, String jdbcUrl, List<Long> into) throws Exception {
    String s = "ingestion";
    // As a pipeline posts: with an API token of scope ingest (README), not a browser session.
    // -Dbench.ingest.session=true posts with the administrator's session instead.
    if (!Boolean.getBoolean("bench.ingest.session")) {
      api.ingestToken = api.ingestToken("bench ingestion");
    }
    // Uncounted 1,000-row requests into an experiment of their own: in a focused run the first
    // configuration would otherwise measure the JIT compiling the write path (its CPU per
    // request was twice that of the same requests from 4 clients later).
    log("REST ingestion warm-up");
    Ingestion.rest(api, Math.min(100_000, settings.ingestRows()), 1_000, 1, null, 0);
    log("COPY reference");
    Ingestion.Throughput copy1 = Ingestion.copy(api, jdbcUrl, settings.copyRows());
    Map<Integer, Ingestion.Throughput> mlflowRates = new LinkedHashMap<>();
    List<Object[]> rest = new ArrayList<>();
    for (int clients : settings.ingestClients()) {
      for (int batch : settings.ingestBatches()) {
        log("REST ingestion, " + batch + " rows/request, " + clients + " client(s)");
        double cpuBefore = appServer.cpuSeconds();
        Ingestion.Throughput t =
            Ingestion.rest(api, settings.ingestRows(), batch, clients, into, rest.size() * 3);
        // The server JVM's CPU per request (not PostgreSQL's, not the client's): the fixed cost
        // of a request shows here even when the shared machine makes the wall time noisy.
        double cpuMs = (appServer.cpuSeconds() - cpuBefore) * 1000;
        rest.add(new Object[] {batch, clients, t, cpuMs / t.latencies().count()});
      }
    }
    log("COPY reference again");
    Ingestion.Throughput copy2 = Ingestion.copy(api, jdbcUrl, settings.copyRows());
    Ingestion.Throughput copy =
        copy1.rowsPerSecond() >= copy2.rowsPerSecond() ? copy1 : copy2;
    if (mlflow != null) {
      Http http = new Http(mlflow.base());
      for (int clients : settings.ingestClients()) {
        log("MLflow reference, " + clients + " client(s)");
        mlflowRates.put(clients, Ingestion.mlflow(http, settings.mlflowRows(), clients,
            settings.mlflowSeconds(), "c" + clients));
      }
    }
    report.add(s, "reference: COPY FROM STDIN (CopyManager), best of 2", copy.rowsPerSecond(),
        "rows/s", Map.of("first", copy1.details(), "second", copy2.details()));
    mlflowRates.forEach((clients, t) -> report.add(s,
        "reference: MLflow runs/log-batch, 1,000 a request, " + clients + " client(s)",
        t.rowsPerSecond(), "rows/s", t.details()));
    StringBuilder cpuNote = new StringBuilder();
    for (Object[] r : rest) {
      int batch = (Integer) r[0];
      int clients = (Integer) r[1];
      Ingestion.Throughput t = (Ingestion.Throughput) r[2];
      String name = "REST JSON, " + String.format(Locale.ROOT, "%,d", batch) + " rows/request, "
          + clients + " client(s)";
      Map<String, Object> details = new LinkedHashMap<>(t.details());
      details.put("serverCpuMsPerRequest", r[3]);
      cpuNote.append(String.format(Locale.ROOT, "%s%,d rows/request with %d client(s) %.1f ms",
          cpuNote.isEmpty() ? "" : "; ", batch, clients, (Double) r[3]));
      report.add(s, name, t.rowsPerSecond(), "rows/s", "COPY", copy.rowsPerSecond(),
          Kind.RATIO_AT_LEAST, 0.5, details);
      Ingestion.Throughput m = mlflowRates.get(clients);
      if (m != null) {
        report.add(s, name, t.rowsPerSecond(), "rows/s", "MLflow, " + clients + " client(s)",
            m.rowsPerSecond(), Kind.RATIO_AT_LEAST, 5, Map.of());
      }
    }
    report.note("Ingestion, CPU time of the application server's JVM per request (user + system,"
        + " all threads, from /proc; PostgreSQL and the client not included): " + cpuNote + ".");
    report.setting("ingestion rows per configuration", settings.ingestRows());
    report.setting("ingestion client", api.ingestToken != null
        ? "API token (scope ingest)" : "administrator's session cookie");
    report.setting("MLflow rows at most", settings.mlflowRows() + " within "
        + settings.mlflowSeconds() + " s");
  }

  private long readPath(App api, String jdbcUrl) throws Exception {
    String s = "comparison read path";
    ReadPath read = new ReadPath(api, jdbcUrl);
    String comparison = "/api/v1/experiments/" + read.experiment + "/comparison";
    String page = "/experiments/detail.xhtml?id=" + read.experiment;
    Map<Long, double[]> p95s = new LinkedHashMap<>(); // json, page, sql
    long ingestTotal = settings.ingestRows() * settings.ingestBatches().size()
        * settings.ingestClients().size();
    boolean ingested = false;
    for (long size : settings.readSizes()) {
      if (!ingested && settings.runs("ingestion") && read.loaded + ingestTotal <= size) {
        // The ingestion scenario writes into this experiment's runs, so its rows (and rollups,
        // built by the product's write path) count towards this size.
        ingestion(api, jdbcUrl, read.runs);
        read.loaded += ingestTotal;
        ingested = true;
      }
      log("growing the comparison experiment to " + size + " measurements");
      read.growTo(size);
      long rolled = read.rolledUp();
      if (rolled != read.loaded) {
        throw new IllegalStateException("rollups hold " + rolled + " of " + read.loaded);
      }
      log("timing reads at " + size);
      Latencies json = read.timeGet(comparison, settings.readIterations(), settings.readSeconds());
      Latencies html = read.timeGet(page, settings.readIterations(), settings.readSeconds());
      Latencies sql = read.timeSql(settings.sqlMaxIterations(), settings.sqlSeconds());
      p95s.put(size, new double[] {json.p95(), html.p95(), sql.p95()});
      String at = " at " + String.format(Locale.ROOT, "%,d", size);
      boolean largest = size == settings.largestReadSize();
      report.add(s, "GET comparison p50" + at, json.p50(), "ms", "SQL over raw rows p50",
          sql.p50(), Kind.INFO, 0, json.summary());
      report.add(s, "GET comparison p95" + at, json.p95(), "ms", "SQL over raw rows p95",
          sql.p95(), largest ? Kind.RATIO_AT_MOST : Kind.INFO, 2, sql.summary());
      report.add(s, "experiment page p50" + at, html.p50(), "ms", "SQL over raw rows p50",
          sql.p50(), Kind.INFO, 0, html.summary());
      report.add(s, "experiment page p95" + at, html.p95(), "ms", "SQL over raw rows p95",
          sql.p95(), Kind.INFO, 0, html.summary());
    }
    long smallest = settings.readSizes().get(0);
    long largest = settings.largestReadSize();
    String growth = String.format(Locale.ROOT, " p95 at %,d vs at %,d", largest, smallest);
    report.add(s, "GET comparison" + growth, p95s.get(largest)[0], "ms",
        String.format(Locale.ROOT, "p95 at %,d", smallest), p95s.get(smallest)[0],
        Kind.RATIO_AT_MOST, 3, Map.of());
    report.add(s, "experiment page" + growth, p95s.get(largest)[1], "ms",
        String.format(Locale.ROOT, "p95 at %,d", smallest), p95s.get(smallest)[1],
        Kind.INFO, 0, Map.of());
    report.add(s, "load through POST /runs/{id}/measurements (100k rows/request, 4 clients)",
        read.grown / read.loadSeconds, "rows/s",
        Map.of("rows", read.grown, "seconds", read.loadSeconds));
    report.note("The comparison experiment has 2 variants x 5 runs x 2 metrics and is grown with"
        + " the application's own ingestion (100k-row JSON requests, 4 clients), so its rollups"
        + " are built by the product's write path (checked: the rollups' n equals the rows"
        + " loaded). The comparison reads those rollups; the SQL reference reads the raw rows.");
    report.note("Reference SQL:\n```sql\n" + ReadPath.REFERENCE_SQL + "\n```");
    if (ingested) {
      report.note("The ingestion scenario's REST rows (" + ingestTotal + ") went into the"
          + " comparison experiment's runs between the last two sizes, so they count towards its"
          + " largest size; the rest was loaded in 100k-row requests.");
    } else if (settings.runs("ingestion")) {
      ingestion(api, jdbcUrl, null);
    }
    return read.experiment;
  }

  /**
   * The experiments list paged on the server over 10,000 experiments (issue #2 names at most
   * 50 ms): the first page, a page in the middle and the last page of the JSON list, and the
   * first page of the list filtered by text, sequential, after a warm-up. The experiments are
   * inserted by SQL (bench data, not recorded in the history); the size is the same in every mode.
   */
  private void listPaging(App api, String jdbcUrl) throws Exception {
    String s = "experiments list paging";
    int size = 10_000;
    log("experiments list paging over " + size + " experiments");
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO experiment (title, status, owner, created_at, updated_at)"
          + " SELECT 'Paging experiment ' || g, 'PLANNED', 'bench',"
          + " now() - g * interval '1 minute', now() - g * interval '1 minute'"
          + " FROM generate_series(1, GREATEST(0, " + size
          + " - (SELECT count(*) FROM experiment))) g");
      st.execute("ANALYZE experiment");
    }
    long total = api.http.getJson("/api/v1/experiments?limit=1").get("total").asLong();
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("first page", "/api/v1/experiments?limit=20");
    queries.put("middle page", "/api/v1/experiments?limit=20&offset=" + (total / 2));
    queries.put("last page", "/api/v1/experiments?limit=20&offset=" + Math.max(0, total - 20));
    queries.put("text filter, first page", "/api/v1/experiments?limit=20&q=experiment%2099");
    int rounds = settings.mode().equals("smoke") ? 30 : 300;
    for (Map.Entry<String, String> q : queries.entrySet()) {
      Latencies latencies = new Latencies();
      for (int i = 0; i < rounds + 10; i++) {
        long t = System.nanoTime();
        api.http.getJson(q.getValue());
        if (i >= 10) {
          latencies.record(System.nanoTime() - t);
        }
      }
      Map<String, Object> details = new LinkedHashMap<>(latencies.summary());
      details.put("experiments", total);
      report.add(s, "GET /experiments, " + q.getKey() + " p95 at " + String.format(Locale.ROOT,
          "%,d", total) + " experiments (issue #2: ≤ 50 ms)", latencies.p95(), "ms", details);
    }
  }

  private void pages(App api, long detailExperiment) throws Exception {
    String s = "pages under load";
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("experiments list", "/experiments/list.xhtml");
    pages.put("experiment detail", "/experiments/detail.xhtml?id=" + detailExperiment);
    pages.put("decision page",
        "/decisions/detail.xhtml?id=" + api.decisionWithEvidence(detailExperiment));
    String trivial = "/bench-trivial/ok";
    int most = settings.pageUsers().get(settings.pageUsers().size() - 1);
    // Signed in once, then shared by the pages (each user keeps its session across pages, as a
    // person browsing does): ~0.5 s a sign-in here, too long to repeat for every page and level.
    log("signing in " + most + " virtual users, each with a session of its own");
    List<Http> sessions = Pages.sessions(api.http, most);
    for (int users : settings.pageUsers()) {
      log("trivial servlet, " + users + " user(s)");
      Pages.Load floor = Pages.run(api.http, sessions, trivial, users,
          settings.pageWarmupSeconds(), settings.pageSeconds());
      report.add(s, "trivial servlet p95, " + users + " user(s)", floor.latencies().p95(), "ms",
          floor.details());
      for (Map.Entry<String, String> p : pages.entrySet()) {
        log(p.getKey() + ", " + users + " user(s)");
        Pages.Load load = Pages.run(api.http, sessions, p.getValue(), users,
            settings.pageWarmupSeconds(), settings.pageSeconds());
        String at = ", " + users + " user(s)";
        report.add(s, p.getKey() + " p95" + at, load.latencies().p95(), "ms",
            "trivial servlet p95", floor.latencies().p95(),
            users == most ? Kind.RATIO_AT_MOST : Kind.INFO, 10, load.details());
        report.add(s, p.getKey() + " errors" + at, load.errors(), "requests",
            "requests sent", load.latencies().count(),
            users == most ? Kind.ZERO : Kind.INFO, 0, Map.of());
      }
    }
    report.note("Pages: closed-loop virtual users, each signed in with a session of its own, "
        + settings.pageWarmupSeconds() + " s warm-up then " + settings.pageSeconds()
        + " s measured per page and level (a request counts when it starts in that window, and"
        + " every user has at least one that counts); the load generator shares the 2 cores with the"
        + " server. The decision page shows an accepted decision (context, drivers, two options)"
        + " citing both metrics of the experiment page's experiment as evidence.");
  }

  private void facts() throws IOException {
    report.machine("cores", Runtime.getRuntime().availableProcessors());
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        report.machine("memory GiB",
            Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0));
      }
    }
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        report.machine("CPU", line.substring(line.indexOf(':') + 1).trim());
        break;
      }
    }
    report.machine("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    report.version("Java", System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    Path liberty = wlp.resolve("lib/versions/openliberty.properties");
    if (Files.exists(liberty)) {
      Properties p = new Properties();
      try (var in = Files.newInputStream(liberty)) {
        p.load(in);
      }
      report.version("Open Liberty", p.getProperty("com.ibm.websphere.productVersion"));
    }
    report.version("Decision Ledger", System.getProperty("bench.version", "?"));
    report.setting("mode", settings.mode());
    report.setting("servers' memory (-XX:MaxRAM, the pod's limit)", LibertyServer.CONTAINER_MEMORY);
  }

  private void stopAll() {
    if (mlflow == null && mlflowStarting != null) {
      // The run failed before it collected MLflow, which may still be starting: wait for it (its
      // start is bounded) so that it is stopped too rather than left listening on its port.
      try {
        mlflow = mlflowStarting.get(5, java.util.concurrent.TimeUnit.MINUTES);
      } catch (Exception e) {
        LOG.warning("MLflow did not finish starting, so it may not be stopped: " + e);
      }
    }
    mlflowStarting = null;
    for (LibertyServer server : servers) {
      try {
        server.stop();
      } catch (Exception e) {
        LOG.warning("could not stop Liberty: " + e);
      }
    }
    if (mlflow != null) {
      try {
        mlflow.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      mlflow = null;
    }
    if (database != null) {
      try {
        database.close();
      } catch (IOException e) {
        LOG.warning("could not stop PostgreSQL: " + e);
      }
      database = null;
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void log(String message) {
    LOG.info("[bench] " + message);
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is required");
    }
    return value;
  }

}
