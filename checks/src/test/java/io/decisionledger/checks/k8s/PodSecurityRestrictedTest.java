package io.decisionledger.checks.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Pod Security "restricted" checker itself: it passes a compliant pod and catches each rule. */
class PodSecurityRestrictedTest {

  static final Path FIXTURES = Tool.REPO.resolve("checks/src/test/resources/k8s/pss");

  @Test
  void compliantPodHasNoViolation() {
    Map<String, Object> pod = Manifests.parse(FIXTURES.resolve("compliant.yaml")).get(0);
    assertThat(PodSecurityRestricted.violations(Manifests.podSpec(pod).orElseThrow())).isEmpty();
  }

  static Stream<Map<String, Object>> violatingPods() {
    List<Map<String, Object>> pods = Manifests.parse(FIXTURES.resolve("violations.yaml"));
    assertThat(pods).hasSizeGreaterThanOrEqualTo(15);
    return pods.stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("violatingPods")
  void everyRuleIsEnforced(Map<String, Object> pod) {
    String expected = Manifests.name(pod);
    List<String> violations = PodSecurityRestricted.violationsIn(List.of(pod));
    assertThat(violations).as("violations of %s", expected).anyMatch(v -> v.contains(expected));
  }

  @Test
  void workloadsAreCheckedThroughTheirPodTemplates() {
    Map<String, Object> deployment = Manifests.parse("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec:
              containers: [{name: app, image: app:1}]
        """).get(0);
    assertThat(PodSecurityRestricted.violationsIn(List.of(deployment)))
        .contains("Deployment/d: container app: allowPrivilegeEscalation must be false",
            "Deployment/d: container app: runAsNonRoot must be true (in the container or the pod)",
            "Deployment/d: container app: capabilities must drop ALL");
  }
}
