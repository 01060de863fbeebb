package io.decisionledger.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.decisionledger.it.ExtraServer;
import io.decisionledger.it.Http;
import io.decisionledger.it.ServerLog;
import io.decisionledger.it.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final String CROWDED = "oidc-crowded-" + RUN;
  private static final String EDITORS_GROUP = "3f6c2a1e-editors";
  private static final String CLIENT_ID = "decision-ledger-it";

  private static final HttpClient BROWSER = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

  private static Process provider;
  private static Path providerLog;
  private static URI providerUri;
  private static ExtraServer server;

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

    int port = ExtraServer.freePort();
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
    // In more groups than a token holds: Entra ID leaves the claim out and refers to Graph.
    command.add("--user-claims");
    command.add("{\"sub\": \"sub-" + CROWDED + "\", \"preferred_username\": \"" + CROWDED
        + "\", \"_claim_names\": {\"groups\": \"src1\"}, \"_claim_sources\": {\"src1\":"
        + " {\"endpoint\": \"https://graph.microsoft.com/v1.0/users/sub-" + CROWDED
        + "/getMemberObjects\"}}}");
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

    server = ExtraServer.start("-oidc", ExtraServer.freePort(), ExtraServer.freePort(), Map.of(
        "dl.auth.mode", "oidc",
        "dl.auth.oidc.provider-uri", providerUri.toString(),
        "dl.auth.oidc.client-id", CLIENT_ID,
        "dl.auth.oidc.client-secret", "it-oidc-secret-" + RUN,
        "dl.auth.oidc.role-map", EDITORS_GROUP + "=editor," + EDITORS_GROUP + "=viewer,"
            + "viewers=viewer,admins=admin,admins=viewer"), START_DEADLINE);
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
  void aUserWhoseGroupsTheTokenLeavesOutIsRefusedNotSignedInWithoutRoles() {
    Http app = Http.anonymous(server.root());
    double providerFailures = providerFailures(app);
    ServerLog log = ServerLog.of(server.log());
    long mark = log.mark();
    Http.Response back = approvedAtTheProvider(app, "index.xhtml", CROWDED);
    assertThat(back.status()).isEqualTo(403);
    assertThat(back.body()).doesNotContain("Exception").doesNotContain("at io.decisionledger");
    assertThat(app.get("api/v1/session").status()).isEqualTo(401);
    assertThat(providerFailures(app) - providerFailures).isEqualTo(1.0);
    await("the log says why and what to do").atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(log.linesSince(mark,
            Pattern.compile("group overage.*dl\\.auth\\.oidc\\.roles-claim=roles")))
            .hasSize(1));
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
    Http.Response back = approvedAtTheProvider(app, page, user);
    assertThat(back.status()).as("the callback signs in\n%s", server.problems()).isEqualTo(302);
    URI target = URI.create(location(back));
    assertThat(target.getPath()).isEqualTo("/" + page.replaceAll("\\?.*", ""));
    return app.get(target.getRawPath().substring(1)
        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()), "text/html");
  }

  /** Asks for {@code page}, approves {@code user} at the provider: the callback's answer. */
  private static Http.Response approvedAtTheProvider(Http app, String page, String user) {
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

    return app.get(callback.getRawPath().substring(1) + "?" + callback.getRawQuery(),
        "text/html");
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
}
