package io.decisionledger.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The inner loop: Liberty dev mode ({@code liberty:dev}) on the EAR module, with the database the
 * run command would use. When no database is configured ({@code DL_DB_URL} or {@code
 * -Ddl.db.url}) it starts the embedded PostgreSQL (same data directory and port as the run
 * command), then runs {@code ./mvnw -pl ear -am liberty:dev} in the project directory with the
 * database settings and the first administrator's password (as the run command: {@code
 * .data/admin-password} unless configured) in its environment, asks for the demo once the server
 * is ready, and stops PostgreSQL after dev mode ends (Ctrl-C or {@code q}). Dev mode itself recompiles the ejb and web modules, serves the Faces pages from
 * {@code web/src/main/webapp} and restarts the application on a class change.
 */
public final class DevMode {

  private static final Logger LOG = Logger.getLogger(DevMode.class.getName());

  private DevMode() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of(System.getProperty("dl.project.dir", ".")).toAbsolutePath();
    Path mvnw = project.resolve("mvnw");
    if (!Files.isExecutable(mvnw)) {
      throw new IOException("no Maven wrapper at " + mvnw + " (set dl.project.dir)");
    }
    Path dataDir = Path.of(System.getProperty("dl.data.dir", project.resolve(".data").toString()));

    List<String> command =
        new ArrayList<>(List.of(mvnw.toString(), "-pl", "ear", "-am", "liberty:dev"));
    command.addAll(arguments(System.getProperty("dl.dev.args", "")));
    ProcessBuilder devMode = new ProcessBuilder(command).directory(project.toFile()).inheritIO();
    EmbeddedDatabase database = DecisionLedgerServer.provideDatabase(devMode.environment(), dataDir);
    String adminPassword = DecisionLedgerServer.provideAdminPassword(devMode.environment(), dataDir);

    LOG.info("Starting " + String.join(" ", command));
    Process process = devMode.start();
    DemoLoader.loadWhenReady(DecisionLedgerServer.httpPort(), DecisionLedgerServer.adminName(),
        adminPassword, process);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutdown(process, database), "dl-dev-shutdown"));
    int exit = process.waitFor();
    if (exit != 0) {
      // The build fails with it, after the shutdown hook has stopped PostgreSQL.
      throw new IllegalStateException("dev mode failed (exit code " + exit + "), see above");
    }
    LOG.info("Dev mode ended");
  }

  /** Extra dev-mode options, split on white space (e.g. {@code -DdebugPort=7778}). */
  static List<String> arguments(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }

  private static void shutdown(Process process, EmbeddedDatabase database) {
    try {
      if (process.isAlive()) {
        // Dev mode stops its Liberty server in its own shutdown hook.
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
          LOG.warning("dev mode did not stop within 90 s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (database != null) {
        try {
          database.close();
        } catch (IOException e) {
          LOG.warning("could not stop PostgreSQL: " + e.getMessage());
        }
      }
    }
  }
}
