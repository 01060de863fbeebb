package io.decisionledger.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.ExtraServer;
import io.decisionledger.it.Http;
import io.decisionledger.it.ServerLog;
import io.decisionledger.it.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas, one PostgreSQL: replica A is the Arquillian-managed test server, replica B a second
 * Liberty server made from the product server's configuration and EAR. A signed-in user moves
 * between them in the middle of a Faces form and keeps both the session and the form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoReplicasIT {

  private static final Duration START_DEADLINE = Duration.ofMinutes(6);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private static ExtraServer replicaB;

  /** Replica B, started once, after replica A has deployed (and so migrated the database). */
  private static synchronized ExtraServer replicaB() {
    if (replicaB == null) {
      // Its own ports (-Dit.replica.http.port; https 1000 above, as for replica A).
      int http = Integer.parseInt(System.getProperty("dl.it.replica.http.port", "9181"));
      replicaB = ExtraServer.start("-b", http, http + 1000, Map.of(), START_DEADLINE);
    }
    return replicaB;
  }

  @AfterAll
  static synchronized void stopReplicaB() {
    if (replicaB != null) {
      replicaB.stop();
      replicaB = null;
    }
  }

  /** The administrator, signed in on replica A, with the demo loaded (the pages show its data). */
  private Http signedInOnA() {
    return new Http(Deployments.root(base));
  }

  @Test
  void aFormOpenedOnOneReplicaIsSubmittedOnTheOther() {
    ExtraServer b = replicaB();
    Http a = signedInOnA();
    String title = "Two replicas " + UUID.randomUUID();

    Http.Response form = a.get("experiments/edit.xhtml", "text/html");
    assertThat(form.status()).as("the form on replica A").isEqualTo(200);
    Matcher viewState = Pattern.compile(
        "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
    assertThat(viewState.find()).as("the form carries a view state").isTrue();
    Matcher action = Pattern.compile("<form id=\"experimentForm\"[^>]*action=\"([^\"]+)\"")
        .matcher(form.body());
    assertThat(action.find()).as("the form names where it posts").isTrue();
    Set<String> names = new LinkedHashSet<>();
    Matcher name = Pattern.compile("name=\"(experimentForm(?::[A-Za-z0-9_]+)?)\"")
        .matcher(form.body());
    while (name.find()) {
      names.add(name.group(1));
    }
    assertThat(names).contains("experimentForm", "experimentForm:title", "experimentForm:owner",
        "experimentForm:save");

    // The same session cookie and view state, sent to the other replica.
    Map<String, String> fields = new LinkedHashMap<>();
    names.forEach(n -> fields.put(n, ""));
    fields.put("experimentForm", "experimentForm");
    fields.put("experimentForm:title", title);
    fields.put("experimentForm:owner", "replica team");
    fields.put("jakarta.faces.ViewState", viewState.group(1));
    Http onB = Http.anonymous(b.root()).useSession(a.sessionCookie());
    Http.Response submitted = onB.post(action.group(1).replace("&amp;", "&").substring(1),
        "application/x-www-form-urlencoded", formBody(fields), Map.of("Accept", "text/html"));

    assertThat(submitted.status())
        .as("replica B accepts the form replica A rendered (body: %s)\n%s", submitted.body(),
            b.problems())
        .isIn(302, 303);
    String location = submitted.headers().firstValue("Location").orElse("");
    assertThat(location).contains("experiments/detail.xhtml").contains("id=");
    // Liberty's cookie is <cache id><session id>:<server ids>: replica B adds itself to the list
    // and keeps the session id.
    assertThat(sessionId(onB.sessionCookie())).as("replica B kept the session")
        .isEqualTo(sessionId(a.sessionCookie()));

    JsonObject found = a.get("api/v1/experiments?q=" + URLEncoder.encode(title,
        StandardCharsets.UTF_8)).json();
    assertThat(found.getJsonNumber("total").longValue()).as("the experiment exists once")
        .isEqualTo(1);
    JsonObject experiment = found.getJsonArray("items").getJsonObject(0);
    assertThat(experiment.getString("title")).isEqualTo(title);
    assertThat(experiment.getString("owner")).isEqualTo("replica team");
    assertThat(location).contains("id=" + experiment.getJsonNumber("id").longValue());

    // And back to replica A with the cookie the browser now holds: the detail page the redirect
    // names opens there in the same session.
    a.useSession(onB.sessionCookie());
    Http.Response detail = a.get(URI.create(location).getRawPath().substring(1) + "?"
        + URI.create(location).getRawQuery(), "text/html");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).contains(title);
  }

  @Test
  void aSignOutOnOneReplicaEndsTheSessionOnTheOther() {
    ExtraServer b = replicaB();
    Http a = signedInOnA();
    Http onB = Http.anonymous(b.root()).useSession(a.sessionCookie());

    Http.Response who = onB.get("api/v1/session");
    assertThat(who.status()).as("replica B knows replica A's session\n%s", b.problems())
        .isEqualTo(200);
    assertThat(who.json().getString("username")).isEqualTo(TestDatabase.ADMIN);

    assertThat(onB.delete("api/v1/session").status()).isEqualTo(204);

    // Roles and sessions are cached for a few seconds per replica: allow up to 20 s.
    await("replica A refuses the signed-out cookie").atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(a.get("api/v1/session").status()).isEqualTo(401));
    assertThat(a.get("api/v1/experiments?limit=1").status()).isEqualTo(401);
  }

  @Test
  void everyMainPageLeavesASessionBothReplicasCanStoreAndRead() {
    ExtraServer b = replicaB();
    Http a = signedInOnA();
    ServerLog logOfA = ServerLog.ofTestServer();
    ServerLog logOfB = ServerLog.of(b.log());
    long fromA = logOfA.mark();
    long fromB = logOfB.mark();
    long experiment = firstId(a, "api/v1/experiments?limit=1");
    long decision = firstId(a, "api/v1/decisions?limit=1");
    long goal = firstId(a, "api/v1/goals?limit=1");
    // The pages whose view-scoped beans the session keeps, with what each holds (entities, the
    // comparison, drafts, lazy tables, select choices).
    List<String> pages = List.of(
        "experiments/list.xhtml",
        "experiments/detail.xhtml?id=" + experiment,
        "experiments/edit.xhtml?id=" + experiment,
        "runs/new.xhtml?experiment=" + experiment,
        "runs/upload.xhtml?experiment=" + experiment,
        "decisions/list.xhtml",
        "decisions/detail.xhtml?id=" + decision,
        "decisions/edit.xhtml?id=" + decision,
        "decisions/import.xhtml",
        "goals/list.xhtml",
        "goals/detail.xhtml?id=" + goal,
        "goals/edit.xhtml?id=" + goal,
        "search.xhtml?q=latency",
        "history/recent.xhtml",
        "history/timeline.xhtml?type=experiment&id=" + experiment,
        "admin/users.xhtml",
        "admin/tokens.xhtml");
    Http onB = Http.anonymous(b.root()).useSession(a.sessionCookie());
    for (String page : pages) {
      assertThat(a.get(page, "text/html").status()).as("%s on replica A", page).isEqualTo(200);
      // Replica B reads the session replica A has just written, with this view in it.
      assertThat(onB.get(page, "text/html").status()).as("%s on replica B\n%s", page,
          b.problems()).isEqualTo(200);
    }
    // Neither replica may have skipped writing the session (SESN0040E, NotSerializableException):
    // the other replica would lose the view. A write ends just after its response, so the logs
    // are watched for a moment.
    await("no session left unwritten").atMost(Duration.ofSeconds(10))
        .during(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> {
          assertThat(logOfA.linesSince(fromA, ServerLog.SESSION_FAILURE)).as("replica A")
              .isEmpty();
          assertThat(logOfB.linesSince(fromB, ServerLog.SESSION_FAILURE)).as("replica B")
              .isEmpty();
        });
  }

  private static long firstId(Http http, String path) {
    Http.Response response = http.get(path);
    assertThat(response.status()).as(path).isEqualTo(200);
    JsonArray items = response.json().getJsonArray("items");
    assertThat(items).as("%s: %s", path, response.body()).isNotEmpty();
    return items.getJsonObject(0).getJsonNumber("id").longValue();
  }

  /** The session id in a {@code DLSESSION=<4-character cache id><id>:<server ids>} cookie. */
  private static String sessionId(String cookie) {
    assertThat(cookie).startsWith("DLSESSION=");
    String value = cookie.substring("DLSESSION=".length());
    return value.substring(4, value.indexOf(':') < 0 ? value.length() : value.indexOf(':'));
  }

  private static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
