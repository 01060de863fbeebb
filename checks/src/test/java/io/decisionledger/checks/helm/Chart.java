package io.decisionledger.checks.helm;

import com.marcnuri.helm.Helm;
import io.decisionledger.checks.Tool;
import io.decisionledger.checks.k8s.Manifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The decision-ledger chart, its values profiles and how to render them. */
public final class Chart {

  public static final Path DIR = Tool.REPO.resolve("helm/decision-ledger");
  public static final String RELEASE = "decision-ledger";
  public static final String NAMESPACE = "decision-ledger";

  /** The optional APIs the chart knows, as `helm template --api-versions` takes them. */
  public static final String SERVICE_MONITOR = "monitoring.coreos.com/v1/ServiceMonitor";
  public static final String PROMETHEUS_RULE = "monitoring.coreos.com/v1/PrometheusRule";
  public static final String SECRET_PROVIDER_CLASS = "secrets-store.csi.x-k8s.io/v1/SecretProviderClass";
  public static final String HTTP_ROUTE = "gateway.networking.k8s.io/v1/HTTPRoute";
  public static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

  /**
   * A values profile (ci/NAME-values.yaml) and the optional APIs of the cluster it is meant for, so
   * the capability-gated templates render as they would there.
   */
  public enum Profile {
    DEFAULTS("defaults"),
    AKS_KEYVAULT("aks-keyvault", SERVICE_MONITOR, PROMETHEUS_RULE, SECRET_PROVIDER_CLASS),
    VAULT("vault", SERVICE_MONITOR, PROMETHEUS_RULE, SECRET_PROVIDER_CLASS),
    K3S_DEV("k3s-dev", CNPG_CLUSTER),
    OPENSHIFT("openshift", SERVICE_MONITOR, PROMETHEUS_RULE);

    public final String file;
    public final List<String> apis;

    Profile(String name, String... apis) {
      this.file = name;
      this.apis = List.of(apis);
    }

    public Path valuesFile() {
      return DIR.resolve("ci").resolve(file + "-values.yaml");
    }

    @Override
    public String toString() {
      return file;
    }
  }

  /** The Kubernetes version rendering assumes (helm-java's own default, 1.20, is older than the chart allows). */
  public static final String KUBERNETES_VERSION = "1.37.0";

  private Chart() {}

  /** The helm command line (installed by .ci/tools/kustomize.sh), which takes --api-versions. */
  public static Tool helm() {
    return Tool.require("helm");
  }

  /** `helm template` of a profile with the command line, plus extra arguments (e.g. --set). */
  public static String templateCli(Profile profile, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "template", RELEASE, DIR.toString(), "--namespace", NAMESPACE,
        "--values", profile.valuesFile().toString(), "--kube-version", KUBERNETES_VERSION));
    for (String api : profile.apis) {
      args.add("--api-versions");
      args.add(api);
    }
    args.addAll(List.of(extra));
    return helm().run(DIR, args.toArray(String[]::new)).assertSuccess().output();
  }

  public static List<Map<String, Object>> render(Profile profile, String... extra) {
    return Manifests.parse(templateCli(profile, extra));
  }

  /** `helm template` with the chart's defaults through helm-java (Helm inside the JVM). */
  public static List<Map<String, Object>> renderDefaultsInProcess() {
    return renderInProcess(Map.of());
  }

  /** The chart's defaults with some values set, rendered in process (no helm binary needed). */
  public static List<Map<String, Object>> renderInProcess(Map<String, Object> values) {
    var template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE)
        .withKubeVersion(KUBERNETES_VERSION);
    values.forEach(template::set);
    return Manifests.parse(template.call());
  }
}
