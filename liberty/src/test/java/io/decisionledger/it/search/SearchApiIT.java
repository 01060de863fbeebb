package io.decisionledger.it.search;

import static io.decisionledger.it.search.SearchWords.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search over the REST API against the real EAR, Liberty and PostgreSQL: ranking by where a word
 * occurs, safe highlighted snippets, paging with totals, web-search syntax, vectors that follow
 * every change (options included), and problems for bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private Http http;

  /** What a test wrote, deleted after it so other tests' first pages stay as they expect. */
  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void client() {
    http = new Http(Deployments.root(base));
  }

  @AfterEach
  void deleteWhatWasCreated() {
    for (String path : created) {
      assertThat(http.delete(path).status()).as("DELETE " + path).isIn(204, 404);
    }
  }

  // --- helpers ---

  private long experiment(String title, String hypothesis, String description) {
    var json = Json.createObjectBuilder().add("title", title).add("owner", "search-it");
    if (hypothesis != null) {
      json.add("hypothesis", hypothesis);
    }
    if (description != null) {
      json.add("description", description);
    }
    long id = http.postJson("api/v1/experiments", json.build().toString())
        .getJsonNumber("id").longValue();
    created.add("api/v1/experiments/" + id);
    return id;
  }

  private long decision(String title, String body, String... optionNames) {
    var json = Json.createObjectBuilder().add("title", title);
    if (body != null) {
      json.add("body", body);
    }
    JsonArrayBuilder options = Json.createArrayBuilder();
    for (String name : optionNames) {
      options.add(Json.createObjectBuilder().add("name", name).add("pros", "fine"));
    }
    json.add("options", options);
    long id = http.postJson("api/v1/decisions", json.build().toString())
        .getJsonNumber("id").longValue();
    created.add("api/v1/decisions/" + id);
    return id;
  }

  private long goal(String title, String description, String... itemTexts) {
    var json = Json.createObjectBuilder().add("title", title).add("kind", "LEARNING");
    if (description != null) {
      json.add("description", description);
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (String text : itemTexts) {
      items.add(Json.createObjectBuilder().add("text", text));
    }
    json.add("items", items);
    long id = http.postJson("api/v1/goals", json.build().toString())
        .getJsonNumber("id").longValue();
    created.add("api/v1/goals/" + id);
    return id;
  }

  private Http.Response searchResponse(String q, String more) {
    return http.get("api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more);
  }

  private JsonObject search(String q, String more) {
    Http.Response response = searchResponse(q, more);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    return response.json();
  }

  private JsonObject search(String q) {
    return search(q, "");
  }

  private static List<JsonObject> items(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static String key(JsonObject hit) {
    return hit.getString("kind") + ":" + hit.getJsonNumber("id").longValue();
  }

  private static List<String> keys(JsonObject page) {
    return items(page).stream().map(SearchApiIT::key).toList();
  }

  private static void assertProblem(Http.Response response, String... fields) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonObject problem = response.json();
    assertThat(problem.getInt("status")).isEqualTo(400);
    assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field")).containsExactlyInAnyOrder(fields);
  }

  // --- tests ---

  @Test
  void aTitleMatchRanksAboveASummaryMatchWhichRanksAboveABodyMatch() {
    String w = word();
    long inExperimentBody = experiment("Plain experiment", null, "The body mentions " + w + " once.");
    long inDecisionBody = decision("Unrelated decision", "The body talks of " + w + ".");
    long inOption = decision("Options only", null, "Option " + w);
    long inHypothesis = experiment("Another experiment", "We expect " + w + " to be faster", null);
    long inExperimentTitle = experiment("Ingress " + w, null, null);
    long inDecisionTitle = decision("Adopt " + w, null);

    JsonObject page = search(w);
    assertThat(page.getJsonNumber("total").longValue()).isEqualTo(6);
    List<String> order = keys(page);
    assertThat(order.subList(0, 2)).containsExactlyInAnyOrder(
        "EXPERIMENT:" + inExperimentTitle, "DECISION:" + inDecisionTitle);
    assertThat(order.get(2)).isEqualTo("EXPERIMENT:" + inHypothesis);
    assertThat(order.subList(3, 6)).containsExactlyInAnyOrder("EXPERIMENT:" + inExperimentBody,
        "DECISION:" + inDecisionBody, "DECISION:" + inOption);

    List<Double> scores = items(page).stream()
        .map(h -> h.getJsonNumber("score").doubleValue()).toList();
    assertThat(scores.get(1)).isGreaterThan(scores.get(2));
    assertThat(scores.get(2)).isGreaterThan(scores.get(3));
    assertThat(scores).allMatch(s -> s > 0 && s < 1);

    JsonObject top = items(page).stream()
        .filter(h -> key(h).equals("DECISION:" + inDecisionTitle)).findFirst().orElseThrow();
    assertThat(top.getString("title")).isEqualTo("Adopt " + w);
    assertThat(top.getString("label")).startsWith("ADR-");
    assertThat(top.getString("status")).isEqualTo("PROPOSED");
    assertThat(top.getString("href")).isEqualTo("/api/v1/decisions/" + inDecisionTitle);
    assertThat(http.get(top.getString("href").substring(1)).status()).isEqualTo(200);
    // A decision's label is part of its title: typing ADR-0042 finds ADR-0042 first.
    assertThat(keys(search(top.getString("label"))).get(0)).isEqualTo("DECISION:" + inDecisionTitle);
  }

  @Test
  void snippetsHighlightTheMatchesAndEscapeEverythingElse() {
    String w = word();
    String hostile = "Before 1 < 2 & 3 > 2. <img src=x onerror=alert(1)> <script>alert('x')</script>"
        + " then " + w + " and \u0002stray\u0003 markers, " + w + " again. \"Quoted\" 'text'.";
    String title = "<script>alert('t')</script> Snippet " + w;
    long id = decision(title, hostile);
    long experimentId = experiment("Escaped experiment " + w, null, hostile);

    JsonObject page = search(w);
    assertThat(keys(page)).containsExactlyInAnyOrder("DECISION:" + id, "EXPERIMENT:" + experimentId);
    for (JsonObject hit : items(page)) {
      String snippet = hit.getString("snippet");
      assertThat(snippet).as(snippet)
          .contains("<mark>" + w + "</mark>")
          .contains("1 &lt; 2 &amp; 3 &gt; 2")
          .contains("&lt;img src")
          .doesNotContain("<img").doesNotContain("<script").doesNotContain("\u0002")
          .doesNotContain("\u0003");
      // No markup but ours, and every mark closed.
      assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
      assertThat(count(snippet, "<mark>")).isEqualTo(count(snippet, "</mark>")).isEqualTo(2);
    }
    // The title is plain text, returned as written, for the client to escape.
    JsonObject decisionHit = items(page).stream().filter(h -> h.getString("kind").equals("DECISION"))
        .findFirst().orElseThrow();
    assertThat(decisionHit.getString("title")).isEqualTo(title);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void pagesAreCutInTheDatabaseWithTheTotalOfAllHits() {
    String w = word();
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      expected.add("EXPERIMENT:" + experiment("Paged " + w + " " + i, null, null));
    }
    JsonObject first = search(w, "&page=1&size=2");
    assertThat(first.getJsonNumber("total").longValue()).isEqualTo(5);
    assertThat(first.getInt("page")).isEqualTo(1);
    assertThat(first.getInt("size")).isEqualTo(2);
    List<String> seen = new ArrayList<>(keys(first));
    assertThat(seen).hasSize(2);
    JsonObject second = search(w, "&page=2&size=2");
    seen.addAll(keys(second));
    JsonObject third = search(w, "&page=3&size=2");
    assertThat(items(third)).hasSize(1);
    seen.addAll(keys(third));
    // Ties in rank are broken the same way every time: the pages neither overlap nor miss a hit.
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);

    JsonObject beyond = search(w, "&page=4&size=2");
    assertThat(items(beyond)).isEmpty();
    assertThat(beyond.getJsonNumber("total").longValue()).isEqualTo(5);
    // Without page and size: the first page of 20.
    JsonObject defaults = search(w);
    assertThat(defaults.getInt("page")).isEqualTo(1);
    assertThat(defaults.getInt("size")).isEqualTo(20);
    assertThat(items(defaults)).hasSize(5);
  }

  @Test
  void phrasesExclusionsAlternativesAndWordFormsWork() {
    String x = word();
    String y = word();
    String z = word();
    long adjacent = experiment("Both " + x + " " + y + " together", null, null);
    long apart = experiment("Both " + y + " and then " + x + " apart", null, null);
    long withZ = experiment("Only " + x + " with " + z, null, null);

    assertThat(keys(search("\"" + x + " " + y + "\""))).containsExactly("EXPERIMENT:" + adjacent);
    assertThat(keys(search(x + " -" + z))).containsExactlyInAnyOrder(
        "EXPERIMENT:" + adjacent, "EXPERIMENT:" + apart);
    assertThat(keys(search(y + " or " + z))).containsExactlyInAnyOrder(
        "EXPERIMENT:" + adjacent, "EXPERIMENT:" + apart, "EXPERIMENT:" + withZ);

    // English stemming: another form of the word finds it.
    long latencies = experiment("Latencies of " + z + " measured", null, null);
    assertThat(keys(search("latency " + z))).containsExactly("EXPERIMENT:" + latencies);
  }

  @Test
  void theVectorsFollowChangesToTitlesOptionsAndDeletions() {
    String w = word();
    long id = decision("Gateway choice", null, "Option " + w, "Another option");
    assertThat(keys(search(w))).containsExactly("DECISION:" + id);
    // Dropping the option drops the decision from the hits (the trigger rewrote its copy).
    Http.Response changed = http.put("api/v1/decisions/" + id,
        "{\"title\":\"Gateway choice\",\"options\":[{\"name\":\"Another option\"}]}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(search(w).getJsonNumber("total").longValue()).isZero();

    String v = word();
    long experimentId = experiment("Before the rename", null, null);
    assertThat(search(v).getJsonNumber("total").longValue()).isZero();
    Http.Response renamed = http.put("api/v1/experiments/" + experimentId,
        "{\"title\":\"After the rename " + v + "\",\"owner\":\"search-it\"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(keys(search(v))).containsExactly("EXPERIMENT:" + experimentId);
    assertThat(http.delete("api/v1/experiments/" + experimentId).status()).isEqualTo(204);
    assertThat(search(v).getJsonNumber("total").longValue()).isZero();
  }

  @Test
  void goalsAreFoundByTitleDescriptionAndChecklistWithALinkToTheGoal() {
    String w = word();
    long inItem = goal("Learn the platform", null, "Boot a cluster", "Tune " + w + " for latency");
    long inTitle = goal("Master " + w, null);
    long inDescription = goal("Another goal", "Practise " + w + " every week.");
    long experimentToo = experiment("Experiment on " + w, null, null);

    JsonObject page = search(w);
    assertThat(page.getJsonNumber("total").longValue()).isEqualTo(4);
    List<String> order = keys(page);
    assertThat(order.subList(0, 2)).containsExactlyInAnyOrder(
        "GOAL:" + inTitle, "EXPERIMENT:" + experimentToo);
    assertThat(order.subList(2, 4)).containsExactly("GOAL:" + inDescription, "GOAL:" + inItem);

    JsonObject top = items(page).stream().filter(h -> key(h).equals("GOAL:" + inTitle))
        .findFirst().orElseThrow();
    assertThat(top.getString("kind")).isEqualTo("GOAL");
    assertThat(top.getString("title")).isEqualTo("Master " + w);
    assertThat(top.isNull("label")).isTrue();
    assertThat(top.getString("status")).isEqualTo("LEARNING");
    assertThat(top.getString("href")).isEqualTo("/api/v1/goals/" + inTitle);
    Http.Response opened = http.get(top.getString("href").substring(1));
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.json().getString("title")).isEqualTo("Master " + w);
    JsonObject itemHit = items(page).get(3);
    assertThat(itemHit.getString("snippet")).contains("Tune <mark>" + w + "</mark> for latency");

    // The page links each goal to its page.
    Http.Response html = http.get("search.xhtml?q=" + w, "text/html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("goals/detail.xhtml?id=" + inItem)
        .contains("goals/detail.xhtml?id=" + inTitle).contains("kind-goal");

    // A word in no goal finds nothing; the vector follows the checklist (the trigger's copy).
    assertThat(search(word()).getJsonNumber("total").longValue()).isZero();
    assertThat(keys(search(w + " -boot"))).doesNotContain("GOAL:" + inItem);
    long itemId = http.get("api/v1/goals/" + inItem).json().getJsonArray("items")
        .getJsonObject(1).getJsonNumber("id").longValue();
    Http.Response renamed = http.put("api/v1/goals/" + inItem + "/items/" + itemId,
        "{\"text\":\"Tune the kernel\",\"done\":true,\"note\":\"Measured " + w + " twice\"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(keys(search(w))).contains("GOAL:" + inItem);
    assertThat(http.delete("api/v1/goals/" + inItem + "/items/" + itemId).status()).isEqualTo(204);
    assertThat(keys(search(w))).doesNotContain("GOAL:" + inItem);
  }

  @Test
  void badQueriesAndPagingAreProblemsNeverErrors() {
    assertProblem(http.get("api/v1/search"), "q");
    assertProblem(http.get("api/v1/search?q="), "q");
    assertProblem(searchResponse("   ", ""), "q");
    assertProblem(searchResponse("\u0000\u0001", ""), "q");
    assertProblem(searchResponse("the and of", ""), "q");
    assertProblem(searchResponse("'&|!:*()<>\\\"", ""), "q");
    assertProblem(searchResponse("-" + word(), ""), "q");
    assertProblem(searchResponse("x".repeat(201), ""), "q");
    String w = word();
    assertProblem(searchResponse(w, "&page=0"), "page");
    assertProblem(searchResponse(w, "&page=-1"), "page");
    assertProblem(searchResponse(w, "&page=abc"), "page");
    assertProblem(searchResponse(w, "&page=10001"), "page");
    assertProblem(searchResponse(w, "&size=0"), "size");
    assertProblem(searchResponse(w, "&size=101"), "size");
    assertProblem(searchResponse(w, "&size=1.5"), "size");
    assertProblem(http.get("api/v1/search?q=&page=x&size=0"), "q", "page", "size");

    // Control characters and odd punctuation around real words are tolerated.
    long id = experiment("Tolerant " + w, null, null);
    assertThat(keys(search("\u0000" + w + "\u0007 (\"" + w + "\" OR ::)")))
        .containsExactly("EXPERIMENT:" + id);
    assertThat(search(w, "&page=10000").getJsonNumber("total").longValue()).isEqualTo(1);
  }

  @Test
  void theSearchIsInTheOpenApiDocument() {
    Http.Response openapi = http.get("openapi", "application/json");
    assertThat(openapi.status()).isEqualTo(200);
    JsonObject search = openapi.json().getJsonObject("paths").getJsonObject("/api/v1/search")
        .getJsonObject("get");
    assertThat(search.getJsonArray("parameters").getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("name")).containsExactlyInAnyOrder("q", "page", "size");
    assertThat(search.getJsonObject("responses").keySet()).contains("200", "400");
    assertThat(openapi.json().getJsonObject("components").getJsonObject("schemas").keySet())
        .contains("SearchResults", "SearchHit");
  }
}
