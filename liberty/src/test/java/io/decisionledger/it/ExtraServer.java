package io.decisionledger.it;

import static org.awaitility.Awaitility.await;

import io.decisionledger.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One more Liberty server from the integration tests' install, configured as the product server
 * (its server.xml, bootstrap, JVM options and config drop-ins, the EAR), on the tests' PostgreSQL,
 * with ports and settings of its own: a second replica, or the product in another mode.
 */
public final class ExtraServer {

  private final Path wlp;
  private final String name;
  private final Path dir;
  private final int httpPort;

  private ExtraServer(Path wlp, String name, Path dir, int httpPort) {
    this.wlp = wlp;
    this.name = name;
    this.dir = dir;
    this.httpPort = httpPort;
  }

  /**
   * Creates server {@code <it server name><suffix>} afresh, starts it and waits until it is
   * ready; {@code settings} become Liberty variables (MicroProfile Config properties).
   */
  public static ExtraServer start(String suffix, int httpPort, int httpsPort,
      Map<String, String> settings, Duration startDeadline) {
    Path wlp = Path.of(System.getProperty("dl.wlp.dir"));
    String name = System.getProperty("dl.it.server.name") + suffix;
    Path product = wlp.resolve("usr/servers/decision-ledger");
    Path dir = wlp.resolve("usr/servers").resolve(name);
    try {
      deleteTree(dir);
      // As the build creates the product server: server.env gets its own keystore and LTPA key
      // passwords (without them the security service does not start).
      new ExtraServer(wlp, name, dir, 0).run("create");
      Files.createDirectories(dir.resolve("apps"));
      for (String file : List.of("server.xml", "bootstrap.properties", "jvm.options")) {
        Files.copy(product.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      copyTree(product.resolve("configDropins"), dir.resolve("configDropins"));
      Files.copy(Path.of(System.getProperty("dl.ear")), dir.resolve("apps/decision-ledger.ear"),
          StandardCopyOption.REPLACE_EXISTING);

      EmbeddedDatabase database = TestDatabase.get();
      Path variables = Files.createDirectories(dir.resolve("variables"));
      Files.writeString(variables.resolve("dl.db.url"), database.jdbcUrl());
      Files.writeString(variables.resolve("dl.db.user"), EmbeddedDatabase.USER);
      Files.writeString(variables.resolve("dl.db.ssl-mode"), "disable");
      Files.writeString(variables.resolve("dl.admin.username"), TestDatabase.ADMIN);
      Files.writeString(variables.resolve("dl.admin.password"), TestDatabase.adminPassword());
      Files.writeString(variables.resolve("dl.http.port"), Integer.toString(httpPort));
      Files.writeString(variables.resolve("dl.https.port"), Integer.toString(httpsPort));
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        Files.writeString(variables.resolve(setting.getKey()), setting.getValue() + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not set up server " + name, e);
    }
    ExtraServer server = new ExtraServer(wlp, name, dir, httpPort);
    server.run("start");
    server.awaitReady(startDeadline);
    return server;
  }

  /** A port nobody listens on now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URL root() {
    try {
      return URI.create("http://localhost:" + httpPort + "/").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path log() {
    return dir.resolve("logs/messages.log");
  }

  /** Errors and warnings from the server's log, for failure messages. */
  public String problems() {
    try (Stream<String> lines = Files.lines(log())) {
      return lines.filter(l -> l.contains("\"loglevel\":\"SEVERE\"")
              || l.contains("\"loglevel\":\"ERROR\"") || l.contains("\"loglevel\":\"WARNING\""))
          .limit(40).collect(Collectors.joining("\n", name + " problems:\n", ""));
    } catch (IOException e) {
      return name + " log unreadable: " + e.getMessage();
    }
  }

  public void stop() {
    run("stop");
  }

  private void awaitReady(Duration deadline) {
    Http probe = Http.anonymous(root());
    try {
      await(name + " ready").atMost(deadline).pollInterval(Duration.ofSeconds(1))
          .ignoreExceptionsInstanceOf(UncheckedIOException.class)
          .until(() -> probe.get("health/ready").status() == 200);
    } catch (ConditionTimeoutException e) {
      stop();
      throw new AssertionError(name + " was not ready within " + deadline + "\n" + problems(), e);
    }
  }

  private void run(String command) {
    try {
      Path output = Files.createTempFile(name + "-" + command, ".out");
      Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, name)
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("server " + command + " " + name + " did not return");
      }
      if ("create".equals(command) && process.exitValue() != 0) {
        throw new AssertionError("server create " + name + " failed: " + Files.readString(output));
      }
      Files.deleteIfExists(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
