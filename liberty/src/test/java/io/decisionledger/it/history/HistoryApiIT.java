package io.decisionledger.it.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history over the REST API against the real EAR, Liberty (persistenceContainer with the
 * bundled Hibernate and Envers) and PostgreSQL: changes made through the API come back as
 * timelines with who, when and field-by-field differences; the history cannot be written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(Deployments.root(base));
  }

  private static void assertProblem(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().getInt("status")).isEqualTo(status);
  }

  private static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  private List<JsonObject> items(String path) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    return r.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  /** The change of {@code field} in a history entry, if that field changed. */
  private static Optional<JsonObject> change(JsonObject entry, String field) {
    return entry.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("field").equals(field)).findFirst();
  }

  private static String text(JsonObject change, String key) {
    return change.isNull(key) ? null : change.getString(key);
  }

  @Test
  void anExperimentChangedThreeTimesHasATimelineWithWhoWhenAndFieldDiffs() {
    Instant before = Instant.now().minusSeconds(5);
    String title = "History " + System.nanoTime();
    long experiment = id(http.postJson("api/v1/experiments",
        "{\"title\":\"" + title + "\",\"owner\":\"ops\"}"));
    assertThat(http.put("api/v1/experiments/" + experiment,
        "{\"title\":\"" + title + " v2\",\"owner\":\"ops\",\"hypothesis\":\"Envoy is faster\"}")
        .status()).isEqualTo(200);
    assertThat(http.put("api/v1/experiments/" + experiment,
        "{\"title\":\"" + title + " v2\",\"owner\":\"platform\",\"hypothesis\":\"Envoy is faster\","
            + "\"status\":\"RUNNING\"}").status()).isEqualTo(200);
    long variant = id(http.postJson("api/v1/experiments/" + experiment + "/variants",
        "{\"name\":\"nginx\"}"));
    http.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"p95\",\"unit\":\"ms\",\"direction\":\"LOWER_IS_BETTER\"}");
    long run = id(http.postJson("api/v1/variants/" + variant + "/runs",
        "{\"parameters\":{\"nodes\":\"3\"}}"));
    Http.Response ingested = http.post("api/v1/runs/" + run + "/measurements", "text/csv",
        "metric,value\np95,12\np95,14\np95,13\n", Map.of("X-Request-Id", "history-it-ingest"));
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(201);

    List<JsonObject> timeline = items("api/v1/experiments/" + experiment + "/history?limit=50");

    assertThat(timeline).extracting(e -> e.getString("type") + ":" + e.getString("change"))
        .containsExactly("run:CHANGED", "run:CREATED", "metric:CREATED", "variant:CREATED",
            "experiment:CHANGED", "experiment:CHANGED", "experiment:CREATED");
    assertThat(timeline).allSatisfy(e -> {
      assertThat(e.getString("author")).isEqualTo(io.decisionledger.it.TestDatabase.ADMIN);
      Instant at = Instant.parse(e.getString("at"));
      assertThat(at).isBetween(before, Instant.now().plus(Duration.ofSeconds(5)));
      assertThat(e.getBoolean("firstRecorded")).isFalse();
    });
    assertThat(timeline).extracting(e -> e.getJsonNumber("revision").longValue())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());

    JsonObject ingestion = timeline.get(0);
    assertThat(ingestion.getString("requestId")).isEqualTo("history-it-ingest");
    assertThat(ingestion.getJsonNumber("id").longValue()).isEqualTo(run);
    assertThat(change(ingestion, "measurementCount")).hasValueSatisfying(c -> {
      assertThat(text(c, "before")).isEqualTo("0");
      assertThat(text(c, "after")).isEqualTo("3");
    });

    JsonObject created = timeline.get(1);
    assertThat(change(created, "parameters")).hasValueSatisfying(c -> {
      assertThat(text(c, "after")).isEqualTo("nodes: 3");
      assertThat(text(c, "summary")).isEqualTo("added nodes");
    });

    JsonObject statusAndOwner = timeline.get(4);
    assertThat(statusAndOwner.getString("label")).isEqualTo(title + " v2");
    assertThat(statusAndOwner.getJsonArray("changes").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("field") + ": " + text(c, "before") + " -> " + text(c, "after"))
        .containsExactly("status: PLANNED -> RUNNING", "owner: ops -> platform");

    JsonObject retitled = timeline.get(5);
    assertThat(retitled.getJsonArray("changes").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("label") + ": " + text(c, "before") + " -> " + text(c, "after"))
        .containsExactly("Title: " + title + " -> " + title + " v2",
            "Hypothesis: null -> Envoy is faster");

    JsonObject creation = timeline.get(6);
    assertThat(change(creation, "title")).hasValueSatisfying(c -> {
      assertThat(c.isNull("before")).isTrue();
      assertThat(text(c, "after")).isEqualTo(title);
    });

    // The run's own timeline and paging.
    assertThat(items("api/v1/runs/" + run + "/history")).extracting(e -> e.getString("change"))
        .containsExactly("CHANGED", "CREATED");
    JsonObject page = http.get("api/v1/experiments/" + experiment + "/history?offset=5&limit=5")
        .json();
    assertThat(page.getJsonNumber("total").longValue()).isEqualTo(7);
    assertThat(page.getJsonArray("items")).hasSize(2);

    // Deleting keeps the history, and records the deletion of the children too.
    assertThat(http.delete("api/v1/experiments/" + experiment).status()).isEqualTo(204);
    List<JsonObject> afterDelete =
        items("api/v1/experiments/" + experiment + "/history?limit=50");
    assertThat(afterDelete).hasSize(11);
    assertThat(afterDelete.subList(0, 4)).extracting(e -> e.getString("type") + ":" + e.getString("change"))
        .containsExactlyInAnyOrder("run:DELETED", "variant:DELETED", "metric:DELETED",
            "experiment:DELETED");
  }

  @Test
  void aDecisionsTimelineShowsItsStatusOptionsAndEvidence() {
    String title = "History decision " + System.nanoTime();
    long decision = id(http.postJson("api/v1/decisions", """
        {"title":"%s","options":[{"name":"NGINX","pros":"known"},{"name":"Traefik"}]}
        """.formatted(title)));
    assertThat(http.put("api/v1/decisions/" + decision, """
        {"title":"%s","status":"ACCEPTED","chosenOption":"Envoy Gateway",
         "options":[{"name":"NGINX","pros":"known\\ncheap"},{"name":"Envoy Gateway"}]}
        """.formatted(title)).status()).isEqualTo(200);
    assertThat(http.put("api/v1/decisions/" + decision, """
        {"title":"%s (amended)","status":"ACCEPTED","chosenOption":"Envoy Gateway",
         "options":[{"name":"NGINX","pros":"known\\ncheap"},{"name":"Envoy Gateway"}]}
        """.formatted(title)).status()).isEqualTo(200);

    long experiment = id(http.postJson("api/v1/experiments",
        "{\"title\":\"Evidence for " + title + "\",\"owner\":\"it\"}"));
    long a = id(http.postJson("api/v1/experiments/" + experiment + "/variants", "{\"name\":\"A\"}"));
    http.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"lat\",\"unit\":\"ms\",\"direction\":\"LOWER_IS_BETTER\"}");
    long run = id(http.postJson("api/v1/variants/" + a + "/runs", "{}"));
    assertThat(http.post("api/v1/runs/" + run + "/measurements", "text/csv",
        "metric,value\nlat,10\nlat,11\n").status()).isEqualTo(201);
    Http.Response cited = http.post("api/v1/decisions/" + decision + "/evidence",
        "application/json", "{\"experimentId\":" + experiment + "}");
    assertThat(cited.status()).as(cited.body()).isIn(200, 201);

    List<JsonObject> timeline = items("api/v1/decisions/" + decision + "/history");

    assertThat(timeline).extracting(e -> e.getString("type") + ":" + e.getString("change"))
        .containsExactly("evidence:CREATED", "decision:CHANGED", "decision:CHANGED",
            "decision:CREATED");
    JsonObject evidence = timeline.get(0);
    assertThat(change(evidence, "metricName")).hasValueSatisfying(
        c -> assertThat(text(c, "after")).isEqualTo("lat"));
    assertThat(change(evidence, "decision")).hasValueSatisfying(
        c -> assertThat(text(c, "after")).contains(title + " (amended)"));

    assertThat(timeline.get(1).getJsonArray("changes").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("field") + ": " + text(c, "before") + " -> " + text(c, "after"))
        .containsExactly("title: " + title + " -> " + title + " (amended)");
    JsonObject accepted = timeline.get(2);
    assertThat(accepted.getJsonArray("changes").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("field"))
        .containsExactly("status", "options", "chosenOption");
    assertThat(change(accepted, "status")).hasValueSatisfying(c -> {
      assertThat(text(c, "before")).isEqualTo("PROPOSED");
      assertThat(text(c, "after")).isEqualTo("ACCEPTED");
    });
    assertThat(change(accepted, "options")).hasValueSatisfying(c -> {
      assertThat(text(c, "summary"))
          .isEqualTo("added Envoy Gateway; removed Traefik; changed NGINX");
      assertThat(c.getJsonArray("added").getString(0)).isEqualTo("Envoy Gateway");
    });
    assertThat(timeline.get(3).getString("label")).matches("ADR-\\d{4} " + title);
  }

  @Test
  void aGoalsTimelineShowsItsChangesAndItsItemsWithTheSignedInEditorAsAuthor() {
    // An editor of its own, so the author is the caller and not the administrator who set up.
    String editor = "goal-history-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String password = "pw-" + java.util.UUID.randomUUID();
    Http.Response user = http.post("api/v1/users", "application/json", "{\"username\":\"" + editor
        + "\",\"password\":\"" + password + "\",\"roles\":[\"editor\"]}");
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    Http asEditor = Http.as(Deployments.root(base), editor, password);

    String title = "History goal " + System.nanoTime();
    JsonObject created = asEditor.postJson("api/v1/goals", """
        {"title":"%s","kind":"LEARNING","items":[{"text":"Read the Envers guide"}]}
        """.formatted(title));
    long goal = id(created);
    long item = id(created.getJsonArray("items").getJsonObject(0));
    Http.Response changed = asEditor.put("api/v1/goals/" + goal, """
        {"title":"%s v2","kind":"SUCCESS","description":"Hands on"}
        """.formatted(title));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);

    List<JsonObject> timeline = items("api/v1/goals/" + goal + "/history");

    // Newest revision first; the goal and its first item were created in one revision.
    assertThat(timeline).extracting(e -> e.getString("type") + ":" + e.getString("change"))
        .containsExactly("goal:CHANGED", "goal:CREATED", "goal-item:CREATED");
    assertThat(timeline.stream().map(e -> e.getJsonNumber("revision").longValue()).distinct())
        .hasSize(2);
    assertThat(timeline).allSatisfy(e -> {
      assertThat(e.getString("author")).isEqualTo(editor);
      assertThat(e.getBoolean("firstRecorded")).isFalse();
    });
    JsonObject retitled = timeline.get(0);
    assertThat(retitled.getString("label")).isEqualTo(title + " v2");
    assertThat(retitled.getJsonArray("changes").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("field") + ": " + text(c, "before") + " -> " + text(c, "after"))
        .containsExactly("title: " + title + " -> " + title + " v2",
            "description: null -> Hands on", "kind: LEARNING -> SUCCESS");
    assertThat(change(timeline.get(1), "title")).hasValueSatisfying(c -> {
      assertThat(c.isNull("before")).isTrue();
      assertThat(text(c, "after")).isEqualTo(title);
    });
    JsonObject itemCreated = timeline.get(2);
    assertThat(id(itemCreated)).isEqualTo(item);
    assertThat(itemCreated.getString("label")).isEqualTo("Read the Envers guide");
    assertThat(change(itemCreated, "goal")).hasValueSatisfying(
        c -> assertThat(text(c, "after")).isEqualTo(title + " (goal #" + goal + ")"));

    // Proving the item by a decision is a change of the item, in the goal's timeline only.
    long decision = id(http.postJson("api/v1/decisions",
        "{\"title\":\"Proof for " + title + "\"}"));
    Http.Response proven = asEditor.put("api/v1/goals/" + goal + "/items/" + item + "/proof",
        "{\"decisionId\":" + decision + "}");
    assertThat(proven.status()).as(proven.body()).isEqualTo(200);
    JsonObject proof = items("api/v1/goals/" + goal + "/history").get(0);
    assertThat(proof.getString("type") + ":" + proof.getString("change"))
        .isEqualTo("goal-item:CHANGED");
    assertThat(proof.getString("author")).isEqualTo(editor);
    assertThat(change(proof, "decision")).hasValueSatisfying(c -> {
      assertThat(c.isNull("before")).isTrue();
      assertThat(text(c, "after")).matches("ADR-\\d{4} Proof for " + title
          + " \\(decision #" + decision + "\\)");
    });
    assertThat(proof.getJsonArray("changes").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("field")).containsExactly("decision", "provenAt");
    assertThat(items("api/v1/decisions/" + decision + "/history"))
        .extracting(e -> e.getString("type")).containsOnly("decision");

    // Deleting the proving decision reopens the item, and the goal's history says who did it.
    assertThat(http.delete("api/v1/decisions/" + decision).status()).isEqualTo(204);
    JsonObject reopened = items("api/v1/goals/" + goal + "/history").get(0);
    assertThat(reopened.getString("type") + ":" + reopened.getString("change"))
        .isEqualTo("goal-item:CHANGED");
    assertThat(reopened.getString("author")).isEqualTo(io.decisionledger.it.TestDatabase.ADMIN);
    assertThat(change(reopened, "decision")).hasValueSatisfying(c -> {
      assertThat(text(c, "before")).contains("Proof for " + title);
      assertThat(c.isNull("after")).isTrue();
    });
    assertThat(http.get("api/v1/goals/" + goal).json().getJsonObject("progress")
        .getInt("completed")).isZero();

    // Goals are in the recent changes, and a deleted goal keeps its history.
    assertThat(items("api/v1/history?type=goal&limit=20"))
        .anyMatch(e -> id(e) == goal && e.getString("label").equals(title + " v2"));
    assertThat(items("api/v1/history?type=goal-item&limit=20")).anyMatch(e -> id(e) == item);
    assertThat(asEditor.delete("api/v1/goals/" + goal).status()).isEqualTo(204);
    assertThat(items("api/v1/goals/" + goal + "/history").subList(0, 2))
        .extracting(e -> e.getString("type") + ":" + e.getString("change"))
        .containsExactly("goal:DELETED", "goal-item:DELETED");
  }

  @Test
  void recentChangesAreNewestFirstAndFilterByKind() {
    String title = "Recent " + System.nanoTime();
    long experiment = id(http.postJson("api/v1/experiments",
        "{\"title\":\"" + title + "\",\"owner\":\"ops\"}"));

    List<JsonObject> recent = items("api/v1/history?limit=5");
    assertThat(recent).isNotEmpty();
    assertThat(recent).extracting(e -> e.getJsonNumber("revision").longValue())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    List<JsonObject> experiments = items("api/v1/history?type=experiment&limit=200");
    assertThat(experiments).allMatch(e -> e.getString("type").equals("experiment"));
    assertThat(experiments).anyMatch(e -> id(e) == experiment && e.getString("label").equals(title));

    // The demo was loaded on the administrator's request: the history names them.
    long runs = http.get("api/v1/history?type=run&limit=1").json().getJsonNumber("total")
        .longValue();
    assertThat(runs).isPositive();
    JsonObject oldest = items("api/v1/history?type=run&limit=1&offset=" + (runs - 1)).get(0);
    assertThat(oldest.getString("author")).isEqualTo(io.decisionledger.it.TestDatabase.ADMIN);
  }

  @Test
  void theHistoryCannotBeWrittenAndBadRequestsAreProblems() {
    long experiment = id(http.postJson("api/v1/experiments",
        "{\"title\":\"Read only " + System.nanoTime() + "\",\"owner\":\"ops\"}"));
    for (String path : List.of("api/v1/history", "api/v1/experiments/" + experiment + "/history",
        "api/v1/decisions/1/history", "api/v1/runs/1/history", "api/v1/goals/1/history")) {
      assertProblem(http.post(path, "application/json", "{}"), 405);
      assertProblem(http.put(path, "{}"), 405);
      assertProblem(http.delete(path), 405);
    }
    assertProblem(http.get("api/v1/history?type=measurement"), 400);
    assertThat(http.get("api/v1/history?type=measurement").json().getJsonArray("errors")
        .getJsonObject(0).getString("field")).isEqualTo("type");
    assertProblem(http.get("api/v1/history?limit=0"), 400);
    assertProblem(http.get("api/v1/history?offset=-1"), 400);
    assertProblem(http.get("api/v1/experiments/987654321/history"), 404);
    assertProblem(http.get("api/v1/runs/987654321/history"), 404);
    assertProblem(http.get("api/v1/goals/987654321/history"), 404);
  }

  @Test
  void theOpenApiDocumentDescribesTheHistory() {
    String openapi = http.get("openapi", "application/yaml").body();
    assertThat(openapi).contains("/api/v1/history").contains("/api/v1/experiments/{id}/history")
        .contains("/api/v1/decisions/{id}/history").contains("/api/v1/runs/{id}/history")
        .contains("/api/v1/goals/{id}/history");
  }
}
