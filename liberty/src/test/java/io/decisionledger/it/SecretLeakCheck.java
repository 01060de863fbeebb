package io.decisionledger.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Asserts that no secret value reaches anything a user, an auditor, Prometheus or a log reader
 * sees: response bodies and headers, and every file under the server's logs directory. A value
 * counts as leaked in its raw form and in the encodings a careless writer would produce (Base64,
 * URL encoding). Reusable: pass more secrets ({@link #with}) and more pages ({@link #assertNotIn}).
 *
 * <pre>{@code
 * SecretLeakCheck leaks = SecretLeakCheck.ofThisTestRun();
 * leaks.assertNotIn(http, "api/v1/config-audit", "admin/config-audit.xhtml", "metrics");
 * leaks.assertNotInServerLogs();
 * }</pre>
 */
public final class SecretLeakCheck {

  /** Shorter values would match by chance; every secret the suite sets is longer. */
  static final int MIN_LENGTH = 8;

  private final Map<String, String> secrets;

  private SecretLeakCheck(Map<String, String> secrets) {
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      if (secret.getValue() == null || secret.getValue().length() < MIN_LENGTH) {
        throw new IllegalArgumentException(secret.getKey() + ": a secret to look for needs at least "
            + MIN_LENGTH + " characters");
      }
    }
    this.secrets = Map.copyOf(secrets);
  }

  /** The given secrets, by a name used in failure messages (never the value). */
  public static SecretLeakCheck of(Map<String, String> secrets) {
    return new SecretLeakCheck(secrets);
  }

  /**
   * Every secret of this test run: what {@link TestDatabase} mounts, and the passwords Liberty
   * generated into the test server's server.env (keystore, LTPA keys).
   */
  public static SecretLeakCheck ofThisTestRun() {
    Map<String, String> secrets = new LinkedHashMap<>(TestDatabase.secrets());
    Path env = TestDatabase.variablesDirectory().resolveSibling("server.env");
    if (Files.isRegularFile(env)) {
      try {
        for (String line : Files.readAllLines(env)) {
          int eq = line.indexOf('=');
          String value = eq > 0 ? line.substring(eq + 1).strip() : "";
          if (eq > 0 && line.substring(0, eq).toLowerCase().contains("password")
              && value.length() >= MIN_LENGTH) {
            secrets.put("server.env " + line.substring(0, eq), value);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new SecretLeakCheck(secrets);
  }

  /** This check with one more secret. */
  public SecretLeakCheck with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(secrets);
    more.put(name, value);
    return new SecretLeakCheck(more);
  }

  public Map<String, String> secrets() {
    return secrets;
  }

  /** Fails when {@code text} holds a secret; {@code where} names the place in the message. */
  public void assertAbsent(String where, String text) {
    if (text == null) {
      return;
    }
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      for (Map.Entry<String, String> form : forms(secret.getValue()).entrySet()) {
        if (text.contains(form.getValue())) {
          found.add(secret.getKey() + " (" + form.getKey() + ")");
        }
      }
    }
    if (!found.isEmpty()) {
      // The message names the secret, never its value: a failing build must not leak it either.
      throw new AssertionError(where + " contains " + String.join(", ", found));
    }
  }

  /** The raw value and its encodings that would leak it just as well. */
  static Map<String, String> forms(String value) {
    Map<String, String> forms = new LinkedHashMap<>();
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    forms.put("raw", value);
    forms.put("URL-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8));
    forms.put("Base64", Base64.getEncoder().withoutPadding().encodeToString(bytes));
    forms.put("Base64 URL", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    return forms;
  }

  /**
   * GETs each path (as a browser would for pages, as Prometheus for /metrics) and fails when a
   * body or header holds a secret, or when a path does not answer 2xx (an error page proves
   * nothing).
   */
  public void assertNotIn(Http http, String... paths) {
    for (String path : paths) {
      boolean metrics = path.startsWith("metrics");
      boolean page = path.endsWith(".xhtml") || path.contains(".xhtml?") || path.isEmpty();
      Http.Response response = metrics ? http.get(path, "text/plain")
          : page ? http.get(path, "text/html") : http.get(path);
      if (response.status() < 200 || response.status() > 299) {
        throw new AssertionError("GET " + path + " answered " + response.status()
            + ": the leak check needs the real content");
      }
      assertAbsent("GET " + path + " body", response.body());
      assertAbsent("GET " + path + " headers", response.headers().map().toString());
    }
  }

  /** Fails when any file under the test server's logs directory holds a secret. */
  public void assertNotInServerLogs() {
    assertNotInLogs(TestDatabase.variablesDirectory().resolveSibling("logs"));
  }

  /** Fails when any file under {@code logs} holds a secret, or when there is no log to read. */
  public void assertNotInLogs(Path logs) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(logs)) {
      files = walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the logs in " + logs, e);
    }
    if (files.stream().noneMatch(f -> f.getFileName().toString().equals("messages.log"))) {
      throw new AssertionError("no messages.log under " + logs + ": nothing was checked");
    }
    for (Path file : files) {
      try {
        // ISO-8859-1 maps every byte to a character: binary or odd files are read, not refused.
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String utf8 = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertAbsent(file.toString(), text);
        assertAbsent(file.toString(), utf8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
