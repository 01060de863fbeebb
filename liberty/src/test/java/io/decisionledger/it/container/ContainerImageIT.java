package io.decisionledger.it.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.decisionledger.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The image built from the real {@code liberty/Containerfile} runs here as it would on Kubernetes:
 * read-only root file system with writable tmpfs for /output, /logs and /tmp (the chart's
 * emptyDirs), UID 1001 in group 0, all capabilities dropped, no new privileges; settings from the
 * environment and from files in {@code /config/variables/} (the database password as a mounted
 * directory, as a Kubernetes Secret would be), against PostgreSQL on loopback that demands the
 * password (scram-sha-256).
 *
 * <p>No registry image can be pulled here, so the base is the local stand-in for the official
 * kernel-slim image that {@code src/container/base/build-standin-base.sh} assembles (cached by a
 * hash of its inputs); docs/container.md says what it stands in for. Plain JUnit, no Arquillian.
 * Needs Podman ({@code .ci/tools/podman.sh}): fails without it under {@code CI=true}, skips
 * otherwise.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {

  private static final String ROLE = "ledger";
  private static final String PASSWORD = "s3cret-" + UUID.randomUUID();
  /**
   * Free ports picked at start (other servers of the project, the run command's 9080, the
   * Arquillian server's 9180, the benchmark's, may run at the same time); fixed with
   * -Ddl.container.it.http.port / -Ddl.container.it.https.port.
   */
  private static final int HTTP_PORT = Integer.getInteger("dl.container.it.http.port", freePort());
  private static final int HTTPS_PORT =
      Integer.getInteger("dl.container.it.https.port", freePort());
  /** Liberty starts in 30-70 s here, several minutes on a 2-core machine busy with other builds. */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);
  private static final String APP_IMAGE = "localhost/decision-ledger/decision-ledger:it";

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path WORK = MODULE.resolve("target/container-it");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Map<String, String> podmanEnvironment;
  private static EmbeddedDatabase database;
  private static String baseImage;

  @BeforeAll
  static void buildImageAndStartDatabase() throws Exception {
    podmanEnvironment = podmanEnvironment();
    requirePodman();

    Path ear = MODULE.resolve("target/image/decision-ledger.ear");
    assertThat(ear).as("the EAR staged by the package phase").exists();

    // The stand-in base (cached), then the real Containerfile on it.
    Instant baseStarted = Instant.now();
    Result base = run(Duration.ofMinutes(15), "bash",
        MODULE.resolve("src/container/base/build-standin-base.sh").toString());
    assertThat(base.exitCode()).as("stand-in base build:\n%s", base.output()).isZero();
    List<String> lines = base.stdout().lines().filter(l -> !l.isBlank()).toList();
    baseImage = lines.get(lines.size() - 1).trim();
    assertThat(baseImage).startsWith("localhost/");
    System.out.printf("ContainerImageIT: stand-in base ready in %d s%n",
        Duration.between(baseStarted, Instant.now()).toSeconds());

    Instant started = Instant.now();
    Result build = podman(Duration.ofMinutes(10), "build", "--network", "host",
        "-f", MODULE.resolve("Containerfile").toString(),
        "--build-arg", "BASE_IMAGE=" + baseImage,
        "--build-arg", "VERSION=0.1.0-it", "--build-arg", "REVISION=it",
        "-t", APP_IMAGE, MODULE.toString());
    assertThat(build.exitCode()).as("podman build of liberty/Containerfile:\n%s", build.output())
        .isZero();
    System.out.printf("ContainerImageIT: base %s; application image built in %d s%n", baseImage,
        Duration.between(started, Instant.now()).toSeconds());
    // Earlier builds of the application image, untagged by this one, are not needed.
    podman(Duration.ofMinutes(2), "image", "prune", "--force",
        "--filter", "label=org.opencontainers.image.title=Decision Ledger");

    database = EmbeddedDatabase.start(WORK.resolve("postgres"), 0, true);
    requirePasswords(database);
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1)
  void theImageServesTheAppReadOnlyNonRootWithTheMountedPassword() throws Exception {
    Path variables = variables("right", PASSWORD);
    String container = start(variables);
    try {
      Instant started = Instant.now();
      awaitReady(container, STARTUP_TIMEOUT);
      System.out.printf("ContainerImageIT: ready %d s after podman run%n",
          Duration.between(started, Instant.now()).toSeconds());
      String log = logs(container);
      assertThat(log.contains("CWWKO0219I") && log.contains("port " + HTTP_PORT))
          .as("the container's server is the one answering on %d; log:%n%s", HTTP_PORT,
              logTail(container))
          .isTrue();

      // Nobody is signed in: the pages send the browser to the sign-in page.
      HttpResponse<String> home = get("/experiments/list.xhtml");
      assertThat(home.statusCode()).isEqualTo(302);
      assertThat(home.headers().firstValue("Location").orElse("")).contains("/login.xhtml");
      HttpResponse<String> signInPage = get("/login.xhtml");
      assertThat(signInPage.statusCode()).isEqualTo(200);
      assertThat(signInPage.body()).contains("Sign in");

      // The first administrator came from the mounted admin password; the demo loads on request.
      java.net.URL root = new java.net.URL("http://127.0.0.1:" + HTTP_PORT + "/");
      io.decisionledger.it.Http admin = io.decisionledger.it.Http.as(root,
          io.decisionledger.it.TestDatabase.ADMIN, io.decisionledger.it.TestDatabase.adminPassword());
      assertThat(admin.post("api/v1/demo", "application/json", "").status()).isEqualTo(200);
      io.decisionledger.it.Http.Response list = admin.get("experiments/list.xhtml", "text/html");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.contentType()).startsWith("text/html");
      // Flyway created the schema as the password-authenticated role and the demo was loaded.
      assertThat(list.body()).contains("Path A vs Path B");

      // Non-root, group 0, and the root file system is read-only.
      assertThat(podman(Duration.ofSeconds(30), "exec", container, "id", "-u").stdout().trim())
          .isEqualTo("1001");
      assertThat(podman(Duration.ofSeconds(30), "exec", container, "id", "-g").stdout().trim())
          .isEqualTo("0");
      Result write = podman(Duration.ofSeconds(30), "exec", container,
          "touch", "/config/apps/written-at-run-time");
      assertThat(write.exitCode()).as("writing under /config").isNotZero();
      assertThat(write.output()).contains("Read-only file system");
      // The password came in as a file, not through the environment.
      assertThat(podman(Duration.ofSeconds(30), "exec", container, "cat",
          "/config/variables/dl.db.password").stdout()).isEqualTo(PASSWORD);
      assertThat(podman(Duration.ofSeconds(30), "inspect", "--format",
          "{{.Config.Env}}", container).stdout()).doesNotContain(PASSWORD);
    } finally {
      remove(container);
    }
  }

  @Test
  @Order(2)
  void aWrongMountedPasswordKeepsReadinessDown() throws Exception {
    Path variables = variables("wrong", "not-" + PASSWORD);
    String container = start(variables);
    try {
      // The application starts, but the database refuses the password: not ready, and it stays so.
      HttpResponse<String> ready = awaitServerAnswers(container, STARTUP_TIMEOUT);
      Instant until = Instant.now().plusSeconds(30);
      while (true) {
        String body = ready.body();
        assertThat(ready.statusCode()).as(() -> body + "\nlog:\n" + logTail(container))
            .isEqualTo(503);
        assertThat(compact(ready.body())).startsWith("{\"status\":\"DOWN\"")
            // PostgreSQL's invalid_password: the mounted password was sent and refused.
            .contains("\"name\":\"database\"").contains("28P01");
        if (Instant.now().isAfter(until)) {
          break;
        }
        TimeUnit.SECONDS.sleep(3);
        assertRunning(container);
        ready = get("/health/ready");
      }
    } finally {
      remove(container);
    }
  }

  // --- the container ------------------------------------------------------------------------

  /** The variables directory a Kubernetes Secret would be: the password and the SSL mode. */
  private static Path variables(String name, String password) throws IOException {
    Path dir = WORK.resolve("variables-" + name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("dl.db.password"), password, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("dl.db.ssl-mode"), "disable", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("dl.admin.password"),
        io.decisionledger.it.TestDatabase.adminPassword(), StandardCharsets.UTF_8);
    // Readable by UID 1001, as a Secret volume's default mode 0644 makes them.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }
    return dir;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String start(Path variables) throws Exception {
    // Whatever answers on the port must be this container.
    try (Socket taken = new Socket(InetAddress.getLoopbackAddress(), HTTP_PORT)) {
      fail("port " + HTTP_PORT + " is already taken by another server");
    } catch (IOException free) {
      // expected
    }
    String name = "dl-container-it-" + UUID.randomUUID().toString().substring(0, 8);
    Result run = podman(Duration.ofMinutes(2), "run", "--detach", "--name", name,
        "--network", "host",
        "--read-only",
        "--tmpfs", "/output:rw,mode=1777",
        "--tmpfs", "/logs:rw,mode=1777",
        "--tmpfs", "/tmp:rw,mode=1777",
        "--user", "1001:0",
        "--cap-drop", "ALL",
        "--security-opt", "no-new-privileges",
        "--volume", variables + ":/config/variables:ro",
        "--env", "DL_DB_URL=" + database.jdbcUrl(),
        "--env", "DL_DB_USER=" + ROLE,
        "--env", "DL_HTTP_PORT=" + HTTP_PORT,
        "--env", "DL_HTTPS_PORT=" + HTTPS_PORT,
        "--env", "DL_DEMO_SEED=true",
        APP_IMAGE);
    if (run.exitCode() != 0) {
      remove(name);
      fail("podman run failed:\n" + run.output());
    }
    return name;
  }

  /** Waits until /health/ready answers UP (200), failing early with the log if the container stops. */
  private static void awaitReady(String container, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      assertRunning(container);
      try {
        HttpResponse<String> ready = get("/health/ready");
        last = ready.statusCode() + " " + ready.body();
        if (ready.statusCode() == 200 && compact(ready.body()).startsWith("{\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException notListeningYet) {
        last = notListeningYet.toString();
      }
      TimeUnit.SECONDS.sleep(2);
    }
    fail("readiness did not become UP in " + timeout + " (last: " + last + "); container log:\n"
        + logTail(container));
  }

  /**
   * Waits until the application has started (CWWKZ0001I; it starts without its database, with
   * readiness DOWN) and /health/ready answers; returns that answer.
   */
  private static HttpResponse<String> awaitServerAnswers(String container, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      assertRunning(container);
      if (logs(container).contains("CWWKZ0001I")) {
        try {
          return get("/health/ready");
        } catch (IOException notListeningYet) {
          last = notListeningYet.toString();
        }
      }
      TimeUnit.SECONDS.sleep(2);
    }
    fail("the server did not answer in " + timeout + " (last: " + last + "); container log:\n"
        + logTail(container));
    return null;
  }

  private static String compact(String json) {
    return json.replaceAll("\\s", "");
  }

  private static void assertRunning(String container) throws Exception {
    Result state = podman(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Running}}",
        container);
    if (!state.stdout().trim().equals("true")) {
      fail("container " + container + " stopped; log:\n" + logTail(container));
    }
  }

  /** The container's whole log (standard output and error). */
  private static String logs(String container) {
    try {
      return podman(Duration.ofSeconds(30), "logs", container).output();
    } catch (Exception e) {
      return "(no log: " + e + ")";
    }
  }

  /** The end of the container's log, for failure messages. */
  private static String logTail(String container) {
    String log = logs(container);
    return log.length() > 20_000 ? "..." + log.substring(log.length() - 20_000) : log;
  }

  private static void remove(String container) {
    try {
      podman(Duration.ofMinutes(1), "rm", "--force", "--time", "10", container);
    } catch (Exception e) {
      System.err.println("ContainerImageIT: could not remove " + container + ": " + e);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
            .timeout(Duration.ofSeconds(20)).header("Accept", "text/html,application/json").GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // --- the database -------------------------------------------------------------------------

  /**
   * A role with a password that owns the application database, and scram-sha-256 for every host
   * connection but the superuser's (which the test and the embedded server's own tooling use).
   */
  private static void requirePasswords(EmbeddedDatabase db) throws IOException, SQLException {
    String admin = "jdbc:postgresql://127.0.0.1:" + db.port() + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, EmbeddedDatabase.USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
      s.execute("ALTER DATABASE " + EmbeddedDatabase.DATABASE + " OWNER TO " + ROLE);
    }
    Files.writeString(db.dataDirectory().resolve("pg_hba.conf"), String.join("\n",
        "# Written by ContainerImageIT: passwords for everyone but the superuser.",
        "local all all trust",
        "host all " + EmbeddedDatabase.USER + " 127.0.0.1/32 trust",
        "host all all 127.0.0.1/32 scram-sha-256",
        "host all all ::1/128 scram-sha-256",
        ""));
    try (Connection c = DriverManager.getConnection(admin, EmbeddedDatabase.USER, "");
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
    // The role's password now matters, over the same loopback the container uses.
    String app = db.jdbcUrl() + "?sslmode=disable";
    try (Connection c = DriverManager.getConnection(app, ROLE, PASSWORD)) {
      assertThat(c.isValid(5)).isTrue();
    }
    try (Connection c = DriverManager.getConnection(app, ROLE, "wrong")) {
      fail("the database accepted a wrong password");
    } catch (SQLException expected) {
      assertThat(expected.getSQLState()).isEqualTo("28P01");
    }
  }

  // --- podman -------------------------------------------------------------------------------

  private static Map<String, String> podmanEnvironment() {
    String conf = System.getenv("CONTAINERS_CONF");
    if (conf == null || conf.isBlank()) {
      conf = Path.of(System.getProperty("user.home"),
          ".decision-ledger/containers/containers.conf").toString();
    }
    return Map.of("CONTAINERS_CONF", conf);
  }

  private static void requirePodman() throws Exception {
    boolean available;
    try {
      available = run(Duration.ofSeconds(30), "podman", "--version").exitCode() == 0
          && Files.isRegularFile(Path.of(podmanEnvironment.get("CONTAINERS_CONF")));
    } catch (IOException e) {
      available = false;
    }
    String message = "Podman with " + podmanEnvironment.get("CONTAINERS_CONF")
        + " is needed: run .ci/tools/podman.sh";
    if (!available) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  /** A finished process: its exit code, standard output, and standard error. */
  private record Result(int exitCode, String stdout, String stderr) {
    /** Both streams, for messages and logs. */
    String output() {
      return stdout + stderr;
    }
  }

  private static Result podman(Duration timeout, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("podman", "--runtime", "runc"));
    command.addAll(List.of(args));
    return run(timeout, command.toArray(String[]::new));
  }

  private static Result run(Duration timeout, String... command) throws Exception {
    Files.createDirectories(WORK);
    Path out = Files.createTempFile(WORK, "process", ".out");
    Path err = Files.createTempFile(WORK, "process", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(podmanEnvironment);
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish in " + timeout + ":\n"
            + Files.readString(out) + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
