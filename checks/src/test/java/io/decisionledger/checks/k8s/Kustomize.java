package io.decisionledger.checks.k8s;

import io.decisionledger.checks.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** `kustomize build` of k8s/ (installed by .ci/tools/kustomize.sh). */
public final class Kustomize {

  public static final Path DIR = Tool.REPO.resolve("k8s");

  /** The folders to build: the base and each overlay. */
  public static final List<String> TARGETS = List.of("base", "overlays/dev", "overlays/prod");

  private Kustomize() {}

  public static List<Map<String, Object>> build(String target) {
    Tool kustomize = Tool.require("kustomize");
    String yaml = kustomize.run(DIR, "build", DIR.resolve(target).toString()).assertSuccess().output();
    return Manifests.parse(yaml);
  }
}
