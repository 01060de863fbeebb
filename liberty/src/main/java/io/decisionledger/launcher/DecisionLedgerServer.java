package io.decisionledger.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The run command: starts the Decision Ledger Liberty server in the foreground and stops it on
 * Ctrl-C. When no database is configured ({@code DL_DB_URL} or {@code -Ddl.db.url}), it first
 * starts an embedded PostgreSQL whose data lives in {@code .data/postgres} and survives restarts,
 * and stops it after the server.
 */
public final class DecisionLedgerServer {

  private static final Logger LOG = Logger.getLogger(DecisionLedgerServer.class.getName());

  /** Port of the embedded PostgreSQL; away from 5432 so a local server can coexist. */
  static final int EMBEDDED_PORT = Integer.getInteger("dl.embedded.port", 15432);

  private DecisionLedgerServer() {}

  public static void main(String[] args) throws Exception {
    Path wlp = Path.of(required("dl.wlp.dir"));
    String serverName = System.getProperty("dl.server.name", "decision-ledger");
    Path dataDir = Path.of(System.getProperty("dl.data.dir", ".data"));

    ProcessBuilder server =
        new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), "run", serverName))
            .inheritIO();
    EmbeddedDatabase database = provideDatabase(server.environment(), dataDir);
    String adminPassword = provideAdminPassword(server.environment(), dataDir);

    Process process = server.start();
    DemoLoader.loadWhenReady(httpPort(), adminName(), adminPassword, process);
    EmbeddedDatabase started = database;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> shutdown(wlp, serverName, process, started), "dl-shutdown"));
    int exit = process.waitFor();
    LOG.info("Liberty exited with " + exit);
  }

  /**
   * Points a child process at the database: the configured one ({@code DL_DB_URL} or {@code
   * -Ddl.db.url}, with user and password), or else an embedded PostgreSQL started here with its
   * data in {@code dataDir/postgres}, which the caller stops.
   *
   * @return the embedded database started, or null when one is configured
   */
  static EmbeddedDatabase provideDatabase(Map<String, String> env, Path dataDir)
      throws IOException {
    if (configured("dl.db.url") != null) {
      LOG.info("Using the configured database (DL_DB_URL)");
      copyIfSet(env, "dl.db.url");
      copyIfSet(env, "dl.db.user");
      copyIfSet(env, "dl.db.password");
      return null;
    }
    LOG.info("No database configured (DL_DB_URL); starting the embedded PostgreSQL in "
        + dataDir.resolve("postgres"));
    EmbeddedDatabase database =
        EmbeddedDatabase.start(dataDir.resolve("postgres"), EMBEDDED_PORT, false);
    env.put("DL_DB_URL", database.jdbcUrl());
    env.put("DL_DB_USER", EmbeddedDatabase.USER);
    env.put("DL_DB_SSL_MODE", "disable");
    return database;
  }

  /**
   * The first administrator's password for a child process: the configured one ({@code
   * DL_ADMIN_PASSWORD} or {@code -Ddl.admin.password}, which the server reads itself), or else a
   * random one kept in {@code dataDir/admin-password} (mode 600, made once) and passed on.
   */
  static String provideAdminPassword(Map<String, String> env, Path dataDir) throws IOException {
    String adminPassword = configured("dl.admin.password");
    if (adminPassword == null) {
      adminPassword = AdminPassword.readOrCreate(dataDir.resolve("admin-password"));
      env.put("DL_ADMIN_PASSWORD", adminPassword);
      LOG.info("Sign in as '" + adminName() + "' with the password in "
          + dataDir.resolve("admin-password").toAbsolutePath());
    }
    return adminPassword;
  }

  static int httpPort() {
    String port = configured("dl.http.port");
    return port == null ? 9080 : Integer.parseInt(port);
  }

  private static void shutdown(
      Path wlp, String serverName, Process process, EmbeddedDatabase database) {
    try {
      if (process.isAlive()) {
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", serverName)
            .inheritIO()
            .start()
            .waitFor(60, TimeUnit.SECONDS);
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      LOG.warning("could not stop Liberty: " + e.getMessage());
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

  static String adminName() {
    String name = configured("dl.admin.username");
    return name == null ? "admin" : name;
  }

  /** A setting from a system property or, the MicroProfile way, an environment variable. */
  private static String configured(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'));
    }
    return value == null || value.isBlank() ? null : value;
  }

  private static void copyIfSet(Map<String, String> env, String property) {
    String value = configured(property);
    if (value != null) {
      env.put(property.toUpperCase().replace('.', '_').replace('-', '_'), value);
    }
  }

  private static String required(String property) throws IOException {
    String value = System.getProperty(property);
    if (value == null || !Files.isDirectory(Path.of(value))) {
      throw new IOException("system property " + property + " must name the Liberty install");
    }
    return value;
  }
}
