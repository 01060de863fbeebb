package io.decisionledger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** The REST API, black-box over HTTP against the real EAR, Liberty and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

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

  /** An experiment with a baseline and one other variant, and one lower-is-better metric. */
  private record Setup(long experiment, long baseline, long variant, String metric) {}

  private Setup setup(String title) {
    long experiment = http.postJson("api/v1/experiments",
        "{\"title\":\"" + title + "\",\"owner\":\"it\",\"hypothesis\":\"B is faster\"}")
        .getJsonNumber("id").longValue();
    long baseline = http.postJson("api/v1/experiments/" + experiment + "/variants",
        "{\"name\":\"A\"}").getJsonNumber("id").longValue();
    long variant = http.postJson("api/v1/experiments/" + experiment + "/variants",
        "{\"name\":\"B\"}").getJsonNumber("id").longValue();
    http.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"boot_time\",\"unit\":\"s\",\"direction\":\"LOWER_IS_BETTER\"}");
    return new Setup(experiment, baseline, variant, "boot_time");
  }

  private long run(long variant) {
    return http.postJson("api/v1/variants/" + variant + "/runs",
        "{\"notes\":\"it\",\"parameters\":{\"nodes\":\"3\"}}").getJsonNumber("id").longValue();
  }

  private static String json(String metric, double... values) {
    return IntStream.range(0, values.length)
        .mapToObj(i -> String.format(Locale.ROOT, "{\"metric\":\"%s\",\"value\":%s,\"step\":%d}",
            metric, values[i], i))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static void assertProblem(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonObject problem = response.json();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("type")).startsWith("https://");
  }

  @Test
  void experimentsVariantsMetricsAndRunsRoundTrip() {
    Setup s = setup("Round trip " + System.nanoTime());
    JsonObject got = http.get("api/v1/experiments/" + s.experiment()).json();
    assertThat(got.getString("status")).isEqualTo("PLANNED");
    assertThat(got.getString("hypothesis")).isEqualTo("B is faster");

    Http.Response updated = http.put("api/v1/experiments/" + s.experiment(),
        "{\"title\":\"Renamed\",\"owner\":\"it\",\"status\":\"RUNNING\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().getString("status")).isEqualTo("RUNNING");

    List<JsonObject> variants = http.get("api/v1/experiments/" + s.experiment() + "/variants")
        .array().getValuesAs(JsonObject.class);
    assertThat(variants).extracting(v -> v.getString("name")).containsExactly("A", "B");
    assertThat(variants.get(0).getBoolean("baseline")).isTrue();

    // Making B the baseline moves the flag, never leaving two.
    http.put("api/v1/variants/" + s.variant(), "{\"name\":\"B\",\"baseline\":true}");
    assertThat(http.get("api/v1/variants/" + s.baseline()).json().getBoolean("baseline")).isFalse();
    assertThat(http.get("api/v1/variants/" + s.variant()).json().getBoolean("baseline")).isTrue();

    long run = run(s.baseline());
    JsonObject runJson = http.get("api/v1/runs/" + run).json();
    assertThat(runJson.getJsonObject("parameters").getString("nodes")).isEqualTo("3");
    assertThat(runJson.getString("source")).isEqualTo("API");

    JsonObject page = http.get("api/v1/experiments?q=renamed&limit=5").json();
    assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(e -> e.getJsonNumber("id").longValue()).contains(s.experiment());

    assertThat(http.delete("api/v1/experiments/" + s.experiment()).status()).isEqualTo(204);
    assertProblem(http.get("api/v1/experiments/" + s.experiment()), 404);
    assertProblem(http.get("api/v1/runs/" + run), 404);
  }

  @Test
  void listsArePagedAndSortedOnTheServer() {
    String tag = "Paging" + System.nanoTime();
    for (String t : List.of("c", "a", "b")) {
      http.postJson("api/v1/experiments", "{\"title\":\"" + tag + " " + t + "\",\"owner\":\"it\"}");
    }
    JsonObject first = http.get("api/v1/experiments?q=" + tag + "&sort=title&order=asc&limit=2")
        .json();
    assertThat(first.getInt("total")).isEqualTo(3);
    assertThat(first.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("title")).containsExactly(tag + " a", tag + " b");
    JsonObject second = http.get(
        "api/v1/experiments?q=" + tag + "&sort=title&order=asc&limit=2&offset=2").json();
    assertThat(second.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("title")).containsExactly(tag + " c");
    assertProblem(http.get("api/v1/experiments?sort=nonsense"), 400);
    assertProblem(http.get("api/v1/experiments?limit=0"), 400);
  }

  @Test
  void theTextFilterFindsSubstringsOfTitleOwnerAndHypothesis() {
    // Served by trigram indexes (V9) and a subquery; the matches are the same as a scan's.
    String tag = "Trgm" + System.nanoTime();
    long byTitle = http.postJson("api/v1/experiments",
        "{\"title\":\"Cache " + tag + " warm\",\"owner\":\"it\"}").getJsonNumber("id").longValue();
    long byOwner = http.postJson("api/v1/experiments",
        "{\"title\":\"Owner match\",\"owner\":\"team-" + tag + "\"}").getJsonNumber("id").longValue();
    long byHypothesis = http.postJson("api/v1/experiments", "{\"title\":\"Hypothesis match\","
        + "\"owner\":\"it\",\"hypothesis\":\"It is " + tag + "_100% faster\"}")
        .getJsonNumber("id").longValue();
    JsonObject all = http.get("api/v1/experiments?q=" + tag.toUpperCase(Locale.ROOT)
        + "&sort=createdAt&order=asc").json();
    assertThat(all.getInt("total")).isEqualTo(3);
    assertThat(all.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(e -> e.getJsonNumber("id").longValue())
        .containsExactly(byTitle, byOwner, byHypothesis);
    // LIKE's wildcards are literal characters in the filter.
    JsonObject literal = http.get("api/v1/experiments?q=" + tag + "_100%25").json();
    assertThat(literal.getInt("total")).isEqualTo(1);
    assertThat(literal.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue())
        .isEqualTo(byHypothesis);
    assertThat(http.get("api/v1/experiments?q=" + tag + "%25warm").json().getInt("total")).isZero();
    // With the status filter too: the page and its count agree.
    JsonObject planned = http.get("api/v1/experiments?q=" + tag + "&status=PLANNED&limit=1").json();
    assertThat(planned.getInt("total")).isEqualTo(3);
    assertThat(planned.getJsonArray("items")).hasSize(1);
    assertThat(http.get("api/v1/experiments?q=" + tag + "&status=CONCLUDED").json().getInt("total"))
        .isZero();
  }

  @Test
  void jsonRowsKeepTheirStepsTimesAndExactValues() {
    Setup s = setup("Columns " + System.nanoTime());
    long run = run(s.variant());
    Http.Response response = http.post("api/v1/runs/" + run + "/measurements", "application/json",
        "[{\"metric\":\"boot_time\",\"value\":1e-5,\"step\":-9223372036854775808},"
            + "{\"metric\":\"boot_time\",\"value\":0.1,\"step\":null,"
            + "\"recordedAt\":\"2026-01-31T12:00:00.123456Z\"},"
            + "{\"metric\":\"boot_time\",\"value\":12345678901234567890,\"step\":42}]");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String csv = http.get("api/v1/experiments/" + s.experiment() + "/export?format=csv").body();
    assertThat(csv).contains("boot_time,1.0E-5,-9223372036854775808,,")
        .contains("boot_time,0.1,,2026-01-31T12:00:00.123456Z")
        .contains("boot_time,1.2345678901234567E19,42,,");
  }

  @Test
  void ingestionYieldsTheComparisonComputedIndependently() {
    Setup s = setup("Comparison " + System.nanoTime());
    // Three runs per variant; within a run the values spread around the run's mean.
    double[][] a = {{9, 10, 11}, {10, 11, 12}, {11, 12, 13}};
    double[][] b = {{12, 13, 14}, {13, 14, 15}, {14, 15, 16}};
    for (double[] values : a) {
      assertThat(http.post("api/v1/runs/" + run(s.baseline()) + "/measurements",
          "application/json", json("boot_time", values)).status()).isEqualTo(201);
    }
    for (double[] values : b) {
      assertThat(http.post("api/v1/runs/" + run(s.variant()) + "/measurements",
          "application/json", json("boot_time", values)).status()).isEqualTo(201);
    }
    JsonObject comparison = http.get("api/v1/experiments/" + s.experiment() + "/comparison").json();
    assertThat(comparison.getJsonNumber("measurements").longValue()).isEqualTo(18);
    JsonObject metric = comparison.getJsonArray("metrics").getJsonObject(0);
    assertThat(metric.getString("metric")).isEqualTo("boot_time");
    JsonObject base = metric.getJsonArray("variants").getJsonObject(0);
    JsonObject other = metric.getJsonArray("variants").getJsonObject(1);
    assertThat(base.getBoolean("baseline")).isTrue();
    assertThat(base.getString("verdict")).isEqualTo("BASELINE");

    // Independently: baseline values 9..13 -> mean 11, sample sd over all 9 values.
    double[] all = {9, 10, 11, 10, 11, 12, 11, 12, 13};
    double mean = 11;
    double ss = 0;
    for (double v : all) {
      ss += (v - mean) * (v - mean);
    }
    assertThat(base.getInt("n")).isEqualTo(9);
    assertThat(base.getInt("runs")).isEqualTo(3);
    assertThat(base.getJsonNumber("mean").doubleValue()).isCloseTo(mean, within(1e-9));
    assertThat(base.getJsonNumber("standardDeviation").doubleValue())
        .isCloseTo(Math.sqrt(ss / 8), within(1e-9));
    assertThat(base.getJsonNumber("min").doubleValue()).isEqualTo(9);
    assertThat(base.getJsonNumber("max").doubleValue()).isEqualTo(13);
    assertThat(base.getJsonNumber("median").doubleValue()).isCloseTo(11, within(11 * 0.006));

    // Run means: baseline 10, 11, 12; variant 13, 14, 15. Welch on run means: difference 3,
    // standard error sqrt(1/3 + 1/3), 4 degrees of freedom, t(0.975, 4) = 2.776445.
    JsonObject vs = other.getJsonObject("vsBaseline");
    double se = Math.sqrt(2.0 / 3);
    assertThat(vs.getJsonNumber("difference").doubleValue()).isCloseTo(3, within(1e-9));
    assertThat(vs.getJsonNumber("ciLower").doubleValue()).isCloseTo(3 - 2.776445 * se, within(1e-4));
    assertThat(vs.getJsonNumber("ciUpper").doubleValue()).isCloseTo(3 + 2.776445 * se, within(1e-4));
    assertThat(vs.getJsonNumber("ratio").doubleValue()).isCloseTo(14.0 / 11, within(1e-9));
    // Lower is better and B is slower: worse.
    assertThat(other.getString("verdict")).isEqualTo("WORSE");
  }

  @Test
  void aVariantWithOneRunHasNotEnoughData() {
    Setup s = setup("One run " + System.nanoTime());
    http.post("api/v1/runs/" + run(s.baseline()) + "/measurements", "application/json",
        json("boot_time", 1, 2));
    http.post("api/v1/runs/" + run(s.baseline()) + "/measurements", "application/json",
        json("boot_time", 2, 3));
    http.post("api/v1/runs/" + run(s.variant()) + "/measurements", "application/json",
        json("boot_time", 5, 6));
    JsonObject other = http.get("api/v1/experiments/" + s.experiment() + "/comparison").json()
        .getJsonArray("metrics").getJsonObject(0).getJsonArray("variants").getJsonObject(1);
    assertThat(other.getString("verdict")).isEqualTo("NOT_ENOUGH_DATA");
    assertThat(other.getJsonObject("vsBaseline").get("ciLower")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void aBadBatchWritesNothingAndNamesEveryBadRow() {
    Setup s = setup("Bad batch " + System.nanoTime());
    long run = run(s.baseline());
    String body = "[{\"metric\":\"boot_time\",\"value\":1},"
        + "{\"metric\":\"boot_time\",\"value\":\"NaN\"},"
        + "{\"metric\":\"nope\",\"value\":2},"
        + "{\"metric\":\"boot_time\",\"value\":1e400},"
        + "{\"metric\":\"boot_time\"}]";
    Http.Response response = http.post("api/v1/runs/" + run + "/measurements",
        "application/json", body);
    assertProblem(response, 400);
    List<String> fields = response.json().getJsonArray("errors").getValuesAs(JsonObject.class)
        .stream().map(e -> e.getString("field")).toList();
    assertThat(fields).contains("[1].value", "[3].value", "[4].value");
    // The unknown metric is found once the JSON is well-formed: a second request names it.
    Http.Response unknown = http.post("api/v1/runs/" + run + "/measurements", "application/json",
        "[{\"metric\":\"boot_time\",\"value\":1},{\"metric\":\"nope\",\"value\":2}]");
    assertProblem(unknown, 400);
    assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("[1].metric");
    // CSV: the line is named.
    Http.Response csv = http.post("api/v1/runs/" + run + "/measurements", "text/csv",
        "metric,value\nboot_time,1\nboot_time,Infinity\n");
    assertProblem(csv, 400);
    assertThat(csv.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("line 3");
    // CSV: an unknown metric is named with its line (a blank line counts), not a row index.
    Http.Response csvUnknown = http.post("api/v1/runs/" + run + "/measurements", "text/csv",
        "metric,value\nboot_time,1\n\nnope,2\n");
    assertProblem(csvUnknown, 400);
    JsonObject unknownLine = csvUnknown.json().getJsonArray("errors").getJsonObject(0);
    assertThat(unknownLine.getString("field")).isEqualTo("line 4");
    assertThat(unknownLine.getString("message")).contains("'nope'");
    // Nothing of any of them was written: the valid first rows rolled back with the rest.
    assertThat(http.get("api/v1/experiments/" + s.experiment() + "/comparison").json()
        .getJsonNumber("measurements").longValue()).isZero();
  }

  @Test
  void aCsvWithAByteOrderMarkIsIngested() {
    Setup s = setup("BOM " + System.nanoTime());
    // Spreadsheet programs start UTF-8 files with EF BB BF; the header must still be read.
    Http.Response response = http.post("api/v1/runs/" + run(s.baseline()) + "/measurements",
        "text/csv", "\uFEFFmetric,value\nboot_time,1\nboot_time,2\n");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().getInt("rowsWritten")).isEqualTo(2);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyWritesOnce() {
    Setup s = setup("Idempotency " + System.nanoTime());
    long run = run(s.baseline());
    String body = json("boot_time", 1, 2, 3);
    Map<String, String> key = Map.of("Idempotency-Key", "ci-build-42");
    Http.Response first = http.post("api/v1/runs/" + run + "/measurements", "application/json",
        body, key);
    assertThat(first.status()).isEqualTo(201);
    Http.Response retry = http.post("api/v1/runs/" + run + "/measurements", "application/json",
        body, key);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().getBoolean("replayed")).isTrue();
    assertThat(retry.json().getInt("rowsWritten")).isEqualTo(3);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertProblem(http.post("api/v1/runs/" + run + "/measurements", "application/json",
        json("boot_time", 9), key), 409);
    assertThat(http.get("api/v1/experiments/" + s.experiment() + "/comparison").json()
        .getJsonNumber("measurements").longValue()).isEqualTo(3);
  }

  @Test
  void csvAndLargeBatchesAreWrittenWhole() {
    Setup s = setup("Bulk " + System.nanoTime());
    long run = run(s.variant());
    StringBuilder csv = new StringBuilder("metric,value,step\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append("boot_time,").append(10 + (i % 100) / 10.0).append(',').append(i).append('\n');
    }
    Http.Response response = http.post("api/v1/runs/" + run + "/measurements", "text/csv",
        csv.toString());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().getInt("rowsWritten")).isEqualTo(100_000);
    JsonObject variant = http.get("api/v1/experiments/" + s.experiment() + "/comparison").json()
        .getJsonArray("metrics").getJsonObject(0).getJsonArray("variants").getJsonObject(1);
    assertThat(variant.getInt("n")).isEqualTo(100_000);
    // Values 10.0 .. 19.9 evenly: mean 14.95.
    assertThat(variant.getJsonNumber("mean").doubleValue()).isCloseTo(14.95, within(1e-9));
    assertThat(variant.getJsonNumber("p95").doubleValue()).isCloseTo(19.5, within(19.5 * 0.006));
  }

  @Test
  void everyErrorIsAProblemWithItsStatus() {
    Setup s = setup("Errors " + System.nanoTime());
    long run = run(s.baseline());
    // 400: malformed JSON, a missing required field with the field named.
    assertProblem(http.post("api/v1/experiments", "application/json", "{\"title\":"), 400);
    Http.Response invalid = http.post("api/v1/experiments", "application/json",
        "{\"title\":\" \",\"owner\":\"it\"}");
    assertProblem(invalid, 400);
    assertThat(invalid.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("title");
    assertProblem(http.post("api/v1/experiments/" + s.experiment() + "/metrics",
        "application/json", "{\"name\":\"x\",\"direction\":\"SIDEWAYS\"}"), 400);
    // 404: unknown ids, unknown paths.
    assertProblem(http.get("api/v1/experiments/999999999"), 404);
    assertProblem(http.post("api/v1/runs/999999999/measurements", "application/json",
        json("boot_time", 1)), 404);
    assertProblem(http.get("api/v1/nothing-here"), 404);
    // 409: a name used twice in one experiment.
    assertProblem(http.post("api/v1/experiments/" + s.experiment() + "/variants",
        "application/json", "{\"name\":\"A\"}"), 409);
    // 409: deleting the baseline while other variants depend on it.
    assertProblem(http.delete("api/v1/variants/" + s.baseline()), 409);
    // 413: one row over the limit.
    StringBuilder tooMany = new StringBuilder("metric,value\n");
    for (int i = 0; i <= 100_000; i++) {
      tooMany.append("boot_time,1\n");
    }
    assertProblem(http.post("api/v1/runs/" + run + "/measurements", "text/csv",
        tooMany.toString()), 413);
    // 415: neither JSON nor CSV.
    assertProblem(http.post("api/v1/runs/" + run + "/measurements", "text/plain", "1,2"), 415);
  }
}
