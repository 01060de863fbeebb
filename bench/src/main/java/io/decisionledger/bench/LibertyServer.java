package io.decisionledger.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Liberty server of the benchmark's own: the installed runtime of the liberty module, but its own
 * user directory ({@code WLP_USER_DIR} under bench/target), ports and database, so it never touches
 * the developer's or the integration tests' servers.
 */
public final class LibertyServer {

  /** The application server: the product's server.xml, EAR and JVM options, plus the trivial WAR. */
  public static final String APP = "decision-ledger-bench";
  /** Same features, same JVM options, no application, no dataSource. */
  public static final String BARE = "liberty-bare";

  private final Path wlp;
  private final Path userDir;
  private final Path logDir;
  private final String name;
  private final Map<String, String> env;
  private final int httpPort;
  private Process process;
  private int starts;

  private LibertyServer(Path wlp, Path userDir, Path logDir, String name, Map<String, String> env,
      int httpPort) {
    this.wlp = wlp;
    this.userDir = userDir;
    this.logDir = logDir;
    this.name = name;
    this.env = env;
    this.httpPort = httpPort;
  }

  /**
   * Lays out the user directory with both servers: the application's configuration is copied from
   * the product server that the liberty module created, the bare server gets the same feature list.
   */
  static void prepare(Path wlp, Path userDir, Path ear, Path jdbcDriver) throws IOException {
    Path product = wlp.resolve("usr/servers/decision-ledger");
    if (!Files.isRegularFile(product.resolve("server.xml")) || !Files.isRegularFile(ear)) {
      throw new IOException("no installed product server at " + product + " or EAR at " + ear
          + ": build the liberty module first (./mvnw package -pl liberty -am)");
    }
    Path jdbc = userDir.resolve("shared/resources/jdbc");
    Files.createDirectories(jdbc);
    Files.copy(jdbcDriver, jdbc.resolve("postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);

    Path app = userDir.resolve("servers").resolve(APP);
    deleteRecursively(app);
    Files.createDirectories(app.resolve("apps"));
    // server.env holds the keystore password the security feature needs (made by "server create").
    for (String file : List.of("server.xml", "jvm.options", "bootstrap.properties", "server.env")) {
      if (Files.exists(product.resolve(file))) {
        Files.copy(product.resolve(file), app.resolve(file));
      }
    }
    copyTree(product.resolve("configDropins"), app.resolve("configDropins"));
    Files.copy(ear, app.resolve("apps/decision-ledger.ear"));
    writeTrivialWar(app.resolve("apps/bench-trivial.war"));
    Files.writeString(app.resolve("configDropins/overrides/bench-trivial.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Benchmark server only: the trivial servlet that is the pages' reference. -->
        <server>
          <webApplication id="bench-trivial" name="bench-trivial" location="bench-trivial.war"
                          contextRoot="/bench-trivial"/>
        </server>
        """);

    Path bare = userDir.resolve("servers").resolve(BARE);
    deleteRecursively(bare);
    Files.createDirectories(bare);
    // server.env too: without its keystore password the security feature reports an LTPA error and
    // the reference would start a different (broken) security service than the product.
    for (String file : List.of("jvm.options", "bootstrap.properties", "server.env")) {
      if (Files.exists(product.resolve(file))) {
        Files.copy(product.resolve(file), bare.resolve(file));
      }
    }
    limitMemory(app.resolve("jvm.options"));
    limitMemory(bare.resolve("jvm.options"));
    String serverXml = Files.readString(product.resolve("server.xml"));
    Matcher features = Pattern.compile("(?s)<featureManager>.*?</featureManager>").matcher(serverXml);
    if (!features.find()) {
      throw new IOException("no featureManager in " + product.resolve("server.xml"));
    }
    Files.writeString(bare.resolve("server.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- The bare reference: the product's features and JVM options, no application. -->
        <server description="bare Liberty, same features">
          %s
          <variable name="dl.http.port" defaultValue="9080"/>
          <variable name="dl.https.port" defaultValue="9443"/>
          <httpEndpoint id="defaultHttpEndpoint" host="*"
                        httpPort="${dl.http.port}" httpsPort="${dl.https.port}"/>
          <mpMetrics authentication="false"/>
          <logging consoleFormat="json" consoleLogLevel="INFO" traceSpecification="*=info"/>
        </server>
        """.formatted(features.group()));
  }

  /**
   * The memory limit of the chart's pod (helm values: 1536Mi), {@code -Dbench.container.memory}
   * to change it, {@code none} for the host's memory: the JVM sizes its heap and chooses its
   * collector from the memory it sees, so without this both servers would size themselves for
   * this 24 GiB host (G1, a 384 MiB initial heap), not for the container they run in.
   */
  static final String CONTAINER_MEMORY = System.getProperty("bench.container.memory", "1536m");

  private static void limitMemory(Path jvmOptions) throws IOException {
    if ("none".equals(CONTAINER_MEMORY)) {
      return;
    }
    String existing = Files.exists(jvmOptions) ? Files.readString(jvmOptions) : "";
    String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
    Files.writeString(jvmOptions, existing + separator
        + "# Benchmark: the pod's memory limit, as the container shows it to the JVM, and the\n"
        + "# collector HotSpot picks itself there (below 1792 MiB no 'server-class machine').\n"
        + "-XX:MaxRAM=" + CONTAINER_MEMORY + "\n-XX:+UseSerialGC\n");
  }

  static LibertyServer of(Path wlp, Path userDir, Path logDir, String name,
      Map<String, String> env, int httpPort) {
    return new LibertyServer(wlp, userDir, logDir, name, env, httpPort);
  }

  /** Starts the server from a clean workarea; returns the seconds until /health/ready is UP. */
  public double start() throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    ProcessBuilder builder =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", name, "--clean")
            .redirectErrorStream(true)
            .redirectOutput(logDir.resolve(name + "-" + (++starts) + ".log").toFile());
    environment(builder);
    long t0 = System.nanoTime();
    process = builder.start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    URI ready = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
    long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + "; see " + logDir);
      }
      try {
        HttpResponse<Void> r = client.send(
            HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return (System.nanoTime() - t0) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IOException(name + " not ready within 300 s; see " + logDir);
  }

  private void environment(ProcessBuilder builder) {
    Map<String, String> e = builder.environment();
    e.remove("WLP_OUTPUT_DIR");
    e.remove("JVM_ARGS");
    e.put("WLP_USER_DIR", userDir.toString());
    e.putAll(env);
  }

  /** Resident set size of the server's JVM, in MiB. */
  public double rssMiB() throws IOException {
    ProcessHandle jvm = jvm();
    for (String line : Files.readAllLines(Path.of("/proc/" + jvm.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IOException("no VmRSS for " + jvm.pid());
  }

  /**
   * CPU time the server's JVM has used so far (user + system, all threads), in seconds, from
   * {@code /proc/<pid>/stat} (clock ticks of 1/100 s, Linux's USER_HZ).
   */
  public double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + jvm().pid() + "/stat"));
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  private ProcessHandle jvm() throws IOException {
    if (process == null || !process.isAlive()) {
      throw new IOException(name + " is not running");
    }
    List<ProcessHandle> candidates = new ArrayList<>();
    candidates.add(process.toHandle());
    try (Stream<ProcessHandle> d = process.toHandle().descendants()) {
      d.forEach(candidates::add);
    }
    return candidates.stream()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .findFirst()
        .orElseThrow(() -> new IOException("no JVM under " + process.pid()));
  }

  public void stop() throws IOException, InterruptedException {
    if (process == null) {
      return;
    }
    if (process.isAlive()) {
      ProcessBuilder builder =
          new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(
                  logDir.resolve(name + "-stop.log").toFile()));
      environment(builder);
      builder.start().waitFor(90, TimeUnit.SECONDS);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        try (Stream<ProcessHandle> d = process.toHandle().descendants()) {
          d.forEach(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    process = null;
  }

  public boolean running() {
    return process != null && process.isAlive();
  }

  private static void writeTrivialWar(Path war) throws IOException {
    String clazz = "io/decisionledger/bench/trivial/OkServlet.class";
    try (InputStream in = LibertyServer.class.getClassLoader().getResourceAsStream(clazz);
        OutputStream file = Files.newOutputStream(war);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      if (in == null) {
        throw new IOException("missing " + clazz);
      }
      zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + clazz));
      in.transferTo(zip);
      zip.closeEntry();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
