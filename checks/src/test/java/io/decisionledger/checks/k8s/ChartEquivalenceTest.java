package io.decisionledger.checks.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.helm.Chart;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * k8s/base is the chart's default output: the same objects field for field, once what only tells
 * the tools apart is removed (the helm.sh/chart and managed-by labels, Helm's config checksum, the
 * helm test hook objects, and the Namespace that Helm leaves to `--create-namespace`).
 */
class ChartEquivalenceTest {

  @Test
  void baseEqualsTheChartsDefaultOutput() {
    Map<String, Map<String, Object>> chart = normalise(Chart.renderDefaultsInProcess());
    Map<String, Map<String, Object>> base = normalise(Kustomize.build("base"));
    assertThat(base.keySet()).as("kinds and names").containsExactlyElementsOf(chart.keySet());
    for (String id : chart.keySet()) {
      assertThat(sortedYaml(base.get(id))).as("k8s/base %s", id).isEqualTo(sortedYaml(chart.get(id)));
    }
  }

  @Test
  void theTracingComponentIsTheChartWithTracingOn() {
    Map<String, Map<String, Object>> chart = normalise(Chart.renderInProcess(Map.of(
        "tracing.enabled", true, "tracing.endpoint", "http://otel-collector.monitoring:4318")));
    Map<String, Map<String, Object>> kustomized = normalise(Kustomize.buildBaseWith("tracing"));
    assertThat(kustomized.keySet()).as("kinds and names").containsExactlyElementsOf(chart.keySet());
    for (String id : chart.keySet()) {
      assertThat(sortedYaml(kustomized.get(id))).as("k8s/base + components/tracing %s", id)
          .isEqualTo(sortedYaml(chart.get(id)));
    }
    // Not vacuous: tracing changes the ConfigMap and the NetworkPolicy.
    assertThat(Manifests.map(chart.get("ConfigMap/decision-ledger").get("data")))
        .containsEntry("OTEL_SDK_DISABLED", "false").containsKey("OTEL_EXPORTER_OTLP_ENDPOINT");
    assertThat(sortedYaml(chart.get("NetworkPolicy/decision-ledger"))).contains("4318");
  }

  @Test
  void normalisingKeepsTheFieldsThatMatter() {
    // The comparison would pass vacuously if normalising dropped the objects or their specs.
    Map<String, Map<String, Object>> chart = normalise(Chart.renderDefaultsInProcess());
    assertThat(chart.keySet()).contains("Deployment/decision-ledger", "NetworkPolicy/decision-ledger",
        "HorizontalPodAutoscaler/decision-ledger", "Ingress/decision-ledger", "ConfigMap/decision-ledger");
    Map<String, Object> deployment = chart.get("Deployment/decision-ledger");
    assertThat(Manifests.podSpec(deployment).orElseThrow()).containsKeys("securityContext", "containers", "volumes");
  }

  static Map<String, Map<String, Object>> normalise(List<Map<String, Object>> objects) {
    Map<String, Map<String, Object>> byId = new TreeMap<>();
    for (Map<String, Object> object : objects) {
      Map<String, Object> metadata = Manifests.map(object.get("metadata"));
      if ("Namespace".equals(Manifests.kind(object))
          || Manifests.map(metadata.get("annotations")).containsKey("helm.sh/hook")) {
        continue;
      }
      Map<String, Object> copy = Manifests.YAML.convertValue(object, Map.class);
      stripToolLabels(Manifests.map(copy.get("metadata")));
      Object template = Manifests.at(copy, "spec", "template", "metadata");
      if (template != null) {
        stripToolLabels(Manifests.map(template));
        Manifests.map(Manifests.map(template).get("annotations")).remove("checksum/config");
        if (Manifests.map(Manifests.map(template).get("annotations")).isEmpty()) {
          Manifests.map(template).remove("annotations");
        }
      }
      byId.put(Manifests.id(copy), copy);
    }
    return byId;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper SORTED = Manifests.YAML.copy()
      .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** YAML with keys sorted, so field order does not matter and a difference reads as a diff. */
  static String sortedYaml(Object object) {
    try {
      return SORTED.writeValueAsString(object);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static void stripToolLabels(Map<String, Object> metadata) {
    Map<String, Object> labels = Manifests.map(metadata.get("labels"));
    labels.remove("helm.sh/chart");
    labels.remove("app.kubernetes.io/managed-by");
  }
}
