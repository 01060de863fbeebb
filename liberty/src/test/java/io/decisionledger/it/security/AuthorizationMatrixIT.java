package io.decisionledger.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every page and every REST endpoint, called as anonymous, viewer, editor, auditor, admin and a
 * token of each scope, against the status each pair must get. Generated from one table ({@link
 * #endpoints}) and one rule per access class ({@link Access}), so nothing is left out by accident:
 * a new endpoint is a new row.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  /** Who calls. */
  enum Caller { ANONYMOUS, VIEWER, EDITOR, AUDITOR, ADMIN, TOKEN_READ, TOKEN_INGEST }

  /** Who may do what; the expected status for a caller who may not is 401 or 403. */
  enum Access {
    /** Experiments, runs, comparisons: people, and tokens of either scope. */
    READ_EXPERIMENTS(Caller.VIEWER, Caller.EDITOR, Caller.AUDITOR, Caller.ADMIN, Caller.TOKEN_READ,
        Caller.TOKEN_INGEST),
    /** History: people only. */
    HISTORY(Caller.VIEWER, Caller.EDITOR, Caller.AUDITOR, Caller.ADMIN),
    /** Decisions: people, and read tokens. */
    READ(Caller.VIEWER, Caller.EDITOR, Caller.AUDITOR, Caller.ADMIN, Caller.TOKEN_READ),
    /** Changes: editors. */
    EDIT(Caller.EDITOR),
    /** Runs and measurements: editors and ingest tokens. */
    INGEST(Caller.EDITOR, Caller.TOKEN_INGEST),
    /** Users and tokens: administrators. */
    ADMINISTER(Caller.ADMIN),
    /** The security trail and token list: auditors and administrators. */
    AUDIT(Caller.AUDITOR, Caller.ADMIN),
    /** Pages anyone signed in as a person may open. */
    PAGE(Caller.VIEWER, Caller.EDITOR, Caller.AUDITOR, Caller.ADMIN),
    /** Editing pages. */
    EDIT_PAGE(Caller.EDITOR),
    ADMIN_PAGE(Caller.ADMIN),
    AUDIT_PAGE(Caller.AUDITOR, Caller.ADMIN),
    /** Open to everybody. */
    PUBLIC(Caller.values());

    final List<Caller> allowed;

    Access(Caller... allowed) {
      this.allowed = List.of(allowed);
    }

    boolean page() {
      return name().endsWith("PAGE");
    }
  }

  /** One request: method, path (with ids filled in), body, and who may make it. */
  record Endpoint(String method, String path, String body, Access access, int success,
      String contentType) {
    Endpoint(String method, String path, String body, Access access, int success) {
      this(method, path, body, access, success, "application/json");
    }
  }

  private Map<Caller, Http> callers;
  private long experiment;
  private long variant;
  private long run;
  private long metric;
  private long decision;
  private long goal;

  private List<Endpoint> endpoints() {
    String fresh = "{\"title\":\"Matrix " + UUID.randomUUID() + "\",\"owner\":\"it\"}";
    List<Endpoint> e = new ArrayList<>();
    // Experiments
    e.add(new Endpoint("GET", "api/v1/experiments", null, Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("POST", "api/v1/experiments", fresh, Access.EDIT, 201));
    e.add(new Endpoint("GET", "api/v1/experiments/" + experiment, null, Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("PUT", "api/v1/experiments/" + experiment,
        "{\"title\":\"Matrix target\",\"owner\":\"it\"}", Access.EDIT, 200));
    e.add(new Endpoint("GET", "api/v1/experiments/" + experiment + "/comparison", null,
        Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("GET", "api/v1/experiments/" + experiment + "/variants", null,
        Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("POST", "api/v1/experiments/" + experiment + "/variants",
        "{\"name\":\"v-" + UUID.randomUUID().toString().substring(0, 8) + "\"}", Access.EDIT, 201));
    e.add(new Endpoint("GET", "api/v1/experiments/" + experiment + "/metrics", null,
        Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("POST", "api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"m_" + UUID.randomUUID().toString().substring(0, 8)
            + "\",\"unit\":\"s\",\"direction\":\"LOWER_IS_BETTER\"}", Access.EDIT, 201));
    e.add(new Endpoint("GET", "api/v1/experiments/" + experiment + "/runs", null,
        Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("GET", "api/v1/variants/" + variant, null, Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("PUT", "api/v1/variants/" + variant, "{\"name\":\"A\"}", Access.EDIT, 200));
    e.add(new Endpoint("POST", "api/v1/variants/" + variant + "/runs", "{\"notes\":\"m\"}",
        Access.INGEST, 201));
    e.add(new Endpoint("GET", "api/v1/metrics/" + metric, null, Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("PUT", "api/v1/metrics/" + metric,
        "{\"name\":\"boot\",\"unit\":\"s\",\"direction\":\"LOWER_IS_BETTER\"}", Access.EDIT, 200));
    e.add(new Endpoint("GET", "api/v1/runs/" + run, null, Access.READ_EXPERIMENTS, 200));
    e.add(new Endpoint("PUT", "api/v1/runs/" + run, "{\"notes\":\"changed\"}", Access.INGEST, 200));
    e.add(new Endpoint("POST", "api/v1/runs/" + run + "/measurements",
        "[{\"metric\":\"boot\",\"value\":1.5}]", Access.INGEST, 201));
    // Decisions
    e.add(new Endpoint("GET", "api/v1/decisions", null, Access.READ, 200));
    e.add(new Endpoint("POST", "api/v1/decisions",
        "{\"title\":\"Matrix " + UUID.randomUUID() + "\",\"status\":\"PROPOSED\"}", Access.EDIT, 201));
    e.add(new Endpoint("GET", "api/v1/decisions/" + decision, null, Access.READ, 200));
    e.add(new Endpoint("GET", "api/v1/decisions/" + decision + "/evidence", null, Access.READ, 200));
    e.add(new Endpoint("GET", "api/v1/decisions/drifted", null, Access.READ, 200));
    e.add(new Endpoint("GET", "api/v1/decisions/export", null, Access.READ, 200));
    e.add(new Endpoint("POST", "api/v1/decisions/import?numbering=renumber&filename=0001-matrix.md",
        "# Matrix import " + UUID.randomUUID() + "\n", Access.EDIT, 200, "text/markdown"));
    e.add(new Endpoint("GET", "api/v1/experiments/" + experiment + "/export?format=csv", null,
        Access.READ, 200));
    // Goals, search, history
    e.add(new Endpoint("GET", "api/v1/goals", null, Access.READ, 200));
    e.add(new Endpoint("POST", "api/v1/goals", "{\"title\":\"Matrix " + UUID.randomUUID()
        + "\",\"kind\":\"LEARNING\"}", Access.EDIT, 201));
    e.add(new Endpoint("GET", "api/v1/search?q=matrix", null, Access.READ, 200));
    e.add(new Endpoint("GET", "api/v1/history", null, Access.HISTORY, 200));
    e.add(new Endpoint("GET", "api/v1/experiments/" + experiment + "/history", null,
        Access.HISTORY, 200));
    e.add(new Endpoint("GET", "api/v1/decisions/" + decision + "/history", null, Access.HISTORY,
        200));
    e.add(new Endpoint("GET", "api/v1/runs/" + run + "/history", null, Access.HISTORY, 200));
    e.add(new Endpoint("GET", "api/v1/goals/" + goal + "/history", null, Access.HISTORY, 200));
    // Administration and audit
    e.add(new Endpoint("GET", "api/v1/users", null, Access.ADMINISTER, 200));
    e.add(new Endpoint("POST", "api/v1/users", "{\"username\":\"m-" + UUID.randomUUID()
        .toString().substring(0, 8) + "\",\"password\":\"matrix-password-123\",\"roles\":[\"viewer\"]}",
        Access.ADMINISTER, 201));
    e.add(new Endpoint("GET", "api/v1/tokens", null, Access.AUDIT, 200));
    e.add(new Endpoint("POST", "api/v1/tokens", "{\"name\":\"matrix\",\"scopes\":[\"read\"]}",
        Access.ADMINISTER, 201));
    e.add(new Endpoint("GET", "api/v1/security-events", null, Access.AUDIT, 200));
    e.add(new Endpoint("GET", "api/v1/config-audit", null, Access.AUDIT, 200));
    e.add(new Endpoint("POST", "api/v1/demo", null, Access.EDIT, 200));
    // Pages
    e.add(new Endpoint("GET", "index.xhtml", null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "experiments/list.xhtml", null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "experiments/detail.xhtml?id=" + experiment, null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "decisions/list.xhtml", null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "decisions/detail.xhtml?id=" + decision, null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "decisions/drifted.xhtml", null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "experiments/edit.xhtml", null, Access.EDIT_PAGE, 200));
    e.add(new Endpoint("GET", "runs/new.xhtml?experiment=" + experiment, null, Access.EDIT_PAGE, 200));
    e.add(new Endpoint("GET", "runs/upload.xhtml?experiment=" + experiment, null, Access.EDIT_PAGE, 200));
    e.add(new Endpoint("GET", "decisions/edit.xhtml", null, Access.EDIT_PAGE, 200));
    e.add(new Endpoint("GET", "admin/users.xhtml", null, Access.ADMIN_PAGE, 200));
    e.add(new Endpoint("GET", "admin/tokens.xhtml", null, Access.ADMIN_PAGE, 200));
    e.add(new Endpoint("GET", "admin/security-events.xhtml", null, Access.AUDIT_PAGE, 200));
    e.add(new Endpoint("GET", "goals/list.xhtml", null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "search.xhtml?q=matrix", null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "history/recent.xhtml", null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "goals/detail.xhtml?id=" + goal, null, Access.PAGE, 200));
    e.add(new Endpoint("GET", "history/timeline.xhtml?type=goal&id=" + goal, null, Access.PAGE,
        200));
    e.add(new Endpoint("GET", "goals/edit.xhtml", null, Access.EDIT_PAGE, 200));
    e.add(new Endpoint("GET", "decisions/import.xhtml", null, Access.EDIT_PAGE, 200));
    e.add(new Endpoint("GET", "admin/config-audit.xhtml", null, Access.AUDIT_PAGE, 200));
    e.add(new Endpoint("GET", "login.xhtml", null, Access.PUBLIC, 200));
    // OpenID Connect's paths exist only with dl.auth.mode=oidc (OidcSignInIT); in form mode
    // nothing is behind them, for anybody.
    e.add(new Endpoint("GET", "oidc/sign-in?next=/index.xhtml", null, Access.PUBLIC, 404));
    e.add(new Endpoint("GET", "oidc/callback?code=x&state=y", null, Access.PUBLIC, 404));
    return e;
  }

  @Test
  void everyCallerGetsExactlyWhatItsRoleAllows() {
    URL root = Deployments.root(base);
    Http admin = new Http(root);
    callers = new LinkedHashMap<>();
    callers.put(Caller.ANONYMOUS, Http.anonymous(root));
    for (Caller role : List.of(Caller.VIEWER, Caller.EDITOR, Caller.AUDITOR, Caller.ADMIN)) {
      String name = "matrix-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString()
          .substring(0, 6);
      String password = "pw-" + UUID.randomUUID();
      Http.Response created = admin.post("api/v1/users", "application/json",
          "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\""
              + role.name().toLowerCase() + "\"]}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      callers.put(role, Http.as(root, name, password));
    }
    callers.put(Caller.TOKEN_READ, Http.withToken(root, token(admin, "read")));
    callers.put(Caller.TOKEN_INGEST, Http.withToken(root, token(admin, "ingest")));

    experiment = admin.postJson("api/v1/experiments",
        "{\"title\":\"Matrix target\",\"owner\":\"it\"}").getJsonNumber("id").longValue();
    variant = admin.postJson("api/v1/experiments/" + experiment + "/variants", "{\"name\":\"A\"}")
        .getJsonNumber("id").longValue();
    metric = admin.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"boot\",\"unit\":\"s\",\"direction\":\"LOWER_IS_BETTER\"}")
        .getJsonNumber("id").longValue();
    run = admin.postJson("api/v1/variants/" + variant + "/runs", "{\"notes\":\"matrix\"}")
        .getJsonNumber("id").longValue();
    decision = admin.postJson("api/v1/decisions",
        "{\"title\":\"Matrix decision\",\"status\":\"PROPOSED\"}").getJsonNumber("id").longValue();
    goal = admin.postJson("api/v1/goals", "{\"title\":\"Matrix goal\",\"kind\":\"SUCCESS\"}")
        .getJsonNumber("id").longValue();

    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Endpoint endpoint : endpoints()) {
      for (Caller caller : Caller.values()) {
        int expected = expected(endpoint, caller);
        Http.Response response = call(callers.get(caller), endpoint);
        checked++;
        if (response.status() != expected) {
          wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller + ": expected "
              + expected + ", got " + response.status() + " " + abbreviate(response.body()));
        } else if (!endpoint.access().page() && endpoint.access() != Access.PUBLIC
            && expected >= 400
            && !response.contentType().startsWith("application/problem+json")) {
          wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller
              + ": refusal is not problem+json but " + response.contentType());
        }
      }
    }
    assertThat(checked).isEqualTo(endpoints().size() * Caller.values().length);
    assertThat(wrong).as("pairs with the wrong status (%d checked)", checked).isEmpty();
  }

  private static int expected(Endpoint endpoint, Caller caller) {
    if (endpoint.access().allowed.contains(caller)) {
      return endpoint.success();
    }
    if (caller == Caller.ANONYMOUS) {
      return endpoint.access().page() ? 302 : 401;
    }
    return 403;
  }

  private static Http.Response call(Http http, Endpoint endpoint) {
    String accept = endpoint.access().page() || endpoint.access() == Access.PUBLIC
        ? "text/html" : "application/json, application/problem+json, */*;q=0.1";
    return switch (endpoint.method()) {
      case "GET" -> http.get(endpoint.path(), accept);
      case "POST" -> http.post(endpoint.path(), endpoint.contentType(),
          endpoint.body() == null ? "" : endpoint.body());
      case "PUT" -> http.put(endpoint.path(), endpoint.body());
      case "DELETE" -> http.delete(endpoint.path());
      default -> throw new IllegalArgumentException(endpoint.method());
    };
  }

  private static String token(Http admin, String scope) {
    return admin.postJson("api/v1/tokens", "{\"name\":\"matrix-" + scope + "\",\"scopes\":[\""
        + scope + "\"]}").getString("value");
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
  }

}
