package io.decisionledger.checks.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.decisionledger.checks.Tool;
import io.decisionledger.checks.helm.Chart;
import io.decisionledger.checks.k8s.Kustomize;
import io.decisionledger.checks.k8s.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * k8s/monitoring ships the very files the chart ships (through symlinks, so there is one source of
 * the alert rules and dashboards) and the same ServiceMonitor as the chart.
 */
class K8sMonitoringTest {

  static final Path DIR = Kustomize.DIR.resolve("monitoring");

  static List<Map<String, Object>> build() {
    String yaml = Tool.require("kustomize")
        .run(Kustomize.DIR, "build", "--load-restrictor", "LoadRestrictionsNone", DIR.toString())
        .assertSuccess().output();
    return Manifests.parse(yaml);
  }

  @Test
  void theRulesAndDashboardsAreTheChartsFilesNotCopies() throws Exception {
    assertThat(Files.isSymbolicLink(DIR.resolve("decision-ledger.rules.yaml"))).isTrue();
    assertThat(DIR.resolve("decision-ledger.rules.yaml").toRealPath())
        .isEqualTo(Chart.DIR.resolve("files/prometheus/decision-ledger.rules.yaml").toRealPath());
    assertThat(Files.isSymbolicLink(DIR.resolve("dashboards"))).isTrue();
    assertThat(DIR.resolve("dashboards").toRealPath()).isEqualTo(Chart.DIR.resolve("files/grafana").toRealPath());
  }

  @Test
  void buildsTheRulesConfigMapAndEveryDashboardForTheGrafanaSidecar() throws Exception {
    List<Map<String, Object>> objects = build();
    Map<String, Object> rules = objects.stream()
        .filter(o -> Manifests.id(o).equals("ConfigMap/decision-ledger-prometheus-rules")).findFirst().orElseThrow();
    assertThat(Manifests.map(rules.get("data")).get("decision-ledger.rules.yaml"))
        .isEqualTo(Files.readString(Chart.DIR.resolve("files/prometheus/decision-ledger.rules.yaml")));

    Map<String, Object> dashboards = objects.stream()
        .filter(o -> Manifests.id(o).equals("ConfigMap/decision-ledger-dashboards")).findFirst().orElseThrow();
    assertThat(Manifests.map(Manifests.at(dashboards, "metadata", "labels"))).containsEntry("grafana_dashboard", "1");
    Map<String, Object> data = Manifests.map(dashboards.get("data"));
    ObjectMapper json = new ObjectMapper();
    try (var files = Files.list(Chart.DIR.resolve("files/grafana"))) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".json")).toList();
      assertThat(data.keySet()).as("every dashboard of the chart").hasSameSizeAs(all);
      for (Path file : all) {
        assertThat(json.readTree((String) data.get(file.getFileName().toString())))
            .as(file.getFileName().toString()).isEqualTo(json.readTree(file.toFile()));
      }
    }
    assertThat(objects).allSatisfy(o -> assertThat(Manifests.at(o, "metadata", "namespace")).isEqualTo("decision-ledger"));
  }

  @Test
  void theServiceMonitorIsTheCharts() {
    Map<String, Object> ours = Manifests.single(build(), "ServiceMonitor");
    Map<String, Object> chart = Manifests.single(
        Chart.render(Chart.Profile.DEFAULTS, "--api-versions", Chart.SERVICE_MONITOR), "ServiceMonitor");
    Map<String, Object> chartLabels = Manifests.map(Manifests.at(chart, "metadata", "labels"));
    chartLabels.remove("helm.sh/chart");
    chartLabels.remove("app.kubernetes.io/managed-by");
    assertThat(ours.get("spec")).isEqualTo(chart.get("spec"));
    assertThat(Manifests.at(ours, "metadata", "labels")).isEqualTo(chartLabels);
    assertThat(Manifests.at(ours, "metadata", "name")).isEqualTo(Manifests.at(chart, "metadata", "name"));
  }
}
