package io.decisionledger.checks.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.Tool;
import io.decisionledger.checks.k8s.Manifests;
import io.decisionledger.checks.k8s.PodSecurityRestricted;
import io.decisionledger.checks.k8s.PolicyTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every profile's rendered manifests against the Kubernetes JSON schemas, checkov's policies and
 * the Pod Security Standards "restricted" profile.
 */
class HelmPolicyTest {

  /**
   * Custom resources: kubernetes-validate packages only the Kubernetes API's own schemas, and no
   * package reachable here ships schemas for these CRDs, so HelmTemplateTest asserts their fields.
   */
  static final Set<String> CUSTOM_RESOURCES = Set.of(
      Chart.SERVICE_MONITOR, Chart.PROMETHEUS_RULE, Chart.SECRET_PROVIDER_CLASS, Chart.HTTP_ROUTE, Chart.CNPG_CLUSTER);

  static final Path CHECKOV_CONFIG = Tool.REPO.resolve("helm/.checkov.yaml");

  @ParameterizedTest
  @EnumSource(Chart.Profile.class)
  void validatesAgainstKubernetesSchemas(Chart.Profile profile) {
    Tool validate = Tool.require("kubernetes-validate");
    List<Map<String, Object>> objects = Chart.render(profile);
    Path dir = PolicyTools.writeObjects("helm-" + profile + "-", objects);
    for (String version : List.of(PolicyTools.KUBERNETES_CURRENT, PolicyTools.KUBERNETES_OLDEST)) {
      List<String> unvalidated = PolicyTools.validate(validate, dir, version);
      assertThat(unvalidated).as("objects without a schema in Kubernetes %s", version).allMatch(CUSTOM_RESOURCES::contains);
    }
  }

  @ParameterizedTest
  @EnumSource(Chart.Profile.class)
  void passesCheckov(Chart.Profile profile) {
    Tool checkov = Tool.require("checkov");
    PolicyTools.assertSkipsHaveReasons(CHECKOV_CONFIG);
    Path dir = PolicyTools.writeObjects("checkov-" + profile + "-", Chart.render(profile));
    PolicyTools.CheckovReport report = PolicyTools.checkov(checkov, dir, "kubernetes", CHECKOV_CONFIG);
    assertThat(report.failures()).as("checkov failed checks (%d passed)", report.passed()).isEmpty();
    assertThat(report.passed()).isGreaterThan(50);
  }

  @ParameterizedTest
  @EnumSource(Chart.Profile.class)
  void everyPodMeetsPodSecurityRestricted(Chart.Profile profile) {
    List<Map<String, Object>> objects = Chart.render(profile);
    assertThat(objects.stream().filter(o -> Manifests.podSpec(o).isPresent())).as("pod-bearing objects").hasSizeGreaterThanOrEqualTo(2);
    assertThat(PodSecurityRestricted.violationsIn(objects)).isEmpty();
  }
}
