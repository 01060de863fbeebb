package io.decisionledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of the benchmark suite at a tiny size, so the suite cannot rot: its own PostgreSQL,
 * MLflow (required in CI, skipped elsewhere when not installed) and Liberty servers on their own
 * ports, and a report whose every scenario has numbers.
 */
class BenchmarkSmokeIT {

  @Test
  void everyScenarioRunsAndReportsNumbers() throws Exception {
    boolean ci = Benchmark.isCi();
    boolean mlflowInstalled = MlflowServer.locate().isPresent();
    if (ci) {
      assertThat(mlflowInstalled)
          .as("MLflow must be installed in CI (.ci/tools/mlflow.sh)").isTrue();
    }
    Path work = Path.of(Benchmark.required("bench.work.dir"));
    Settings settings = Settings.smoke(work, work, ci);

    Report report = new Benchmark(settings).run();

    JsonNode json = new ObjectMapper().readTree(work.resolve("report.json").toFile());
    assertThat(Files.readString(work.resolve("report.md"))).contains("## Targets");
    assertThat(json.get("machine").get("cores").asInt()).isPositive();
    assertThat(json.get("versions").get("Open Liberty").asText()).isNotBlank();
    assertThat(json.get("versions").get("PostgreSQL").asText()).isNotBlank();
    List<String> names = new ArrayList<>();
    for (JsonNode f : json.get("figures")) {
      String name = f.get("scenario").asText() + ": " + f.get("name").asText();
      names.add(name);
      assertThat(f.get("value").isNumber()).as(name).isTrue();
      double value = f.get("value").asDouble();
      assertThat(Double.isFinite(value)).as(name).isTrue();
      if (!name.contains("errors")) {
        assertThat(value).as(name).isPositive();
      }
      if (f.hasNonNull("reference")) {
        assertThat(f.get("referenceValue").asDouble()).as(name + " reference").isPositive();
      }
    }
    assertThat(names).anyMatch(n -> n.startsWith("ingestion: reference: COPY"));
    for (int batch : settings.ingestBatches()) {
      for (int clients : settings.ingestClients()) {
        String config = String.format(java.util.Locale.ROOT, "REST JSON, %,d rows/request, %d client(s)",
            batch, clients);
        assertThat(names).as(config).contains("ingestion: " + config);
      }
    }
    for (long size : settings.readSizes()) {
      String at = String.format(java.util.Locale.ROOT, " at %,d", size);
      assertThat(names).contains("comparison read path: GET comparison p95" + at,
          "comparison read path: experiment page p95" + at);
    }
    for (int users : settings.pageUsers()) {
      assertThat(names).contains(
          "pages under load: trivial servlet p95, " + users + " user(s)",
          "pages under load: experiments list p95, " + users + " user(s)",
          "pages under load: experiment detail p95, " + users + " user(s)",
          "pages under load: decision page p95, " + users + " user(s)");
    }
    assertThat(names).contains(
        "start-up and memory: start to ready (/health/ready UP), median",
        "start-up and memory: RSS after the load");
    assertThat(names).anyMatch(n -> n.startsWith("start-up and memory: RSS at idle"));
    for (String page : List.of("first page", "middle page", "last page", "text filter, first page")) {
      assertThat(names).anyMatch(n -> n.startsWith("experiments list paging: GET /experiments, "
          + page + " p95 at 10,"));
    }
    // Pages must not fail even at smoke size.
    assertThat(report.figures()).filteredOn(f -> f.name().contains("errors"))
        .allSatisfy(f -> assertThat(f.value()).as(f.name()).isZero());
    if (mlflowInstalled) {
      assertThat(names).anyMatch(n -> n.startsWith("ingestion: reference: MLflow"));
    } else {
      assumeTrue(false, "MLflow not installed (outside CI): its reference was skipped");
    }
  }
}
