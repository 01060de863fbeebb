package io.decisionledger.it;

import io.decisionledger.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the integration tests' PostgreSQL before any test (and so before Arquillian starts
 * Liberty), the same embedded server the run command uses, and points the test server at it
 * through files in its variables/ directory, as a mounted secret would in Kubernetes.
 *
 * <p>It also mounts a database password there, fresh and random for each test run: the embedded
 * PostgreSQL trusts local connections and never asks for it, so it changes nothing but gives the
 * suite a real secret, delivered the way Key Vault delivers one, that must never show anywhere
 * ({@link SecretLeakCheck}) and whose fingerprint the configuration audit must show.
 */
public class TestDatabase implements LauncherSessionListener {

  /** The mounted database password of this test run. */
  public static final String DB_PASSWORD = "it-db-" + random();

  private static EmbeddedDatabase database;

  /** The first administrator of the test server: name and a random password, as a secret. */
  public static final String ADMIN = "admin";

  private static final String ADMIN_PASSWORD = randomPassword();

  public static String adminPassword() {
    return ADMIN_PASSWORD;
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The secrets this suite mounts into the test server's variables/ directory, by property. */
  public static Map<String, String> secrets() {
    return Map.of("dl.db.password", DB_PASSWORD, "dl.admin.password", ADMIN_PASSWORD);
  }

  /** The test server's variables/ directory (Liberty's variable source, like /config/variables). */
  public static Path variablesDirectory() {
    return Path.of(System.getProperty("dl.wlp.dir"), "usr", "servers",
        System.getProperty("dl.it.server.name"), "variables");
  }

  private static String random() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The running test database; tests may stop and restart it. */
  public static synchronized EmbeddedDatabase get() {
    if (database == null) {
      throw new IllegalStateException("the test database starts only in the integration tests");
    }
    return database;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String wlp = System.getProperty("dl.wlp.dir");
    String server = System.getProperty("dl.it.server.name");
    if (wlp == null || server == null) {
      return; // unit-test run: nothing to start
    }
    try {
      synchronized (TestDatabase.class) {
        database = EmbeddedDatabase.start(
            Path.of(System.getProperty("dl.it.data.dir", "target/it-postgres")), 0, true);
      }
      Path variables = variablesDirectory();
      Files.createDirectories(variables);
      // As Kubernetes mounts a Secret: the value and a trailing newline, which Liberty trims.
      Files.writeString(variables.resolve("dl.db.password"), DB_PASSWORD + "\n");
      Files.writeString(variables.resolve("dl.db.url"), database.jdbcUrl());
      Files.writeString(variables.resolve("dl.db.user"), EmbeddedDatabase.USER);
      Files.writeString(variables.resolve("dl.db.ssl-mode"), "disable");
      Files.writeString(variables.resolve("dl.admin.username"), ADMIN);
      Files.writeString(variables.resolve("dl.admin.password"), ADMIN_PASSWORD);
      int httpPort = Integer.parseInt(System.getProperty("dl.it.http.port", "9180"));
      Files.writeString(variables.resolve("dl.http.port"), Integer.toString(httpPort));
      Files.writeString(variables.resolve("dl.https.port"), Integer.toString(httpPort + 1000));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test database", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    synchronized (TestDatabase.class) {
      if (database != null) {
        try {
          database.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        database = null;
      }
    }
  }

  /** A secret's fingerprint as docs/audit.md has auditors compute it: printf %s "$value" | sha256sum | cut -c1-12. */
  public static String fingerprint(String value) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
