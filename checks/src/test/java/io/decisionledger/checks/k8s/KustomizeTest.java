package io.decisionledger.checks.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every build of k8s/ against the Kubernetes schemas, checkov and Pod Security "restricted". */
class KustomizeTest {

  static final Path CHECKOV_CONFIG = Kustomize.DIR.resolve(".checkov.yaml");

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void validatesAgainstKubernetesSchemas(String target) {
    Tool validate = Tool.require("kubernetes-validate");
    List<Map<String, Object>> objects = Kustomize.build(target);
    Path dir = PolicyTools.writeObjects("k8s-", objects);
    for (String version : List.of(PolicyTools.KUBERNETES_CURRENT, PolicyTools.KUBERNETES_OLDEST)) {
      assertThat(PolicyTools.validate(validate, dir, version)).as("objects without a schema").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyPodMeetsPodSecurityRestricted(String target) {
    List<Map<String, Object>> objects = Kustomize.build(target);
    assertThat(objects.stream().filter(o -> Manifests.podSpec(o).isPresent())).hasSize(1);
    assertThat(PodSecurityRestricted.violationsIn(objects)).isEmpty();
    Map<String, Object> namespace = Manifests.single(objects, "Namespace");
    assertThat(Manifests.map(Manifests.at(namespace, "metadata", "labels")))
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void passesCheckovOnTheFilesAndOnEveryBuild() throws Exception {
    Tool checkov = Tool.require("checkov");
    PolicyTools.assertSkipsHaveReasons(CHECKOV_CONFIG);
    PolicyTools.CheckovReport files = PolicyTools.checkov(checkov, Kustomize.DIR, "kubernetes", CHECKOV_CONFIG);
    assertThat(files.failures()).as("checkov on k8s/").isEmpty();
    Path builds = Files.createTempDirectory("k8s-builds-");
    for (String target : Kustomize.TARGETS) {
      Files.writeString(builds.resolve(target.replace('/', '-') + ".yaml"), Manifests.toYaml(Kustomize.build(target)));
    }
    PolicyTools.CheckovReport built = PolicyTools.checkov(checkov, builds, "kubernetes", CHECKOV_CONFIG);
    assertThat(built.failures()).as("checkov on the kustomize builds (%d passed)", built.passed()).isEmpty();
    assertThat(built.passed()).isGreaterThan(100);
  }

  @Test
  void overlaysChangeWhatTheyShould() {
    Map<String, Object> prodConfig = Manifests.single(Kustomize.build("overlays/prod"), "ConfigMap");
    assertThat(Manifests.map(prodConfig.get("data"))).containsEntry("DL_DEMO_SEED", "false");
    Map<String, Object> prod = Manifests.single(Kustomize.build("overlays/prod"), "Deployment");
    assertThat(Manifests.at(Manifests.maps(Manifests.at(prod, "spec", "template", "spec", "containers")).get(0), "image"))
        .isEqualTo("decision-ledger:0.1.0");
    Map<String, Object> dev = Manifests.single(Kustomize.build("overlays/dev"), "Deployment");
    assertThat(Manifests.at(Manifests.maps(Manifests.at(dev, "spec", "template", "spec", "containers")).get(0), "image"))
        .isEqualTo("decision-ledger:dev");
  }
}
