package io.decisionledger.checks.k8s;

import io.decisionledger.checks.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** `kustomize build` of k8s/ (installed by .ci/tools/kustomize.sh). */
public final class Kustomize {

  public static final Path DIR = Tool.REPO.resolve("k8s");

  /** The folders to build: the base and each overlay. */
  public static final List<String> TARGETS = List.of("base", "overlays/dev", "overlays/prod");

  private Kustomize() {}

  /**
   * The base with components of k8s/components added, as an overlay adds them: built from a
   * kustomization written under checks/target (kustomize takes only relative paths).
   */
  public static List<Map<String, Object>> buildBaseWith(String... components) {
    try {
      Path dir = Tool.REPO.resolve("checks/target/kustomize-components");
      Files.createDirectories(dir);
      StringBuilder yaml = new StringBuilder()
          .append("apiVersion: kustomize.config.k8s.io/v1beta1\n")
          .append("kind: Kustomization\n")
          .append("resources:\n")
          .append("  - ").append(dir.relativize(DIR.resolve("base"))).append('\n')
          .append("components:\n");
      for (String component : components) {
        yaml.append("  - ").append(dir.relativize(DIR.resolve("components").resolve(component))).append('\n');
      }
      Files.writeString(dir.resolve("kustomization.yaml"), yaml);
      Tool kustomize = Tool.require("kustomize");
      return Manifests.parse(kustomize.run(DIR, "build", dir.toString()).assertSuccess().output());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Map<String, Object>> build(String target) {
    Tool kustomize = Tool.require("kustomize");
    String yaml = kustomize.run(DIR, "build", DIR.resolve(target).toString()).assertSuccess().output();
    return Manifests.parse(yaml);
  }
}
