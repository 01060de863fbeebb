package io.decisionledger.checks.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.decisionledger.checks.Tool;
import io.decisionledger.checks.helm.Chart;
import io.decisionledger.checks.k8s.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A structural lint of the Grafana dashboards in helm/decision-ledger/files/grafana: every data
 * source templated, every panel with a query, unique ids, panels inside the 24-column grid and not
 * overlapping, namespace and pod variables used by every query, PromQL that parses (promtool).
 * That the queries return data is PrometheusScrapeIT's job, against a real Prometheus.
 */
class GrafanaDashboardsTest {

  static final Path DIR = Chart.DIR.resolve("files/grafana");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> TEMPLATED_SOURCES = Set.of("${datasource}", "${loki}");

  static Stream<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void theFourDashboardsExistWithUniqueUids() throws IOException {
    List<String> uids = new ArrayList<>();
    for (Path file : dashboards().toList()) {
      uids.add(JSON.readTree(file.toFile()).path("uid").asText());
    }
    assertThat(uids).doesNotHaveDuplicates().containsExactlyInAnyOrder(
        "decision-ledger-overview", "decision-ledger-ingestion", "decision-ledger-jvm-liberty",
        "decision-ledger-logs");
    assertThat(uids).allMatch(uid -> uid.length() <= 40, "Grafana uids have at most 40 characters");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void dashboardIsStructurallySound(Path file) throws IOException {
    JsonNode dashboard = JSON.readTree(file.toFile());
    String name = file.getFileName().toString();
    assertThat(dashboard.path("title").asText()).as(name + " title").isNotBlank();
    assertThat(dashboard.path("schemaVersion").asInt()).as(name + " schemaVersion").isGreaterThanOrEqualTo(36);
    assertThat(dashboard.has("id") && !dashboard.get("id").isNull()).as(name + ": no instance id").isFalse();
    assertThat(dashboard.path("tags").toString()).as(name + " tags").contains("decision-ledger");

    // Variables: a data source variable, and namespace and pod.
    Set<String> variables = new HashSet<>();
    boolean loki = false;
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      variables.add(variable.path("name").asText());
      if (variable.path("type").asText().equals("datasource")) {
        loki |= variable.path("query").asText().equals("loki");
        assertThat(variable.path("query").asText()).as(name + " data source variable").isIn("prometheus", "loki");
      }
    }
    assertThat(variables).as(name + " variables").contains(loki ? "loki" : "datasource", "namespace", "pod");

    // Every data source reference anywhere in the document is a variable, never a fixed uid.
    List<String> sources = new ArrayList<>();
    collectDatasources(dashboard, sources);
    assertThat(sources).as(name + " data source references").isNotEmpty()
        .allSatisfy(uid -> assertThat(uid).as(name).isIn(TEMPLATED_SOURCES));

    List<JsonNode> panels = new ArrayList<>();
    collectPanels(dashboard.path("panels"), panels);
    assertThat(panels).as(name + " panels").hasSizeGreaterThanOrEqualTo(4);
    Set<Integer> ids = new HashSet<>();
    List<int[]> boxes = new ArrayList<>();
    for (JsonNode panel : panels) {
      String title = name + " / " + panel.path("title").asText("(untitled)");
      assertThat(panel.path("title").asText()).as(title + " title").isNotBlank();
      assertThat(ids.add(panel.path("id").asInt(-1))).as(title + ": unique id " + panel.path("id")).isTrue();
      JsonNode grid = panel.path("gridPos");
      int x = grid.path("x").asInt(-1);
      int y = grid.path("y").asInt(-1);
      int w = grid.path("w").asInt(0);
      int h = grid.path("h").asInt(0);
      assertThat(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 24).as(title + " gridPos " + grid).isTrue();
      for (int[] other : boxes) {
        boolean overlaps = x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h;
        assertThat(overlaps).as(title + " overlaps another panel").isFalse();
      }
      boxes.add(new int[] {x, y, w, h});
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      JsonNode targets = panel.path("targets");
      assertThat(targets.size()).as(title + ": has a query").isPositive();
      Set<String> refIds = new HashSet<>();
      for (JsonNode target : targets) {
        assertThat(refIds.add(target.path("refId").asText())).as(title + ": unique refId").isTrue();
        String expr = target.path("expr").asText();
        assertThat(expr).as(title + " " + target.path("refId").asText() + " expr").isNotBlank();
        assertThat(expr).as(title + ": filtered by the namespace and pod variables")
            .contains("$namespace").contains("$pod");
        String type = target.path("datasource").path("type").asText(panel.path("datasource").path("type").asText());
        assertThat(type).as(title + " data source type").isEqualTo(loki ? "loki" : "prometheus");
      }
    }
  }

  @Test
  void everyPromqlQueryParses() throws IOException {
    // promtool checks PromQL through a rule file: one recording rule per panel query.
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    int count = 0;
    for (Path file : dashboards().toList()) {
      List<JsonNode> panels = new ArrayList<>();
      collectPanels(JSON.readTree(file.toFile()).path("panels"), panels);
      for (JsonNode panel : panels) {
        for (JsonNode target : panel.path("targets")) {
          if (!target.path("datasource").path("type").asText().equals("prometheus")) {
            continue;
          }
          String expr = target.path("expr").asText().replace("$__rate_interval", "1m")
              .replace("$__interval", "15s").replace("$__range", "1h")
              .replace("$namespace", "ns").replace("$pod", "pod");
          assertThat(expr).doesNotContain("$");
          rules.append("      - record: dashboard:query").append(count++).append('\n')
              .append("        expr: ").append(JSON.writeValueAsString(expr)).append('\n');
        }
      }
    }
    assertThat(count).as("PromQL queries").isGreaterThan(30);
    Path file = Files.createTempFile("dashboard-queries-", ".rules.yaml");
    Files.writeString(file, rules);
    Tool.require("promtool").run(file.getParent(), "check", "rules", file.toString()).assertSuccess();
  }

  @Test
  void theChartRendersEveryDashboardForTheGrafanaSidecar() throws IOException {
    List<Map<String, Object>> objects = Chart.render(Chart.Profile.DEFAULTS, "--set", "grafana.dashboards.enabled=true");
    List<Map<String, Object>> configMaps = objects.stream()
        .filter(o -> "ConfigMap".equals(Manifests.kind(o)))
        .filter(o -> "1".equals(Manifests.map(Manifests.at(o, "metadata", "labels")).get("grafana_dashboard")))
        .toList();
    assertThat(configMaps).as("one ConfigMap holds the dashboards").hasSize(1);
    Map<String, Object> data = Manifests.map(configMaps.get(0).get("data"));
    List<Path> files = dashboards().toList();
    assertThat(data).hasSameSizeAs(files);
    for (Path file : files) {
      String key = file.getFileName().toString();
      assertThat(data).as("the chart renders " + key).containsKey(key);
      assertThat(JSON.readTree((String) data.get(key))).as(key + " rendered unchanged")
          .isEqualTo(JSON.readTree(file.toFile()));
    }
  }

  private static void collectPanels(JsonNode panels, List<JsonNode> into) {
    for (JsonNode panel : panels) {
      into.add(panel);
      if (panel.has("panels")) {
        collectPanels(panel.path("panels"), into);
      }
    }
  }

  private static void collectDatasources(JsonNode node, List<String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        if (field.getKey().equals("datasource")) {
          JsonNode value = field.getValue();
          into.add(value.isTextual() ? value.asText() : value.path("uid").asText());
        } else {
          collectDatasources(field.getValue(), into);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectDatasources(child, into));
    }
  }
}
