package io.decisionledger.it.goal;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Goals over the REST API against the real EAR, Liberty and PostgreSQL: checklists, proofs by
 * decisions and experiments, progress in the list and on the goal, the demo goals, and the error
 * statuses (with nothing written when input is refused).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GoalApiIT {

  private static final String GOALS = "api/v1/goals";

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

  private static List<String> fields(Http.Response problem) {
    return problem.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field")).toList();
  }

  private static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  private JsonObject goal(long id) {
    Http.Response r = http.get(GOALS + "/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<JsonObject> items(JsonObject goal) {
    return goal.getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static List<String> texts(JsonObject goal) {
    return items(goal).stream().map(i -> i.getString("text")).toList();
  }

  private static String progress(JsonObject o) {
    JsonObject p = o.getJsonObject("progress");
    return p.getInt("completed") + "/" + p.getInt("total") + "=" + p.getInt("percent") + "%";
  }

  private long total() {
    return http.get(GOALS + "?limit=1").json().getJsonNumber("total").longValue();
  }

  private JsonObject summaryOf(long goalId) {
    return http.get(GOALS + "?limit=200").json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(s -> id(s) == goalId).findFirst()
        .orElseThrow(() -> new AssertionError("goal " + goalId + " not in the list"));
  }

  @Test
  void aChecklistIsProvenByADecisionAndAnExperimentAndItsProgressFollows() {
    String title = "Disaster recovery " + System.nanoTime();
    Http.Response created = http.post(GOALS, "application/json", """
        {"title":"%s","kind":"SUCCESS","targetDate":"2027-03-31",
         "description":"Restore **everything**<script>window.__pwned=1</script>[x](javascript:alert(1))",
         "items":[{"text":"Back up etcd"},{"text":"Restore onto fresh nodes"},
                  {"text":"Write the runbook","done":true,"note":"docs/runbook.md"}]}
        """.formatted(title));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/api/v1/goals/" + id(created.json())));
    JsonObject goal = created.json();
    long goalId = id(goal);
    assertThat(goal.getString("kind")).isEqualTo("SUCCESS");
    assertThat(goal.getString("targetDate")).isEqualTo("2027-03-31");
    assertThat(goal.getBoolean("overdue")).isFalse();
    assertThat(goal.getString("descriptionHtml")).contains("<strong>everything</strong>")
        .doesNotContain("<script").doesNotContain("javascript:");
    assertThat(texts(goal)).containsExactly("Back up etcd", "Restore onto fresh nodes",
        "Write the runbook");
    assertThat(items(goal)).extracting(i -> i.getInt("position")).containsExactly(0, 1, 2);
    assertThat(items(goal).get(2).getBoolean("done")).isTrue();
    assertThat(items(goal).get(2).getString("note")).isEqualTo("docs/runbook.md");
    assertThat(progress(goal)).isEqualTo("1/3=33%");
    long backup = id(items(goal).get(0));
    long restore = id(items(goal).get(1));
    long runbook = id(items(goal).get(2));

    // Proofs: a decision and an experiment.
    long decision = id(http.postJson("api/v1/decisions", "{\"title\":\"Back up with Velero "
        + System.nanoTime() + "\",\"status\":\"ACCEPTED\"}"));
    long experiment = id(http.postJson("api/v1/experiments",
        "{\"title\":\"Restore drill " + System.nanoTime() + "\",\"owner\":\"ops\"}"));
    Http.Response proven = http.put(GOALS + "/" + goalId + "/items/" + backup + "/proof",
        "{\"decisionId\":" + decision + "}");
    assertThat(proven.status()).as(proven.body()).isEqualTo(200);
    JsonObject proof = proven.json().getJsonObject("proof");
    assertThat(proof.getString("type")).isEqualTo("DECISION");
    assertThat(proof.getJsonNumber("id").longValue()).isEqualTo(decision);
    assertThat(proof.getString("label")).startsWith("ADR-");
    assertThat(proof.getString("status")).isEqualTo("ACCEPTED");
    assertThat(proven.json().getBoolean("complete")).isTrue();
    Http.Response byExperiment = http.put(GOALS + "/" + goalId + "/items/" + restore + "/proof",
        "{\"experimentId\":" + experiment + "}");
    assertThat(byExperiment.status()).as(byExperiment.body()).isEqualTo(200);
    assertThat(byExperiment.json().getJsonObject("proof").getString("type"))
        .isEqualTo("EXPERIMENT");

    JsonObject complete = goal(goalId);
    assertThat(progress(complete)).isEqualTo("3/3=100%");
    assertThat(complete.getJsonObject("progress").getBoolean("complete")).isTrue();
    assertThat(progress(summaryOf(goalId))).as("the list counts the same").isEqualTo("3/3=100%");
    assertThat(http.get(GOALS + "/" + goalId + "/items/" + restore).json()
        .getJsonObject("proof").getJsonNumber("id").longValue()).isEqualTo(experiment);

    // Unlinking a proof, adding an item: the progress moves with them.
    assertThat(http.delete(GOALS + "/" + goalId + "/items/" + restore + "/proof").status())
        .isEqualTo(204);
    Http.Response added = http.post(GOALS + "/" + goalId + "/items", "application/json",
        "{\"text\":\"Measure the recovery time\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    long measure = id(added.json());
    assertThat(added.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/goals/" + goalId + "/items/" + measure));
    assertThat(added.json().getInt("position")).isEqualTo(3);
    assertThat(progress(goal(goalId))).isEqualTo("2/4=50%");
    assertThat(progress(summaryOf(goalId))).isEqualTo("2/4=50%");

    // Ticking by hand needs a note; unticking drops it.
    Http.Response ticked = http.put(GOALS + "/" + goalId + "/items/" + measure,
        "{\"text\":\"Measure the recovery time (RTO)\",\"done\":true,\"note\":\"42 minutes\"}");
    assertThat(ticked.status()).as(ticked.body()).isEqualTo(200);
    assertThat(ticked.json().getString("text")).isEqualTo("Measure the recovery time (RTO)");
    assertThat(ticked.json().getBoolean("done")).isTrue();
    assertThat(progress(goal(goalId))).isEqualTo("3/4=75%");
    JsonObject unticked = http.put(GOALS + "/" + goalId + "/items/" + runbook,
        "{\"text\":\"Write the runbook\",\"done\":false}").json();
    assertThat(unticked.getBoolean("done")).isFalse();
    assertThat(unticked.isNull("note")).isTrue();
    assertThat(progress(goal(goalId))).isEqualTo("2/4=50%");

    // Reordering and removing keep the positions dense.
    Http.Response reordered = http.put(GOALS + "/" + goalId + "/items/order",
        "{\"itemIds\":[" + measure + "," + runbook + "," + restore + "," + backup + "]}");
    assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
    assertThat(texts(goal(goalId))).containsExactly("Measure the recovery time (RTO)",
        "Write the runbook", "Restore onto fresh nodes", "Back up etcd");
    assertThat(http.delete(GOALS + "/" + goalId + "/items/" + runbook).status()).isEqualTo(204);
    JsonObject afterRemove = goal(goalId);
    assertThat(texts(afterRemove)).containsExactly("Measure the recovery time (RTO)",
        "Restore onto fresh nodes", "Back up etcd");
    assertThat(items(afterRemove)).extracting(i -> i.getInt("position")).containsExactly(0, 1, 2);

    // The goal's own fields change without touching the checklist.
    Http.Response updated = http.put(GOALS + "/" + goalId,
        "{\"title\":\"" + title + " (updated)\",\"targetDate\":\"2020-01-01\"}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getString("kind")).as("kept when left out").isEqualTo("SUCCESS");
    assertThat(updated.json().getBoolean("overdue")).isTrue();
    assertThat(items(updated.json())).hasSize(3);

    // A deleted decision no longer proves anything: the item is open again.
    assertThat(http.delete("api/v1/decisions/" + decision).status()).isEqualTo(204);
    JsonObject withoutDecision = goal(goalId);
    JsonObject backupItem = items(withoutDecision).get(2);
    assertThat(backupItem.getBoolean("proven")).isFalse();
    assertThat(backupItem.isNull("proof")).isTrue();
    assertThat(progress(withoutDecision)).isEqualTo("1/3=33%");

    assertThat(http.delete(GOALS + "/" + goalId).status()).isEqualTo(204);
    assertProblem(http.get(GOALS + "/" + goalId), 404);
    assertThat(http.get("api/v1/experiments/" + experiment).status())
        .as("the experiment stays").isEqualTo(200);
    assertThat(http.delete("api/v1/experiments/" + experiment).status()).isEqualTo(204);
  }

  @Test
  void invalidInputIsAProblemNamingTheFieldAndWritesNothing() {
    long before = total();
    Http.Response blank = http.post(GOALS, "application/json",
        "{\"title\":\" \",\"items\":[{\"text\":\"\"}]}");
    assertProblem(blank, 400);
    assertThat(fields(blank)).contains("title", "items[0].text");
    Http.Response duplicate = http.post(GOALS, "application/json",
        "{\"title\":\"t\",\"items\":[{\"text\":\"Same\"},{\"text\":\"same \"}]}");
    assertProblem(duplicate, 400);
    assertThat(fields(duplicate)).containsExactly("items[1].text");
    Http.Response noNote = http.post(GOALS, "application/json",
        "{\"title\":\"t\",\"items\":[{\"text\":\"a\"},{\"text\":\"b\",\"done\":true}]}");
    assertProblem(noNote, 400);
    assertThat(fields(noNote)).containsExactly("items[1].note");
    assertProblem(http.post(GOALS, "application/json", "{\"title\":\"t\",\"kind\":\"MAYBE\"}"), 400);
    assertProblem(http.post(GOALS, "application/json", "{\"title\":"), 400);
    assertProblem(http.post(GOALS, "application/json", "{\"title\":\"" + "x".repeat(201) + "\"}"),
        400);
    assertProblem(http.post(GOALS, "application/json", "{\"title\":\"t\",\"items\":[{\"text\":\""
        + "x".repeat(501) + "\"}]}"), 400);
    assertThat(total()).as("no goal written").isEqualTo(before);

    for (String query : List.of("kind=nope", "sort=nope", "order=sideways", "limit=0", "limit=201",
        "offset=-1")) {
      assertProblem(http.get(GOALS + "?" + query), 400);
    }

    JsonObject goal = http.postJson(GOALS, "{\"title\":\"Refusals " + System.nanoTime()
        + "\",\"items\":[{\"text\":\"one\"},{\"text\":\"two\"}]}");
    long goalId = id(goal);
    long one = id(items(goal).get(0));
    long two = id(items(goal).get(1));
    long version = goal.getJsonNumber("version").longValue();
    String path = GOALS + "/" + goalId;

    assertProblem(http.post(path + "/items", "application/json", "{\"text\":\"  \"}"), 400);
    Http.Response dup = http.post(path + "/items", "application/json", "{\"text\":\"ONE\"}");
    assertProblem(dup, 400);
    assertThat(fields(dup)).containsExactly("text");
    Http.Response doneWithoutNote = http.put(path + "/items/" + one,
        "{\"text\":\"one\",\"done\":true,\"note\":\" \"}");
    assertProblem(doneWithoutNote, 400);
    assertThat(fields(doneWithoutNote)).containsExactly("note");

    Http.Response both = http.put(path + "/items/" + one + "/proof",
        "{\"decisionId\":1,\"experimentId\":1}");
    assertProblem(both, 400);
    assertThat(fields(both)).contains("decisionId", "experimentId");
    assertProblem(http.put(path + "/items/" + one + "/proof", "{}"), 400);
    Http.Response noSuchDecision = http.put(path + "/items/" + one + "/proof",
        "{\"decisionId\":987654321}");
    assertProblem(noSuchDecision, 400);
    assertThat(fields(noSuchDecision)).containsExactly("decisionId");
    Http.Response noSuchExperiment = http.put(path + "/items/" + one + "/proof",
        "{\"experimentId\":987654321}");
    assertProblem(noSuchExperiment, 400);
    assertThat(fields(noSuchExperiment)).containsExactly("experimentId");

    Http.Response partial = http.put(path + "/items/order", "{\"itemIds\":[" + two + "]}");
    assertProblem(partial, 400);
    assertThat(fields(partial)).containsExactly("itemIds");
    assertProblem(http.put(path + "/items/order", "{\"itemIds\":[" + two + "," + two + "]}"), 400);
    Http.Response unknown = http.put(path + "/items/order",
        "{\"itemIds\":[" + two + "," + one + ",987654321]}");
    assertProblem(unknown, 400);
    assertThat(fields(unknown)).containsExactly("itemIds[2]");
    assertProblem(http.put(path + "/items/order", "{}"), 400);

    JsonObject unchanged = goal(goalId);
    assertThat(texts(unchanged)).containsExactly("one", "two");
    assertThat(items(unchanged)).noneMatch(i -> i.getBoolean("complete"));
    assertThat(unchanged.getJsonNumber("version").longValue()).as("nothing written")
        .isEqualTo(version);
    assertThat(http.delete(path).status()).isEqualTo(204);
  }

  @Test
  void unknownGoalsAndItemsAreNotFoundProblems() {
    String missing = GOALS + "/987654321";
    assertProblem(http.get(missing), 404);
    assertProblem(http.put(missing, "{\"title\":\"t\"}"), 404);
    assertProblem(http.delete(missing), 404);
    assertProblem(http.post(missing + "/items", "application/json", "{\"text\":\"t\"}"), 404);
    assertProblem(http.put(missing + "/items/order", "{\"itemIds\":[]}"), 404);

    JsonObject a = http.postJson(GOALS, "{\"title\":\"A " + System.nanoTime()
        + "\",\"items\":[{\"text\":\"a1\"}]}");
    JsonObject b = http.postJson(GOALS, "{\"title\":\"B " + System.nanoTime()
        + "\",\"items\":[{\"text\":\"b1\"}]}");
    long itemOfB = id(items(b).get(0));
    String ofA = GOALS + "/" + id(a) + "/items/";
    // An item is reached only through its own goal.
    assertProblem(http.get(ofA + itemOfB), 404);
    assertProblem(http.put(ofA + itemOfB, "{\"text\":\"x\"}"), 404);
    assertProblem(http.delete(ofA + itemOfB), 404);
    assertProblem(http.put(ofA + itemOfB + "/proof", "{\"experimentId\":1}"), 404);
    assertProblem(http.delete(ofA + itemOfB + "/proof"), 404);
    assertProblem(http.get(ofA + "987654321"), 404);
    assertThat(texts(goal(id(b)))).containsExactly("b1");
    assertThat(http.delete(GOALS + "/" + id(a)).status()).isEqualTo(204);
    assertThat(http.delete(GOALS + "/" + id(b)).status()).isEqualTo(204);
  }

  @Test
  void theDemoGoalsComeFromTheSeedDocumentsWithProofs() {
    List<JsonObject> demo = http.get(GOALS + "?limit=200").json().getJsonArray("items")
        .getValuesAs(JsonObject.class);
    assertThat(demo).extracting(g -> g.getString("title")).contains(
        "Deploy production-grade Kubernetes clusters from scratch",
        "Implement enterprise security patterns (RBAC, network policies, secrets)",
        "Design and implement software-defined networking",
        "Automate the full infrastructure lifecycle (deploy to decommission)",
        "Build comprehensive monitoring and alerting systems",
        "Implement GitOps workflows for infrastructure changes",
        "Perform cluster upgrades and disaster recovery procedures",
        "Product brief: full DevOps chain mastery");
    JsonObject clusters = demo.stream()
        .filter(g -> g.getString("title").startsWith("Deploy production-grade")).findFirst()
        .orElseThrow();
    assertThat(clusters.getString("kind")).isEqualTo("LEARNING");
    assertThat(clusters.getJsonObject("progress").getInt("completed")).isEqualTo(3);
    assertThat(clusters.getJsonObject("progress").getInt("total")).isEqualTo(5);

    JsonObject full = goal(id(clusters));
    assertThat(items(full)).extracting(i -> i.isNull("proof") ? "-"
            : i.getJsonObject("proof").getString("type"))
        .containsExactly("DECISION", "EXPERIMENT", "DECISION", "-", "-");
    assertThat(items(full).get(1).getJsonObject("proof").getString("title"))
        .startsWith("Path A vs Path B");

    JsonObject brief = http.get(GOALS + "?kind=SUCCESS&limit=200").json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream()
        .filter(g -> g.getString("title").startsWith("Product brief")).findFirst().orElseThrow();
    assertThat(brief.getJsonObject("progress").getInt("total")).isEqualTo(9);

    // The experiment's page and the decision's page name the items they prove.
    long experiment = items(full).get(1).getJsonObject("proof").getJsonNumber("id").longValue();
    Http.Response page = http.get("experiments/detail.xhtml?id=" + experiment);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Goals this experiment proves")
        .contains("Measure control-plane start-up and node overhead on both paths");
    long decision = items(full).get(2).getJsonObject("proof").getJsonNumber("id").longValue();
    assertThat(http.get("decisions/detail.xhtml?id=" + decision).body())
        .contains("Goals this decision proves")
        .contains("platform with recorded evidence");
  }

  @Test
  void theListSortsByProgressAndTargetDateInTheDatabase() {
    List<Double> ratios = http.get(GOALS + "?sort=progress&order=desc&limit=200").json()
        .getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(g -> g.getJsonObject("progress"))
        .map(p -> p.getInt("total") == 0 ? 0.0 : p.getInt("completed") / (double) p.getInt("total"))
        .toList();
    assertThat(ratios).hasSizeGreaterThan(2).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(ratios.get(0)).isGreaterThan(ratios.get(ratios.size() - 1));

    List<JsonObject> byDate = http.get(GOALS + "?sort=targetDate&limit=200").json()
        .getJsonArray("items").getValuesAs(JsonObject.class);
    List<String> dates = byDate.stream().filter(g -> !g.isNull("targetDate"))
        .map(g -> g.getString("targetDate")).toList();
    assertThat(dates).isNotEmpty().isSorted();
    assertThat(byDate.get(byDate.size() - 1).isNull("targetDate"))
        .as("goals without a date come last").isTrue();
  }

  @Test
  void theGoalsApiIsInTheOpenApiDocument() {
    Http.Response openapi = http.get("openapi", "application/json");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("\"/api/v1/goals\"").contains("/api/v1/goals/{id}")
        .contains("/api/v1/goals/{id}/items/order")
        .contains("/api/v1/goals/{id}/items/{itemId}/proof")
        .contains("\"GoalSummary\"").contains("\"Progress\"");
  }
}
