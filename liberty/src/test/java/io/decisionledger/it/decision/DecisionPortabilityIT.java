package io.decisionledger.it.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Import and export over the REST API against the real EAR, Liberty and PostgreSQL: decisions
 * through MADR files and back field by field, refused imports writing nothing, adr-tools files,
 * and experiments as CSV and JSON.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DecisionPortabilityIT {

  private static final String ZIP = "application/zip";

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

  private long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  private long total() {
    return http.get("api/v1/decisions?limit=1").json().getJsonNumber("total").longValue();
  }

  private static void assertProblem(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().getInt("status")).isEqualTo(status);
  }

  private void runWith(long variant, String metric, double... values) {
    long run = id(http.postJson("api/v1/variants/" + variant + "/runs",
        "{\"parameters\":{\"nodes\":\"3\"},\"notes\":\"it\"}"));
    String body = IntStream.range(0, values.length)
        .mapToObj(i -> String.format(Locale.ROOT,
            "{\"metric\":\"%s\",\"value\":%s,\"step\":%d,\"recordedAt\":\"2026-11-0%dT10:00:00Z\"}",
            metric, values[i], i, 1 + i % 9))
        .collect(Collectors.joining(",", "[", "]"));
    Http.Response r = http.post("api/v1/runs/" + run + "/measurements", "application/json", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** An experiment with two variants of three runs each on one metric: B is worse. */
  private long experiment(String title) {
    long experiment = id(http.postJson("api/v1/experiments",
        "{\"title\":\"" + title + "\",\"owner\":\"it\"}"));
    long a = id(http.postJson("api/v1/experiments/" + experiment + "/variants",
        "{\"name\":\"A\"}"));
    long b = id(http.postJson("api/v1/experiments/" + experiment + "/variants",
        "{\"name\":\"B\"}"));
    http.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"boot\",\"unit\":\"s\",\"direction\":\"LOWER_IS_BETTER\"}");
    runWith(a, "boot", 9, 10, 11);
    runWith(a, "boot", 10, 11, 12);
    runWith(a, "boot", 11, 12, 13.25);
    runWith(b, "boot", 12, 13, 14);
    runWith(b, "boot", 13, 14, 15);
    runWith(b, "boot", 14, 15, 16.5);
    return experiment;
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A decision as the API shows it, without what belongs to this copy (id, times, version). */
  private static JsonObject content(JsonObject d) {
    var b = Json.createObjectBuilder(d);
    for (String key : List.of("id", "createdAt", "updatedAt", "version", "supersededBy",
        "supersedes")) {
      b.remove(key);
    }
    b.add("supersededBy", d.isNull("supersededBy") ? JsonValue.NULL
        : Json.createValue(d.getJsonObject("supersededBy").getString("label")));
    b.add("supersedes", Json.createArrayBuilder(d.getJsonArray("supersedes")
        .getValuesAs(JsonObject.class).stream().map(x -> x.getString("label")).toList()));
    return b.build();
  }

  /** The frozen evidence as the API shows it, without the row ids. */
  private static List<JsonObject> evidence(JsonObject report) {
    return report.getJsonArray("evidence").getValuesAs(JsonObject.class).stream()
        .map(e -> Json.createObjectBuilder(e).remove("id").build())
        .toList();
  }

  @Test
  void decisionsExportedThenDeletedThenImportedAreTheSameFieldByField() throws IOException {
    String tag = Long.toString(System.nanoTime());
    long experiment = experiment("Portable evidence " + tag);
    long first = id(http.postJson("api/v1/decisions", """
        {"title":"Keep A for boot %s","status":"ACCEPTED","date":"2026-10-01",
         "deciders":"platform-team, alice",
         "context":"Boot time matters.\\n\\n## Not a section\\n\\nIt *really* does.",
         "drivers":"boot time\\ncost",
         "options":[{"name":"A","description":"The incumbent.","pros":"fast\\nknown","cons":"old"},
                    {"name":"B \\"quoted\\"","pros":"new","cons":"slow"}],
         "chosenOption":"A","justification":"it boots faster.",
         "consequences":"* Good, because nothing changes",
         "body":"## Notes\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |\\n\\n<script>x</script>"}
        """.formatted(tag)));
    Http.Response cited = http.post("api/v1/decisions/" + first + "/evidence",
        "application/json", "{\"experimentId\":" + experiment + "}");
    assertThat(cited.status()).as(cited.body()).isEqualTo(201);
    long second = id(http.postJson("api/v1/decisions",
        "{\"title\":\"Old way " + tag + "\",\"status\":\"ACCEPTED\"}"));
    long third = id(http.postJson("api/v1/decisions",
        "{\"title\":\"New way " + tag + "\",\"status\":\"PROPOSED\",\"drivers\":\"one\"}"));
    assertThat(http.post("api/v1/decisions/" + second + "/supersede", "application/json",
        "{\"supersededBy\":" + third + "}").status()).isEqualTo(200);

    int secondNumber = http.get("api/v1/decisions/" + second).json().getInt("number");
    int thirdNumber = http.get("api/v1/decisions/" + third).json().getInt("number");
    List<Long> ids = List.of(first, second, third);
    Map<Integer, JsonObject> before = new LinkedHashMap<>();
    Map<Integer, List<JsonObject>> evidenceBefore = new LinkedHashMap<>();
    for (long id : ids) {
      JsonObject d = http.get("api/v1/decisions/" + id).json();
      before.put(d.getInt("number"), content(d));
      evidenceBefore.put(d.getInt("number"),
          evidence(http.get("api/v1/decisions/" + id + "/evidence").json()));
    }
    assertThat(evidenceBefore.get(before.keySet().iterator().next())).hasSize(2);

    Http.BytesResponse export = http.getBytes("api/v1/decisions/export", ZIP);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.contentType()).startsWith(ZIP);
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment").contains(".zip");
    Map<String, byte[]> files = unzip(export.body());
    assertThat((long) files.size()).isEqualTo(total());
    Map<String, byte[]> mine = new LinkedHashMap<>();
    for (int number : before.keySet()) {
      String prefix = String.format(Locale.ROOT, "%04d-", number);
      List<String> names = files.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
      assertThat(names).hasSize(1);
      mine.put(names.get(0), files.get(names.get(0)));
    }
    String firstFile = new String(mine.values().iterator().next(), StandardCharsets.UTF_8);
    assertThat(firstFile).startsWith("---\nstatus: accepted\n")
        .contains("# Keep A for boot " + tag).contains("## Context and Problem Statement")
        .contains("## Considered Options\n\n* A\n* B \"quoted\"")
        .contains("Chosen option: \"A\", because it boots faster.")
        .contains("experiment: Portable evidence " + tag).contains("verdict: WORSE");

    // Delete them (the superseded one first), then import the three files back.
    for (long id : List.of(second, third, first)) {
      assertThat(http.delete("api/v1/decisions/" + id).status()).isEqualTo(204);
    }
    long afterDelete = total();
    Http.Response imported = http.post("api/v1/decisions/import", ZIP, zip(mine));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    JsonObject report = imported.json();
    assertThat(report.getInt("count")).isEqualTo(3);
    assertThat(report.getJsonArray("notes")).isEmpty();
    assertThat(total()).isEqualTo(afterDelete + 3);
    for (JsonObject i : report.getJsonArray("imported").getValuesAs(JsonObject.class)) {
      int number = i.getInt("number");
      assertThat(i.getInt("fileNumber")).isEqualTo(number);
      long newId = id(i);
      assertThat(content(http.get("api/v1/decisions/" + newId).json()))
          .isEqualTo(before.get(number));
      assertThat(evidence(http.get("api/v1/decisions/" + newId + "/evidence").json()))
          .isEqualTo(evidenceBefore.get(number));
    }

    // The same files again: every number is taken, a conflict that writes nothing.
    Http.Response again = http.post("api/v1/decisions/import", ZIP, zip(mine));
    assertProblem(again, 409);
    assertThat(again.json().getString("type")).endsWith("/import-conflict");
    assertThat(again.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("file")).containsExactlyInAnyOrderElementsOf(mine.keySet());
    assertThat(total()).isEqualTo(afterDelete + 3);

    // Renumbered, they come in after the others with their links rewritten.
    Http.Response renumbered = http.post("api/v1/decisions/import?numbering=renumber", ZIP,
        zip(mine));
    assertThat(renumbered.status()).as(renumbered.body()).isEqualTo(200);
    Map<Integer, Integer> mapping = new LinkedHashMap<>();
    Map<Integer, Long> newIds = new LinkedHashMap<>();
    for (JsonObject i : renumbered.json().getJsonArray("imported")
        .getValuesAs(JsonObject.class)) {
      mapping.put(i.getInt("fileNumber"), i.getInt("number"));
      newIds.put(i.getInt("fileNumber"), id(i));
      assertThat(i.getInt("number")).isGreaterThan(i.getInt("fileNumber"));
    }
    JsonObject renumberedOld = http.get("api/v1/decisions/" + newIds.get(secondNumber)).json();
    assertThat(renumberedOld.getString("status")).isEqualTo("SUPERSEDED");
    assertThat(renumberedOld.getJsonObject("supersededBy").getInt("number"))
        .isEqualTo(mapping.get(thirdNumber));
    assertThat(renumberedOld.getString("title")).isEqualTo("Old way " + tag);
  }

  @Test
  void oneInvalidFileInAZipRefusesTheWholeUploadAndWritesNothing() throws IOException {
    long before = total();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("0001-fine.md", """
        ---
        status: accepted
        ---
        # A fine decision

        ## Context and Problem Statement

        Fine.
        """.getBytes(StandardCharsets.UTF_8));
    entries.put("0002-broken.md", """
        ---
        status: maybe
        date: 31.01.2026
        ---
        # Broken
        """.getBytes(StandardCharsets.UTF_8));
    entries.put("../escape.md", "# x".getBytes(StandardCharsets.UTF_8));
    entries.put("README.md", "# not a decision".getBytes(StandardCharsets.UTF_8));
    Http.Response refused = http.post("api/v1/decisions/import?numbering=renumber", ZIP,
        zip(entries));
    assertProblem(refused, 400);
    JsonObject problem = refused.json();
    assertThat(problem.getString("type")).endsWith("/invalid-import");
    List<JsonObject> errors = problem.getJsonArray("errors").getValuesAs(JsonObject.class);
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.getString("file")).isEqualTo("0002-broken.md");
      assertThat(e.getInt("line")).isEqualTo(2);
      assertThat(e.getString("field")).isEqualTo("0002-broken.md line 2");
      assertThat(e.getString("message")).contains("'maybe'");
    });
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.getString("file")).isEqualTo("0002-broken.md");
      assertThat(e.getInt("line")).isEqualTo(3);
    });
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.getString("file")).isEqualTo("../escape.md");
      assertThat(e.getString("message")).contains("parent directory");
    });
    assertThat(errors).noneMatch(e -> e.getString("file").equals("0001-fine.md"));
    assertThat(total()).isEqualTo(before);

    // Valid files with rule-breaking content are named too: a chosen option not considered.
    Http.Response rules = http.post("api/v1/decisions/import?filename=0001-rules.md",
        "text/markdown", """
            # Rules

            ## Considered Options

            * A

            ## Decision Outcome

            Chosen option: "B", because why not
            """);
    assertProblem(rules, 400);
    assertThat(rules.json().getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("chosenOption");
    // Nothing to read, not a zip, a wrong mode or media type: problems, nothing written.
    assertProblem(http.post("api/v1/decisions/import", ZIP, new byte[0]), 400);
    assertProblem(http.post("api/v1/decisions/import", ZIP,
        new byte[] {'P', 'K', 3, 4, 1, 2, 3}), 400);
    assertProblem(http.post("api/v1/decisions/import?numbering=sideways", "text/markdown",
        "# T"), 400);
    assertProblem(http.post("api/v1/decisions/import", "multipart/form-data; boundary=x",
        "--x--"), 415);
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void adrToolsFilesAreImportedWithTheirSupersession() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("doc/adr/0001-record-architecture-decisions.md", """
        # 1. Record architecture decisions

        Date: 2026-01-31

        ## Status

        Superseded by [2. Use MADR](0002-use-madr.md)

        ## Context

        We need to record the architectural decisions made on this project.

        ## Decision

        We will use Architecture Decision Records, as described by Michael Nygard.

        ## Consequences

        See Michael Nygard's article, linked above.
        """.getBytes(StandardCharsets.UTF_8));
    entries.put("doc/adr/0002-use-madr.md", """
        # 2. Use MADR

        Date: 2026-02-01

        ## Status

        Accepted

        Supersedes [1. Record architecture decisions](0001-record-architecture-decisions.md)

        ## Context

        More structure helps.

        ## Decision

        Use MADR.

        ## Consequences

        Templates change.
        """.getBytes(StandardCharsets.UTF_8));
    Http.Response imported = http.post("api/v1/decisions/import?numbering=renumber", ZIP,
        zip(entries));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    List<JsonObject> items = imported.json().getJsonArray("imported")
        .getValuesAs(JsonObject.class);
    assertThat(items).extracting(i -> i.getInt("fileNumber")).containsExactly(1, 2);
    JsonObject older = http.get("api/v1/decisions/" + id(items.get(0))).json();
    JsonObject newer = http.get("api/v1/decisions/" + id(items.get(1))).json();
    assertThat(older.getString("title")).isEqualTo("Record architecture decisions");
    assertThat(older.getString("date")).isEqualTo("2026-01-31");
    assertThat(older.getString("status")).isEqualTo("SUPERSEDED");
    assertThat(older.getString("context")).startsWith("We need to record");
    assertThat(older.getString("justification")).startsWith("We will use Architecture Decision");
    assertThat(older.getJsonObject("supersededBy").getJsonNumber("id").longValue())
        .isEqualTo(id(items.get(1)));
    assertThat(newer.getString("status")).isEqualTo("ACCEPTED");
    assertThat(newer.getJsonArray("supersedes")).hasSize(1);
  }

  @Test
  void anExperimentExportsAsCsvThatUploadsAgainAndAsJson() {
    long experiment = experiment("Export me " + System.nanoTime());

    Http.Response csv = http.get("api/v1/experiments/" + experiment + "/export?format=csv",
        "text/csv");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("experiment-" + experiment + ".csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("metric,value,step,recorded_at,variant,run");
    assertThat(lines).hasSize(1 + 18);
    assertThat(lines).anyMatch(l -> l.startsWith("boot,13.25,2,2026-11-03T10:00:00Z,A,"));
    assertThat(lines.stream().skip(1).filter(l -> l.contains(",B,")).count()).isEqualTo(9);

    // The export uploads again as it is, into a new run.
    long variant = http.get("api/v1/experiments/" + experiment + "/variants").array()
        .getJsonObject(0).getJsonNumber("id").longValue();
    long run = id(http.postJson("api/v1/variants/" + variant + "/runs", "{}"));
    Http.Response again = http.post("api/v1/runs/" + run + "/measurements", "text/csv",
        csv.body());
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().getInt("rowsWritten")).isEqualTo(18);

    Http.Response json = http.get("api/v1/experiments/" + experiment + "/export?format=json");
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    JsonObject doc = json.json();
    assertThat(doc.getJsonObject("experiment").getJsonNumber("id").longValue())
        .isEqualTo(experiment);
    assertThat(doc.getJsonArray("metrics").getJsonObject(0).getString("name")).isEqualTo("boot");
    List<JsonObject> runs = doc.getJsonArray("runs").getValuesAs(JsonObject.class);
    assertThat(runs).hasSize(7);
    assertThat(runs.stream().mapToInt(r -> r.getJsonArray("measurements").size()).sum())
        .isEqualTo(36);
    JsonObject uploaded = runs.stream().filter(r -> r.getJsonNumber("id").longValue() == run)
        .findFirst().orElseThrow();
    assertThat(uploaded.getJsonArray("measurements")).hasSize(18);
    JsonObject withParameters = runs.stream().filter(r -> r.getJsonNumber("id").longValue() != run)
        .findFirst().orElseThrow();
    assertThat(withParameters.getJsonObject("parameters").getString("nodes")).isEqualTo("3");
    JsonObject m = withParameters.getJsonArray("measurements").getJsonObject(0);
    assertThat(m.getString("metric")).isEqualTo("boot");
    assertThat(m.containsKey("value")).isTrue();
    assertThat(m.getString("recordedAt")).startsWith("2026-11-0");

    assertProblem(http.get("api/v1/experiments/" + experiment + "/export?format=xml"), 400);
    assertProblem(http.get("api/v1/experiments/999999999/export?format=csv", "text/csv,"
        + " application/problem+json"), 404);
  }

}
