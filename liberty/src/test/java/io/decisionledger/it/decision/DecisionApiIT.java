package io.decisionledger.it.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decisions over the REST API against the real EAR, Liberty and PostgreSQL: records, supersession,
 * frozen evidence and its drift, and the error statuses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DecisionApiIT {

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

  private long create(String json) {
    return http.postJson("api/v1/decisions", json).getJsonNumber("id").longValue();
  }

  private long total() {
    return http.get("api/v1/decisions?limit=1").json().getJsonNumber("total").longValue();
  }

  private static String json(String metric, double... values) {
    return IntStream.range(0, values.length)
        .mapToObj(i -> String.format(Locale.ROOT, "{\"metric\":\"%s\",\"value\":%s,\"step\":%d}",
            metric, values[i], i))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private void runWith(long variant, String metric, double... values) {
    long run = http.postJson("api/v1/variants/" + variant + "/runs", "{\"notes\":\"it\"}")
        .getJsonNumber("id").longValue();
    Http.Response r = http.post("api/v1/runs/" + run + "/measurements", "application/json",
        json(metric, values));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void writeReadChangeListAndDeleteADecision() {
    String title = "Ingress choice " + System.nanoTime();
    Http.Response created = http.post("api/v1/decisions", "application/json", """
        {"title":"%s","date":"2026-10-01","deciders":"board","context":"We need ingress",
         "drivers":"latency\\ncost",
         "options":[{"name":"NGINX","pros":"known\\n- cheap","cons":"annotations"},
                    {"name":"Envoy Gateway","pros":"Gateway API","cons":"new"}],
         "chosenOption":"Envoy Gateway","justification":"Gateway API is the future",
         "body":"## Why\\n\\n<script>window.__pwned=1</script>\\n\\n**Envoy** [x](javascript:alert(1))"}
        """.formatted(title));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).isPresent();
    JsonObject d = created.json();
    long id = d.getJsonNumber("id").longValue();
    assertThat(d.getString("status")).isEqualTo("PROPOSED");
    assertThat(d.getInt("number")).isPositive();
    assertThat(d.getString("label")).startsWith("ADR-");
    assertThat(d.getJsonArray("options").getJsonObject(0).getJsonArray("pros").getString(1))
        .isEqualTo("cheap");
    String html = d.getString("bodyHtml");
    assertThat(html).contains("<h2>Why</h2>").contains("<strong>Envoy</strong>")
        .doesNotContain("<script").doesNotContain("javascript:");

    JsonObject got = http.get("api/v1/decisions/" + id).json();
    assertThat(got.getString("title")).isEqualTo(title);
    assertThat(got.getString("date")).isEqualTo("2026-10-01");

    Http.Response updated = http.put("api/v1/decisions/" + id,
        "{\"title\":\"" + title + "\",\"status\":\"ACCEPTED\",\"options\":[{\"name\":\"Envoy Gateway\"}],"
            + "\"chosenOption\":\"envoy gateway\"}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getString("status")).isEqualTo("ACCEPTED");
    assertThat(updated.json().getJsonArray("options")).hasSize(1);

    JsonObject accepted = http.get("api/v1/decisions?status=accepted&limit=200").json();
    assertThat(accepted.getJsonArray("items").getValuesAs(JsonObject.class))
        .allMatch(i -> i.getString("status").equals("ACCEPTED"))
        .anyMatch(i -> i.getJsonNumber("id").longValue() == id);
    JsonObject page = http.get("api/v1/decisions?limit=1&offset=0").json();
    assertThat(page.getJsonArray("items")).hasSize(1);
    assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(1);

    assertThat(http.delete("api/v1/decisions/" + id).status()).isEqualTo(204);
    assertProblem(http.get("api/v1/decisions/" + id), 404);
  }

  @Test
  void invalidInputIsRefusedAndWritesNothing() {
    long before = total();
    Http.Response blank = http.post("api/v1/decisions", "application/json",
        "{\"title\":\" \",\"options\":[{\"name\":\"\"}]}");
    assertProblem(blank, 400);
    assertThat(blank.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field")).contains("title", "options[0].name");

    assertProblem(http.post("api/v1/decisions", "application/json",
        "{\"title\":\"t\",\"options\":[{\"name\":\"A\"}],\"chosenOption\":\"B\"}"), 400);
    assertProblem(http.post("api/v1/decisions", "application/json",
        "{\"title\":\"t\",\"options\":[{\"name\":\"A\"},{\"name\":\"a\"}]}"), 400);
    assertProblem(http.post("api/v1/decisions", "application/json",
        "{\"title\":\"t\",\"status\":\"SUPERSEDED\"}"), 400);
    assertProblem(http.post("api/v1/decisions", "application/json",
        "{\"title\":\"t\",\"status\":\"MAYBE\"}"), 400);
    assertProblem(http.post("api/v1/decisions", "application/json", "{\"title\":"), 400);
    assertProblem(http.post("api/v1/decisions", "application/json",
        "{\"title\":\"" + "x".repeat(201) + "\"}"), 400);
    assertProblem(http.get("api/v1/decisions?status=nope"), 400);
    assertProblem(http.get("api/v1/decisions?limit=0"), 400);
    assertProblem(http.get("api/v1/decisions/999999999"), 404);
    assertProblem(http.put("api/v1/decisions/999999999", "{\"title\":\"x\"}"), 404);
    assertProblem(http.post("api/v1/decisions/999999999/evidence", "application/json",
        "{\"experimentId\":1}"), 404);
    assertThat(total()).isEqualTo(before);

    // A taken number is a conflict, and the clash writes nothing either.
    long id = create("{\"title\":\"Numbered " + System.nanoTime() + "\"}");
    int number = http.get("api/v1/decisions/" + id).json().getInt("number");
    assertProblem(http.post("api/v1/decisions", "application/json",
        "{\"title\":\"dup\",\"number\":" + number + "}"), 409);
    assertThat(total()).isEqualTo(before + 1);
    // An invalid citation freezes nothing.
    assertProblem(http.post("api/v1/decisions/" + id + "/evidence", "application/json",
        "{\"experimentId\":999999999}"), 400);
    assertProblem(http.post("api/v1/decisions/" + id + "/evidence", "application/json", "{}"), 400);
    assertThat(http.get("api/v1/decisions/" + id + "/evidence").json().getJsonArray("evidence"))
        .isEmpty();
  }

  @Test
  void supersessionIsConsistentBothWaysAndRefusesCycles() {
    long a = create("{\"title\":\"A " + System.nanoTime() + "\",\"status\":\"ACCEPTED\"}");
    long b = create("{\"title\":\"B " + System.nanoTime() + "\",\"status\":\"ACCEPTED\"}");
    long c = create("{\"title\":\"C " + System.nanoTime() + "\"}");

    assertProblem(http.post("api/v1/decisions/" + a + "/supersede", "application/json",
        "{\"supersededBy\":" + a + "}"), 400);
    assertProblem(http.post("api/v1/decisions/" + a + "/supersede", "application/json",
        "{\"supersededBy\":999999999}"), 400);
    assertProblem(http.post("api/v1/decisions/999999999/supersede", "application/json",
        "{\"supersededBy\":" + a + "}"), 404);

    Http.Response superseded = http.post("api/v1/decisions/" + a + "/supersede",
        "application/json", "{\"supersededBy\":" + b + "}");
    assertThat(superseded.status()).as(superseded.body()).isEqualTo(200);
    JsonObject aNow = http.get("api/v1/decisions/" + a).json();
    assertThat(aNow.getString("status")).isEqualTo("SUPERSEDED");
    assertThat(aNow.getJsonObject("supersededBy").getJsonNumber("id").longValue()).isEqualTo(b);
    JsonObject bNow = http.get("api/v1/decisions/" + b).json();
    assertThat(bNow.getJsonArray("supersedes").getValuesAs(JsonObject.class))
        .extracting(x -> x.getJsonNumber("id").longValue()).containsExactly(a);
    assertThat(bNow.getString("status")).isEqualTo("ACCEPTED");

    // Twice, and cycles direct or through another decision, are conflicts that change nothing.
    assertProblem(http.post("api/v1/decisions/" + a + "/supersede", "application/json",
        "{\"supersededBy\":" + c + "}"), 409);
    assertProblem(http.post("api/v1/decisions/" + b + "/supersede", "application/json",
        "{\"supersededBy\":" + a + "}"), 409);
    assertThat(http.post("api/v1/decisions/" + b + "/supersede", "application/json",
        "{\"supersededBy\":" + c + "}").status()).isEqualTo(200);
    assertProblem(http.post("api/v1/decisions/" + c + "/supersede", "application/json",
        "{\"supersededBy\":" + a + "}"), 409);
    assertThat(http.get("api/v1/decisions/" + c).json().getString("status")).isEqualTo("PROPOSED");

    // A decision that supersedes another cannot be deleted; the SUPERSEDED status comes only
    // from superseding, and reinstating drops the link on both sides.
    assertProblem(http.delete("api/v1/decisions/" + b), 409);
    assertProblem(http.put("api/v1/decisions/" + c,
        "{\"title\":\"C\",\"status\":\"SUPERSEDED\"}"), 400);
    Http.Response reinstated = http.put("api/v1/decisions/" + a,
        "{\"title\":\"A again\",\"status\":\"ACCEPTED\"}");
    assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(200);
    assertThat(reinstated.json().get("supersededBy").getValueType())
        .isEqualTo(jakarta.json.JsonValue.ValueType.NULL);
    assertThat(http.get("api/v1/decisions/" + b).json().getJsonArray("supersedes")).isEmpty();
    JsonObject listed = http.get("api/v1/decisions?status=SUPERSEDED&limit=200").json();
    assertThat(listed.getJsonArray("items").getValuesAs(JsonObject.class))
        .allMatch(i -> !i.isNull("supersededBy"));
  }

  @Test
  void evidenceIsFrozenAndDriftsWhenNewRunsFlipTheVerdict() {
    long experiment = http.postJson("api/v1/experiments",
        "{\"title\":\"Evidence " + System.nanoTime() + "\",\"owner\":\"it\"}")
        .getJsonNumber("id").longValue();
    long a = http.postJson("api/v1/experiments/" + experiment + "/variants", "{\"name\":\"A\"}")
        .getJsonNumber("id").longValue();
    long b = http.postJson("api/v1/experiments/" + experiment + "/variants", "{\"name\":\"B\"}")
        .getJsonNumber("id").longValue();
    long boot = http.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"boot\",\"unit\":\"s\",\"direction\":\"LOWER_IS_BETTER\"}")
        .getJsonNumber("id").longValue();
    http.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"unmeasured\",\"direction\":\"LOWER_IS_BETTER\"}");
    // Run means A: 10, 11, 12; B: 13, 14, 15 -> B is worse (lower is better).
    runWith(a, "boot", 9, 10, 11);
    runWith(a, "boot", 10, 11, 12);
    runWith(a, "boot", 11, 12, 13);
    runWith(b, "boot", 12, 13, 14);
    runWith(b, "boot", 13, 14, 15);
    runWith(b, "boot", 14, 15, 16);

    long decision = create("{\"title\":\"Keep A " + System.nanoTime() + "\",\"status\":\"ACCEPTED\"}");
    assertProblem(http.post("api/v1/decisions/" + decision + "/evidence", "application/json",
        "{\"experimentId\":" + experiment + ",\"metricIds\":[999999999]}"), 400);
    Http.Response cited = http.post("api/v1/decisions/" + decision + "/evidence",
        "application/json", "{\"experimentId\":" + experiment + "}");
    assertThat(cited.status()).as(cited.body()).isEqualTo(201);
    JsonObject report = cited.json();
    assertThat(report.getBoolean("drifted")).isFalse();
    List<JsonObject> rows = report.getJsonArray("evidence").getValuesAs(JsonObject.class);
    // Only the measured metric, one row per variant, the baseline first.
    assertThat(rows).hasSize(2).allMatch(r -> r.getString("metric").equals("boot"));
    JsonObject frozenB = rows.get(1).getJsonObject("frozen");
    assertThat(frozenB.getString("verdict")).isEqualTo("WORSE");
    assertThat(frozenB.getJsonNumber("n").longValue()).isEqualTo(9);
    assertThat(frozenB.getInt("runs")).isEqualTo(3);
    assertThat(frozenB.getJsonNumber("difference").doubleValue()).isEqualTo(3.0);
    assertThat(frozenB.getString("dataSha256")).hasSize(64);
    double lower = frozenB.getJsonNumber("ciLower").doubleValue();
    double upper = frozenB.getJsonNumber("ciUpper").doubleValue();
    assertThat(rows.get(0).getJsonObject("frozen").getString("verdict")).isEqualTo("BASELINE");

    // Citing the same metric again is a conflict unless asked to freeze it again.
    assertProblem(http.post("api/v1/decisions/" + decision + "/evidence", "application/json",
        "{\"experimentId\":" + experiment + ",\"metricIds\":[" + boot + "]}"), 409);

    // One more run of B inside the spread: new data, same verdict, inside the interval: holds.
    runWith(b, "boot", 13, 14, 15);
    JsonObject holds = http.get("api/v1/decisions/" + decision + "/evidence").json();
    assertThat(holds.getBoolean("drifted")).isFalse();
    assertThat(holds.getBoolean("dataChanged")).isTrue();
    assertThat(holds.getJsonArray("evidence").getJsonObject(1).getJsonObject("frozen")
        .getJsonNumber("n").longValue()).as("the frozen numbers never change").isEqualTo(9);
    assertThat(drifted()).doesNotContain(decision);

    // Three fast runs of B flip the verdict: flagged on the decision and listed as drifted.
    runWith(b, "boot", 1, 1, 1);
    runWith(b, "boot", 1, 1, 1);
    runWith(b, "boot", 1, 1, 1);
    JsonObject drift = http.get("api/v1/decisions/" + decision + "/evidence").json();
    assertThat(drift.getBoolean("drifted")).isTrue();
    JsonObject rowB = drift.getJsonArray("evidence").getJsonObject(1);
    assertThat(rowB.getJsonObject("frozen").getString("verdict")).isEqualTo("WORSE");
    assertThat(rowB.getJsonObject("frozen").getJsonNumber("ciLower").doubleValue()).isEqualTo(lower);
    assertThat(rowB.getJsonObject("frozen").getJsonNumber("ciUpper").doubleValue()).isEqualTo(upper);
    assertThat(rowB.getJsonObject("current").getString("verdict")).isNotEqualTo("WORSE");
    assertThat(rowB.getJsonObject("current").getJsonNumber("n").longValue()).isEqualTo(21);
    JsonObject flags = rowB.getJsonObject("drift");
    assertThat(flags.getBoolean("drifted")).isTrue();
    assertThat(flags.getBoolean("verdictChanged")).isTrue();
    assertThat(flags.getBoolean("outsideInterval")).isTrue();
    assertThat(flags.getBoolean("dataChanged")).isTrue();
    assertThat(drifted()).contains(decision);

    // Only accepted decisions are listed; freezing again makes the evidence hold.
    Http.Response refrozen = http.post("api/v1/decisions/" + decision + "/evidence",
        "application/json", "{\"experimentId\":" + experiment + ",\"replace\":true}");
    assertThat(refrozen.status()).as(refrozen.body()).isEqualTo(201);
    assertThat(refrozen.json().getBoolean("drifted")).isFalse();
    assertThat(refrozen.json().getJsonArray("evidence")).hasSize(2);
    assertThat(drifted()).doesNotContain(decision);

    // The snapshot outlives the experiment: deleting it leaves names and numbers, flagged.
    assertThat(http.delete("api/v1/experiments/" + experiment).status()).isEqualTo(204);
    JsonObject gone = http.get("api/v1/decisions/" + decision + "/evidence").json();
    assertThat(gone.getJsonArray("evidence")).hasSize(2);
    assertThat(gone.getJsonArray("evidence").getJsonObject(1).getString("experiment"))
        .startsWith("Evidence ");
    assertThat(gone.getJsonArray("evidence").getJsonObject(1).getJsonObject("drift")
        .getBoolean("missing")).isTrue();
    assertThat(drifted()).contains(decision);
  }

  private List<Long> drifted() {
    return http.get("api/v1/decisions/drifted").array().getValuesAs(JsonObject.class).stream()
        .map(d -> d.getJsonObject("decision").getJsonNumber("id").longValue()).toList();
  }

  @Test
  void theDemoDecisionsCiteThePathsExperimentAndTheApiIsDocumented() {
    JsonObject all = http.get("api/v1/decisions?limit=200").json();
    assertThat(all.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(d -> d.getString("title"))
        .anyMatch(t -> t.contains("KubeVirt"));
    Http.Response openapi = http.get("openapi", "application/json");
    assertThat(openapi.body()).contains("/api/v1/decisions/{id}/evidence")
        .contains("/api/v1/decisions/drifted").contains("/api/v1/decisions/{id}/supersede");
  }
}
