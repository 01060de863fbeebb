package io.decisionledger.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in rules, CSRF, headers and tokens, black-box over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private URL root;
  private Http admin;

  @BeforeEach
  void setUp() {
    root = Deployments.root(base);
    admin = new Http(root);
  }

  private record User(long id, String name, String password) {}

  private User user(String role) {
    String name = "sec-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "pw-" + UUID.randomUUID();
    JsonObject created = admin.postJson("api/v1/users", "{\"username\":\"" + name
        + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}");
    return new User(created.getJsonNumber("id").longValue(), name, password);
  }

  private long experiments() {
    return admin.get("api/v1/experiments?limit=1").json().getJsonNumber("total").longValue();
  }

  @Test
  void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
    User user = user("viewer");
    for (int i = 0; i < 5; i++) {
      Http.Response wrong = Http.anonymous(root).trySignIn(user.name(), "wrong-password-" + i);
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.contentType()).startsWith("application/problem+json");
    }
    // Locked: even the right password is refused, with the same answer as a wrong one.
    Http.Response locked = Http.anonymous(root).trySignIn(user.name(), user.password());
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.body()).doesNotContain(user.password());
    String trail = admin.get("api/v1/security-events?limit=50").body();
    assertThat(trail).contains("ACCOUNT_LOCKED").contains(user.name()).contains("SIGN_IN_FAILED");
    assertThat(trail).doesNotContain(user.password()).doesNotContain("wrong-password-");

    assertThat(admin.post("api/v1/users/" + user.id() + "/unlock", "application/json", "")
        .status()).isEqualTo(200);
    assertThat(Http.anonymous(root).trySignIn(user.name(), user.password()).status())
        .isEqualTo(200);
  }

  @Test
  void aCookieAuthenticatedChangeWithoutTheCsrfHeaderIsRefusedAndWritesNothing() {
    User editor = user("editor");
    Http http = Http.as(root, editor.name(), editor.password());
    long before = experiments();
    Http.Response forged = http.post("api/v1/experiments", "application/json",
        "{\"title\":\"Forged\",\"owner\":\"attacker\"}", Map.of("X-Requested-By", ""));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.contentType()).startsWith("application/problem+json");
    assertThat(forged.body()).contains("X-Requested-By");
    assertThat(experiments()).isEqualTo(before);
    // The same request with the header goes through.
    assertThat(http.post("api/v1/experiments", "application/json",
        "{\"title\":\"Not forged\",\"owner\":\"editor\"}").status()).isEqualTo(201);
  }

  @Test
  void aForgedFacesPostIsRefusedAndWritesNothing() {
    User editor = user("editor");
    Http http = Http.as(root, editor.name(), editor.password());
    Http.Response form = http.get("experiments/edit.xhtml", "text/html");
    assertThat(form.status()).isEqualTo(200);
    Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
        .matcher(form.body());
    assertThat(viewState.find()).as("the form carries a view state").isTrue();
    long before = experiments();
    // A cross-site form cannot know the view state: it guesses one.
    String body = "experimentForm=experimentForm&experimentForm%3Atitle=Forged&experimentForm%3Aowner=x"
        + "&experimentForm%3Asave=&jakarta.faces.ViewState=" + viewState.group(1).replaceAll(".$", "0")
        + "x";
    Http.Response forged = http.post("experiments/edit.xhtml", "application/x-www-form-urlencoded",
        body, Map.of("Accept", "text/html"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("Not allowed").doesNotContain("Exception");
    assertThat(experiments()).isEqualTo(before);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : new String[] {"login.xhtml", "api/v1/experiments", "experiments/list.xhtml"}) {
      Http.Response response = admin.get(path, path.startsWith("api") ? "application/json" : "text/html");
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
      assertThat(response.headers().allValues("Content-Security-Policy")).as(path)
          .anyMatch(v -> v.contains("frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
      assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
      assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
    }
    // Pages: PrimeFaces' CSP mode adds the script policy with a nonce.
    assertThat(admin.get("experiments/list.xhtml", "text/html").headers()
        .allValues("Content-Security-Policy")).anyMatch(v -> v.contains("nonce-"));
    Http.Response viaTls = admin.get("api/v1/experiments", "application/json");
    assertThat(admin.post("api/v1/session", "application/json", "{}",
        Map.of("X-Forwarded-Proto", "https")).headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    assertThat(viaTls.status()).isEqualTo(200);
    // The session cookie: HttpOnly, Secure, SameSite.
    Http.Response signIn = Http.anonymous(root).trySignIn(user("viewer").name(), "x");
    assertThat(signIn.status()).isEqualTo(401);
    User viewer = user("viewer");
    Http.Response ok = Http.anonymous(root).trySignIn(viewer.name(), viewer.password());
    assertThat(ok.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("DLSESSION=")
        && c.contains("HttpOnly") && c.contains("Secure") && c.contains("SameSite=Lax"));
  }

  @Test
  void tokensAreShownOnceWorkUntilRevokedAndNeverListedWithTheirValue() {
    JsonObject created = admin.postJson("api/v1/tokens",
        "{\"name\":\"pipeline-" + UUID.randomUUID() + "\",\"scopes\":[\"read\"],\"expiresInDays\":7}");
    String value = created.getString("value");
    long id = created.getJsonObject("token").getJsonNumber("id").longValue();
    assertThat(value).startsWith("dlt_");
    Http pipeline = Http.withToken(root, value);
    assertThat(pipeline.get("api/v1/experiments").status()).isEqualTo(200);
    assertThat(admin.get("api/v1/tokens").body()).doesNotContain(value).contains("\"lastUsedAt\":\"");
    assertThat(admin.delete("api/v1/tokens/" + id).status()).isEqualTo(200);
    Http.Response revoked = pipeline.get("api/v1/experiments");
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.contentType()).startsWith("application/problem+json");
    assertThat(Http.withToken(root, "dlt_not-a-token").get("api/v1/experiments").status())
        .isEqualTo(401);
    // Bad token requests are refused before anything else: no body is read, nothing written.
    assertThat(admin.post("api/v1/tokens", "application/json",
        "{\"name\":\"\",\"scopes\":[\"write\"],\"expiresInDays\":999}").body())
        .contains("\"field\":\"name\"").contains("\"field\":\"scopes\"")
        .contains("\"field\":\"expiresInDays\"");
  }

  @Test
  void signingOutEndsTheSessionAndDisablingAUserEndsTheirs() {
    User viewer = user("viewer");
    Http http = Http.as(root, viewer.name(), viewer.password());
    assertThat(http.get("api/v1/session").json().getString("username")).isEqualTo(viewer.name());
    String cookie = http.sessionCookie();
    assertThat(http.delete("api/v1/session").status()).isEqualTo(204);
    assertThat(Http.anonymous(root).useSession(cookie).get("api/v1/experiments").status())
        .isEqualTo(401);

    User other = user("viewer");
    Http signedIn = Http.as(root, other.name(), other.password());
    assertThat(signedIn.get("api/v1/experiments").status()).isEqualTo(200);
    assertThat(admin.put("api/v1/users/" + other.id(), "{\"roles\":[\"viewer\"],\"enabled\":false}")
        .status()).isEqualTo(200);
    // Roles are re-read at most 5 s later on every replica (this one forgets at once).
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    int status = signedIn.get("api/v1/experiments").status();
    while (status != 401 && Instant.now().isBefore(deadline)) {
      status = signedIn.get("api/v1/experiments").status();
    }
    assertThat(status).isEqualTo(401);
    assertThat(Http.anonymous(root).trySignIn(other.name(), other.password()).status())
        .isEqualTo(401);
  }
}
