package io.decisionledger.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.decisionledger.it.Http;
import io.decisionledger.it.TestDatabase;
import io.decisionledger.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through a real OpenID Connect provider ({@code dl.auth.mode=oidc}, issue #4 item 1):
 * the PyPI package oidc-provider-mock on loopback (installed by .ci/tools/oidc-provider.sh), and a
 * second Liberty server made from the product server's configuration and EAR, in oidc mode, on the
 * suite's PostgreSQL. Its users carry a {@code groups} claim that {@code dl.auth.oidc.role-map}
 * maps to roles. The browser's part is played by an HTTP client that follows each redirect by
 * hand, so every hop is checked.
 */
class OidcSignInIT {

  private static final Duration START_DEADLINE = Duration.ofMinutes(4);
  private static final String RUN = HexFormat.of().toHexDigits(System.nanoTime()).substring(8);
  private static final String EDITOR = "oidc-editor-" + RUN;
  private static final String VIEWER = "oidc-viewer-" + RUN;
  private static final String ADMIN = "oidc-admin-" + RUN;
  private static final String STRANGER = "oidc-stranger-" + RUN;
  private static final String EDITORS_GROUP = "3f6c2a1e-editors";
  private static final String CLIENT_ID = "decision-ledger-it";

  private static final HttpClient BROWSER = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

  private static Process provider;
  private static Path providerLog;
  private static URI providerUri;
  private static OidcServer server;

  @BeforeAll
  static void start() throws IOException {
    Path executable = Path.of(System.getProperty("user.home"),
        ".decision-ledger/tools/bin/oidc-provider-mock");
    boolean installed = Files.isExecutable(executable);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("oidc-provider-mock is missing at " + executable
          + ": .ci/tools/oidc-provider.sh installs it");
    }
    Assumptions.assumeTrue(installed, "oidc-provider-mock is not installed at " + executable
        + " (bash .ci/tools/oidc-provider.sh installs it)");

    int port = freePort();
    providerUri = URI.create("http://127.0.0.1:" + port);
    providerLog = Files.createTempFile("oidc-provider", ".log");
    List<String> command = new ArrayList<>(List.of(executable.toString(),
        "--port", Integer.toString(port), "--require-nonce", "true"));
    for (String[] user : new String[][] {
        {EDITOR, "[\"" + EDITORS_GROUP + "\", \"other-group\"]"},
        {VIEWER, "[\"viewers\"]"},
        {ADMIN, "[\"admins\"]"},
        {STRANGER, "[\"somebody-elses-group\", \"editor\"]"}}) {
      command.add("--user-claims");
      command.add("{\"sub\": \"sub-" + user[0] + "\", \"preferred_username\": \"" + user[0]
          + "\", \"name\": \"Test " + user[0] + "\", \"groups\": " + user[1] + "}");
    }
    provider = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(providerLog.toFile()).start();
    await("the OpenID Connect provider answers").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> {
          if (!provider.isAlive()) {
            throw new AssertionError("the provider stopped:\n" + Files.readString(providerLog));
          }
          try {
            return browse(HttpRequest.newBuilder(
                providerUri.resolve("/.well-known/openid-configuration")).GET()).statusCode()
                == 200;
          } catch (UncheckedIOException e) {
            return false;
          }
        });

    server = OidcServer.start(Map.of(
        "dl.auth.mode", "oidc",
        "dl.auth.oidc.provider-uri", providerUri.toString(),
        "dl.auth.oidc.client-id", CLIENT_ID,
        "dl.auth.oidc.client-secret", "it-oidc-secret-" + RUN,
        "dl.auth.oidc.role-map", EDITORS_GROUP + "=editor," + EDITORS_GROUP + "=viewer,"
            + "viewers=viewer,admins=admin,admins=viewer"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
    if (provider != null) {
      provider.destroy();
      try {
        if (!provider.waitFor(10, TimeUnit.SECONDS)) {
          provider.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      provider = null;
    }
  }

  @Test
  void anEditorSignsInAtTheProviderAndLandsOnThePageTheyAskedFor() {
    Http app = Http.anonymous(server.root());
    Http.Response page = signIn(app, "experiments/edit.xhtml", EDITOR);
    assertThat(page.status()).as("the editing page after signing in\n%s", server.problems())
        .isEqualTo(200);
    assertThat(page.body()).contains("experimentForm").contains(EDITOR);

    Http.Response who = app.get("api/v1/session");
    assertThat(who.status()).isEqualTo(200);
    assertThat(who.json().getString("username")).isEqualTo(EDITOR);
    assertThat(who.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString).containsExactly("editor", "viewer");
  }

  @Test
  void aViewerReadsButCannotEdit() {
    Http app = Http.anonymous(server.root());
    assertThat(signIn(app, "index.xhtml", VIEWER).status()).isEqualTo(200);
    assertThat(app.get("experiments/edit.xhtml", "text/html").status()).isEqualTo(403);
    assertThat(app.get("api/v1/experiments?limit=1").status()).isEqualTo(200);
  }

  @Test
  void aUserWhoseClaimsMapToNoRoleIsSignedInButReachesNothing() {
    Http app = Http.anonymous(server.root());
    // A group named like a role gives nothing: only the map grants roles.
    Http.Response landing = signIn(app, "index.xhtml", STRANGER);
    assertThat(landing.status()).as("signed in, but no role for any page").isEqualTo(403);
    assertThat(app.get("experiments/edit.xhtml", "text/html").status()).isEqualTo(403);
    assertThat(app.get("api/v1/experiments?limit=1").status()).isEqualTo(403);
    Http.Response who = app.get("api/v1/session");
    assertThat(who.json().getString("username")).isEqualTo(STRANGER);
    assertThat(who.json().getJsonArray("roles")).isEmpty();
  }

  @Test
  void theSignInPageOffersTheProviderNotAPasswordForm() {
    Http anonymous = Http.anonymous(server.root());
    Http.Response login = anonymous.get("login.xhtml", "text/html");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body()).contains("id=\"oidcSignInLink\"")
        .doesNotContain("signInForm:password").doesNotContain("type=\"password\"");
    Matcher link = Pattern.compile("id=\"oidcSignInLink\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\""
        + "[^>]*id=\"oidcSignInLink\"").matcher(login.body());
    assertThat(link.find()).isTrue();
    String href = (link.group(1) != null ? link.group(1) : link.group(2)).replace("&amp;", "&");
    assertThat(href).startsWith("/oidc/sign-in?next=");
    Http.Response start = anonymous.get(href.substring(1), "text/html");
    assertThat(start.status()).isEqualTo(302);
    assertThat(location(start)).startsWith(providerUri + "/oauth2/authorize?");

    // No password sign-in at all, not even for the first administrator through the API.
    Http.Response password = anonymous.trySignIn(TestDatabase.ADMIN, TestDatabase.adminPassword());
    assertThat(password.status()).isEqualTo(401);
    assertThat(password.body()).contains("Password sign-in is off");
  }

  @Test
  void anAdministratorFromTheProviderIssuesATokenAndBearerTokensStillWorkOnTheApi() {
    Http admin = Http.anonymous(server.root());
    assertThat(signIn(admin, "admin/tokens.xhtml", ADMIN).status()).isEqualTo(200);
    String token = admin.postJson("api/v1/tokens",
        "{\"name\":\"oidc-it-" + RUN + "\",\"scopes\":[\"read\"]}").getString("value");

    Http pipeline = Http.withToken(server.root(), token);
    assertThat(pipeline.get("api/v1/experiments?limit=1").status()).isEqualTo(200);
    Http.Response bad = Http.withToken(server.root(), "dlt_unknown").get("api/v1/experiments");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    Http.Response anonymous = Http.anonymous(server.root()).get("api/v1/experiments");
    assertThat(anonymous.status()).as("the API answers, it does not redirect to the provider")
        .isEqualTo(401);
  }

  @Test
  void signingOutEndsTheLocalSessionAndGoesToTheProvidersEndSession() {
    Http app = Http.anonymous(server.root());
    Http.Response home = signIn(app, "index.xhtml", VIEWER);
    assertThat(home.status()).isEqualTo(200);
    String oldSession = app.sessionCookie();

    Matcher viewState = Pattern.compile(
        "<form id=\"userBox\"[^>]*action=\"([^\"]+)\".*?name=\"jakarta\\.faces\\.ViewState\"[^>]*"
            + "value=\"([^\"]+)\"", Pattern.DOTALL).matcher(home.body());
    assertThat(viewState.find()).as("the header's sign-out form").isTrue();
    String body = "userBox=userBox&" + URLEncoder.encode("userBox:signOut", StandardCharsets.UTF_8)
        + "=Sign+out&jakarta.faces.ViewState="
        + URLEncoder.encode(viewState.group(2), StandardCharsets.UTF_8);
    Http.Response signedOut = app.post(viewState.group(1).replace("&amp;", "&").substring(1),
        "application/x-www-form-urlencoded", body, Map.of("Accept", "text/html"));
    assertThat(signedOut.status()).isIn(302, 303);
    String location = location(signedOut);
    assertThat(location).startsWith(providerUri + "/oauth2/end_session?");
    assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
        .contains("client_id=" + CLIENT_ID)
        .contains("post_logout_redirect_uri=" + server.root() + "login.xhtml?signedOut=true");

    Http.Response after = Http.anonymous(server.root()).useSession(oldSession)
        .get("index.xhtml", "text/html");
    assertThat(after.status()).as("the old session is gone: back to the provider").isEqualTo(302);
    assertThat(location(after)).startsWith(providerUri + "/oauth2/authorize?");
  }

  @Test
  void aForgedCallbackIsRefused() {
    Http app = Http.anonymous(server.root());
    Http.Response start = app.get("experiments/edit.xhtml", "text/html");
    assertThat(start.status()).isEqualTo(302);
    Http.Response forged = app.get("oidc/callback?code=forged&state=not-the-one", "text/html");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(app.get("api/v1/session").status()).isEqualTo(401);
  }

  @Test
  void aSignInTheProviderDeniesSignsNobodyIn() {
    Http app = Http.anonymous(server.root());
    double providerFailures = providerFailures(app);
    Http.Response start = app.get("index.xhtml", "text/html");
    assertThat(start.status()).isEqualTo(302);
    HttpResponse<String> denied = browse(HttpRequest.newBuilder(URI.create(location(start)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("action=deny")));
    assertThat(denied.statusCode()).isEqualTo(302);
    URI callback = URI.create(denied.headers().firstValue("Location").orElseThrow());
    assertThat(callback.getQuery()).contains("error=access_denied");
    Http.Response back = app.get(callback.getRawPath().substring(1) + "?" + callback.getRawQuery(),
        "text/html");
    assertThat(back.status()).isEqualTo(403);
    assertThat(back.body()).doesNotContain("Exception").doesNotContain("at io.decisionledger");
    assertThat(app.get("api/v1/session").status()).isEqualTo(401);
    assertThat(providerFailures(app) - providerFailures)
        .as("decisionledger_signin_failures_total{reason=\"provider\"} counts the denial").isEqualTo(1.0);
  }

  /** The server's count of OpenID Connect sign-in failures, from /metrics. */
  private static double providerFailures(Http app) {
    Http.Response metrics = app.get("metrics?scope=application", "text/plain");
    assertThat(metrics.status()).isEqualTo(200);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "(?m)^decisionledger_signin_failures_total\\{[^}]*reason=\"provider\"[^}]*\\} ([0-9.eE+]+)$")
        .matcher(metrics.body());
    assertThat(m.find()).as("the provider series exists from the start\n" + metrics.body()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  // ---- the browser's part --------------------------------------------------------------------

  /**
   * Opens {@code page}, is sent to the provider, signs in there as {@code user} (the provider's
   * form), comes back through the callback and follows the redirect to the page.
   */
  private static Http.Response signIn(Http app, String page, String user) {
    Http.Response first = app.get(page, "text/html");
    assertThat(first.status()).as("an anonymous page request goes to the provider").isEqualTo(302);
    URI authorize = URI.create(location(first));
    assertThat(authorize.toString()).startsWith(providerUri + "/oauth2/authorize?");
    assertThat(authorize.getQuery()).contains("code_challenge_method=S256").contains("nonce=")
        .contains("state=").contains("client_id=" + CLIENT_ID);

    HttpResponse<String> approved = browse(HttpRequest.newBuilder(authorize)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("sub=" + URLEncoder.encode("sub-" + user,
            StandardCharsets.UTF_8))));
    assertThat(approved.statusCode()).as("the provider approves\n%s", approved.body())
        .isEqualTo(302);
    URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
    assertThat(callback.getPath()).isEqualTo("/oidc/callback");

    Http.Response back = app.get(callback.getRawPath().substring(1) + "?" + callback.getRawQuery(),
        "text/html");
    assertThat(back.status()).as("the callback signs in\n%s", server.problems()).isEqualTo(302);
    URI target = URI.create(location(back));
    assertThat(target.getPath()).isEqualTo("/" + page.replaceAll("\\?.*", ""));
    return app.get(target.getRawPath().substring(1)
        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()), "text/html");
  }

  private static String location(Http.Response response) {
    return response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("no Location in " + response.status()));
  }

  private static HttpResponse<String> browse(HttpRequest.Builder request) {
    try {
      return BROWSER.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A Liberty server from the same install, configured as the product server plus settings. */
  private record OidcServer(Path wlp, String name, Path dir, int httpPort) {

    static OidcServer start(Map<String, String> settings) throws IOException {
      Path wlp = Path.of(System.getProperty("dl.wlp.dir"));
      String name = System.getProperty("dl.it.server.name") + "-oidc";
      Path product = wlp.resolve("usr/servers/decision-ledger");
      Path dir = wlp.resolve("usr/servers").resolve(name);
      deleteTree(dir);
      // 'server create' gives it its own keystore and LTPA key passwords in server.env.
      new OidcServer(wlp, name, dir, 0).run("create");
      Files.createDirectories(dir.resolve("apps"));
      for (String file : List.of("server.xml", "bootstrap.properties", "jvm.options")) {
        Files.copy(product.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      copyTree(product.resolve("configDropins"), dir.resolve("configDropins"));
      Files.copy(Path.of(System.getProperty("dl.ear")), dir.resolve("apps/decision-ledger.ear"),
          StandardCopyOption.REPLACE_EXISTING);

      int http = freePort();
      EmbeddedDatabase database = TestDatabase.get();
      Path variables = Files.createDirectories(dir.resolve("variables"));
      Files.writeString(variables.resolve("dl.db.url"), database.jdbcUrl());
      Files.writeString(variables.resolve("dl.db.user"), EmbeddedDatabase.USER);
      Files.writeString(variables.resolve("dl.db.ssl-mode"), "disable");
      Files.writeString(variables.resolve("dl.admin.username"), TestDatabase.ADMIN);
      Files.writeString(variables.resolve("dl.admin.password"), TestDatabase.adminPassword());
      Files.writeString(variables.resolve("dl.http.port"), Integer.toString(http));
      Files.writeString(variables.resolve("dl.https.port"), Integer.toString(freePort()));
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        Files.writeString(variables.resolve(setting.getKey()), setting.getValue() + "\n");
      }

      OidcServer server = new OidcServer(wlp, name, dir, http);
      server.run("start");
      server.awaitReady();
      return server;
    }

    URL root() {
      try {
        return URI.create("http://localhost:" + httpPort + "/").toURL();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }

    private void awaitReady() {
      Http probe = Http.anonymous(root());
      try {
        await("the oidc server ready").atMost(START_DEADLINE).pollInterval(Duration.ofSeconds(1))
            .ignoreExceptionsInstanceOf(UncheckedIOException.class)
            .until(() -> probe.get("health/ready").status() == 200);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        stop();
        throw new AssertionError("the oidc server was not ready within " + START_DEADLINE + "\n"
            + problems(), e);
      }
    }

    void stop() {
      run("stop");
    }

    /** Errors and warnings from the server's log, for failure messages. */
    String problems() {
      Path log = dir.resolve("logs/messages.log");
      try (Stream<String> lines = Files.lines(log)) {
        return lines.filter(l -> l.contains("\"loglevel\":\"SEVERE\"")
                || l.contains("\"loglevel\":\"ERROR\"") || l.contains("\"loglevel\":\"WARNING\""))
            .limit(40).collect(Collectors.joining("\n", "oidc server problems:\n", ""));
      } catch (IOException e) {
        return "oidc server log unreadable: " + e.getMessage();
      }
    }

    private void run(String command) {
      try {
        Path output = Files.createTempFile("oidc-server-" + command, ".out");
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, name)
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
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
        for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
  }
}
