package io.decisionledger.checks.helm;

import static io.decisionledger.checks.k8s.Manifests.at;
import static io.decisionledger.checks.k8s.Manifests.list;
import static io.decisionledger.checks.k8s.Manifests.map;
import static io.decisionledger.checks.k8s.Manifests.maps;
import static io.decisionledger.checks.k8s.Manifests.ofKind;
import static io.decisionledger.checks.k8s.Manifests.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.decisionledger.checks.Tool;
import io.decisionledger.checks.k8s.Manifests;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What `helm template` renders for each profile: the issue's requirements, object by object. */
class HelmTemplateTest {

  private static final Set<String> RECOMMENDED_LABELS = Set.of(
      "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
      "app.kubernetes.io/managed-by", "app.kubernetes.io/part-of", "helm.sh/chart");

  @ParameterizedTest
  @EnumSource(Chart.Profile.class)
  void everyObjectHasTheRecommendedLabelsAndTheReleaseNamespace(Chart.Profile profile) {
    for (Map<String, Object> object : Chart.render(profile)) {
      assertThat(map(at(object, "metadata", "labels")).keySet()).as(Manifests.id(object)).containsAll(RECOMMENDED_LABELS);
      assertThat(at(object, "metadata", "namespace")).as(Manifests.id(object)).isEqualTo(Chart.NAMESPACE);
    }
  }

  @ParameterizedTest
  @EnumSource(Chart.Profile.class)
  void deploymentMeetsTheOperationalContract(Chart.Profile profile) {
    List<Map<String, Object>> objects = Chart.render(profile);
    Map<String, Object> deployment = single(objects, "Deployment");
    Map<String, Object> spec = map(deployment.get("spec"));
    Map<String, Object> pod = Manifests.podSpec(deployment).orElseThrow();
    Map<String, Object> liberty = maps(pod.get("containers")).get(0);

    // Replicas: 2+ from the HPA, or the replica count when autoscaling is off.
    if (ofKind(objects, "HorizontalPodAutoscaler").isEmpty()) {
      assertThat(spec.get("replicas")).isNotNull();
    } else {
      assertThat(spec).doesNotContainKey("replicas");
      Map<String, Object> hpa = single(objects, "HorizontalPodAutoscaler");
      assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
      assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(Manifests.name(deployment));
    }
    assertThat(at(spec, "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);

    // Probes on MicroProfile Health.
    assertThat(at(liberty, "startupProbe", "httpGet", "path")).isEqualTo("/health/started");
    assertThat(at(liberty, "livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
    assertThat(at(liberty, "readinessProbe", "httpGet", "path")).isEqualTo("/health/ready");
    assertThat(map(at(liberty, "resources", "requests"))).containsKeys("cpu", "memory");
    assertThat(map(at(liberty, "resources", "limits"))).containsKey("memory");

    // Read-only root file system with writable emptyDirs for Liberty.
    assertThat(at(liberty, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
    Map<String, String> mounts = maps(liberty.get("volumeMounts")).stream()
        .collect(Collectors.toMap(m -> (String) m.get("mountPath"), m -> (String) m.get("name")));
    Map<String, Map<String, Object>> volumes = maps(pod.get("volumes")).stream()
        .collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
    for (String path : List.of("/output", "/logs", "/tmp")) {
      assertThat(mounts).containsKey(path);
      assertThat(volumes.get(mounts.get(path))).as(path).containsKey("emptyDir");
    }
    // Secrets: one directory at /config/variables, read-only, never by subPath (rotation).
    assertThat(mounts).containsKey("/config/variables");
    assertThat(maps(liberty.get("volumeMounts"))).allSatisfy(m -> assertThat(m).doesNotContainKey("subPath"));
    // Non-secrets: the ConfigMap as environment variables; no secret in the environment.
    assertThat(at(maps(liberty.get("envFrom")).get(0), "configMapRef", "name")).isEqualTo(Manifests.name(deployment));
    assertThat(maps(liberty.get("env"))).noneMatch(e -> at(e, "valueFrom", "secretKeyRef") != null);

    // Graceful shutdown and spreading.
    assertThat(at(liberty, "lifecycle", "preStop", "sleep", "seconds")).isNotNull();
    assertThat((Integer) pod.get("terminationGracePeriodSeconds"))
        .isGreaterThan((Integer) at(liberty, "lifecycle", "preStop", "sleep", "seconds"));
    assertThat(maps(pod.get("topologySpreadConstraints")).stream().map(c -> c.get("topologyKey")))
        .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
    assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);

    // The ConfigMap has the non-secret settings, and never a password.
    Map<String, Object> configMap = ofKind(objects, "ConfigMap").stream()
        .filter(c -> Manifests.name(c).equals(Manifests.name(deployment))).findFirst().orElseThrow();
    assertThat(map(configMap.get("data"))).containsKeys("DL_DB_POOL_MAX", "DL_DEMO_SEED", "DL_INGEST_MAX_ROWS",
            "DL_MODE", "DL_ADMIN_USERNAME", "DL_SECURITY_LOCKOUT_ATTEMPTS", "DL_SECURITY_LOCKOUT_DURATION",
            "DL_SESSION_TIMEOUT", "DL_SESSION_COOKIE_SECURE")
        .doesNotContainKeys("DL_DB_PASSWORD", "DL_ADMIN_PASSWORD");

    // Sessions live in PostgreSQL (issue #4): no replica is special, so nothing pins a client to one.
    Map<String, Object> service = single(objects, "Service");
    assertThat(at(service, "spec", "sessionAffinity")).as("Service session affinity").isIn(null, "None");
    for (Map<String, Object> route : objects) {
      if (List.of("Ingress", "HTTPRoute", "Service").contains(Manifests.kind(route))) {
        assertThat(map(at(route, "metadata", "annotations")).keySet()).as("%s annotations", Manifests.id(route))
            .noneMatch(k -> k.contains("affinity") || k.contains("sticky") || k.contains("session-cookie"));
      }
    }
  }

  @Test
  void securitySettingsReachTheConfigMapAsTheirProperties() {
    Map<String, Object> data = map(ofKind(Chart.render(Chart.Profile.DEFAULTS,
            "--set", "config.mode=development", "--set", "config.admin.username=root",
            "--set", "config.security.lockout.attempts=7", "--set", "config.security.lockout.duration=PT1H",
            "--set", "config.session.timeout=45m", "--set", "config.session.cookieSecure=false"), "ConfigMap").stream()
        .filter(c -> Manifests.name(c).equals(Chart.RELEASE)).findFirst().orElseThrow().get("data"));
    assertThat(data).containsEntry("DL_MODE", "development").containsEntry("DL_ADMIN_USERNAME", "root")
        .containsEntry("DL_SECURITY_LOCKOUT_ATTEMPTS", "7").containsEntry("DL_SECURITY_LOCKOUT_DURATION", "PT1H")
        .containsEntry("DL_SESSION_TIMEOUT", "45m").containsEntry("DL_SESSION_COOKIE_SECURE", "false");
    Map<String, Object> defaults = map(ofKind(Chart.render(Chart.Profile.DEFAULTS), "ConfigMap").stream()
        .filter(c -> Manifests.name(c).equals(Chart.RELEASE)).findFirst().orElseThrow().get("data"));
    assertThat(defaults).containsEntry("DL_MODE", "production").containsEntry("DL_SESSION_COOKIE_SECURE", "true");
    assertThatThrownBy(() -> Chart.render(Chart.Profile.DEFAULTS, "--set", "config.mode=prod"))
        .hasMessageContaining("config.mode");
  }

  @Test
  void defaultsRenderTheExpectedKinds() {
    List<String> kinds = Chart.render(Chart.Profile.DEFAULTS).stream().map(Manifests::kind).sorted().toList();
    assertThat(kinds).containsExactly(
        "ConfigMap", "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job",
        "NetworkPolicy", "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount");
  }

  @Test
  void defaultsReadSecretsFromExistingKubernetesSecrets() {
    // The database Secret, and the application's Secret (dl.admin.password) as optional: it is only
    // read while no administrator exists.
    assertThat(secretSources(Chart.render(Chart.Profile.DEFAULTS))).containsExactly(
        Map.of("name", "decision-ledger-db"), Map.of("name", "decision-ledger-app", "optional", true));
    assertThat(secretSources(Chart.render(Chart.Profile.DEFAULTS, "--set", "secrets.kubernetes.appSecretName=")))
        .containsExactly(Map.of("name", "decision-ledger-db"));
  }

  @Test
  void ingressHasClassTlsAndCertManagerIssuer() {
    Map<String, Object> ingress = single(Chart.render(Chart.Profile.DEFAULTS), "Ingress");
    assertThat(at(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
    assertThat(map(at(ingress, "metadata", "annotations"))).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
    assertThat(at(maps(at(ingress, "spec", "tls")).get(0), "secretName")).isEqualTo("decision-ledger-tls");
  }

  @Test
  void httpRouteIsTheAlternativeToIngress() {
    List<Map<String, Object>> objects = Chart.render(Chart.Profile.DEFAULTS,
        "--set", "httpRoute.enabled=true", "--set", "ingress.enabled=false");
    assertThat(ofKind(objects, "Ingress")).isEmpty();
    Map<String, Object> route = single(objects, "HTTPRoute");
    assertThat(list(at(route, "spec", "hostnames"))).containsExactly("decision-ledger.example.com");
    assertThat(at(maps(at(maps(at(route, "spec", "rules")).get(0), "backendRefs")).get(0), "name")).isEqualTo("decision-ledger");
  }

  @Test
  void networkPolicyDeniesByDefaultAndAllowsOnlyTheListedPeers() {
    Map<String, Object> policy = appPolicy(Chart.render(Chart.Profile.DEFAULTS));
    assertThat(list(at(policy, "spec", "policyTypes"))).containsExactly("Ingress", "Egress");
    List<Map<String, Object>> ingress = maps(at(policy, "spec", "ingress"));
    assertThat(ingress).extracting(r -> at(maps(r.get("from")).get(0), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
        .containsExactly("ingress-nginx", "monitoring", null);
    assertThat(ingress).allSatisfy(r -> assertThat(maps(r.get("ports"))).extracting(p -> p.get("port")).containsExactly(9080));
    List<Map<String, Object>> egress = maps(at(policy, "spec", "egress"));
    assertThat(egress).hasSize(2);
    assertThat(maps(egress.get(0).get("ports"))).extracting(p -> p.get("port")).containsOnly(53);
    assertThat(maps(egress.get(1).get("ports"))).extracting(p -> p.get("port")).containsExactly(5432);
  }

  @Test
  void serviceMonitorAndPrometheusRuleOnlyWhenTheirApiExists() {
    assertThat(ofKind(Chart.render(Chart.Profile.DEFAULTS), "ServiceMonitor")).isEmpty();
    assertThat(ofKind(Chart.render(Chart.Profile.DEFAULTS), "PrometheusRule")).isEmpty();
    List<Map<String, Object>> objects = Chart.render(Chart.Profile.DEFAULTS,
        "--api-versions", Chart.SERVICE_MONITOR, "--api-versions", Chart.PROMETHEUS_RULE);
    Map<String, Object> monitor = single(objects, "ServiceMonitor");
    assertThat(maps(at(monitor, "spec", "endpoints")).get(0)).containsEntry("path", "/metrics").containsEntry("port", "http");
    single(objects, "PrometheusRule");
  }

  @Test
  void prometheusRuleCarriesTheRuleFileUnchanged() throws Exception {
    Map<String, Object> rule = single(Chart.render(Chart.Profile.AKS_KEYVAULT), "PrometheusRule");
    Map<String, Object> file = Manifests.parse(Files.readString(Chart.DIR.resolve("files/prometheus/decision-ledger.rules.yaml"))).get(0);
    assertThat(at(rule, "spec", "groups")).isEqualTo(file.get("groups"));
    assertThat(map(at(rule, "metadata", "labels"))).containsEntry("release", "kube-prometheus-stack");
  }

  @Test
  void keyVaultModeMountsAliasedSecretsWithWorkloadIdentity() {
    List<Map<String, Object>> objects = Chart.render(Chart.Profile.AKS_KEYVAULT);
    Map<String, Object> deployment = single(objects, "Deployment");
    assertThat(map(at(deployment, "spec", "template", "metadata", "labels"))).containsEntry("azure.workload.identity/use", "true");
    assertThat(map(at(single(objects, "ServiceAccount"), "metadata", "annotations")))
        .containsEntry("azure.workload.identity/client-id", "00000000-0000-0000-0000-000000000001");
    Map<String, Object> spc = single(objects, "SecretProviderClass");
    assertThat(at(spc, "spec", "provider")).isEqualTo("azure");
    Map<String, Object> params = map(at(spc, "spec", "parameters"));
    assertThat(params).containsEntry("usePodIdentity", "false").containsEntry("keyvaultName", "kv-decision-ledger")
        .containsEntry("clientID", "00000000-0000-0000-0000-000000000001");
    // The objects parameter is YAML inside a string: parse it as the driver does.
    Map<String, Object> objectsParam = Manifests.parse((String) params.get("objects")).get(0);
    List<Map<String, Object>> secrets = list(objectsParam.get("array")).stream()
        .map(s -> Manifests.parse((String) s).get(0)).toList();
    assertThat(secrets).extracting(s -> s.get("objectName") + "->" + s.get("objectAlias"))
        .containsExactly("dl-db-password->dl.db.password", "dl-db-user->dl.db.user", "dl-db-url->dl.db.url",
            "dl-admin-password->dl.admin.password");
    assertThat(maps(at(spc, "spec", "secretObjects")).get(0)).containsEntry("secretName", "decision-ledger-db-synced");
    assertCsiVolume(deployment, Manifests.name(spc));
  }

  @Test
  void vaultModeMountsTheVaultSecretsThroughItsCsiProvider() {
    List<Map<String, Object>> objects = Chart.render(Chart.Profile.VAULT);
    Map<String, Object> spc = single(objects, "SecretProviderClass");
    assertThat(at(spc, "spec", "provider")).isEqualTo("vault");
    List<Map<String, Object>> secrets = maps(parseYamlList((String) at(spc, "spec", "parameters", "objects")));
    assertThat(secrets).extracting(s -> s.get("objectName"))
        .containsExactly("dl.db.password", "dl.db.user", "dl.db.url", "dl.admin.password");
    assertThat(at(spc, "spec", "parameters", "roleName")).isEqualTo("decision-ledger");
    assertThat(map(at(single(objects, "Deployment"), "spec", "template", "metadata", "labels")))
        .doesNotContainKey("azure.workload.identity/use");
    assertCsiVolume(single(objects, "Deployment"), Manifests.name(spc));
  }

  @Test
  void extraObjectsAddSecretsWithoutRepeatingTheDefaults() {
    // The OpenID Connect client secret is optional: added beside the default objects, in both CSI modes.
    Map<String, Object> keyVault = single(Chart.render(Chart.Profile.AKS_KEYVAULT, "--set-json",
        "secrets.azureKeyVault.extraObjects=[{\"name\":\"dl-auth-oidc-client-secret\",\"alias\":\"dl.auth.oidc.client-secret\"}]"),
        "SecretProviderClass");
    List<Map<String, Object>> kvObjects = list(Manifests.parse((String) at(keyVault, "spec", "parameters", "objects")).get(0).get("array"))
        .stream().map(o -> Manifests.parse((String) o).get(0)).toList();
    assertThat(kvObjects).extracting(o -> o.get("objectAlias"))
        .containsExactly("dl.db.password", "dl.db.user", "dl.db.url", "dl.admin.password", "dl.auth.oidc.client-secret");
    assertThat(maps(at(maps(at(keyVault, "spec", "secretObjects")).get(0), "data"))).extracting(d -> d.get("key"))
        .contains("dl.auth.oidc.client-secret");

    Map<String, Object> vault = single(Chart.render(Chart.Profile.VAULT, "--set-json",
        "secrets.vault.extraObjects=[{\"fileName\":\"dl.auth.oidc.client-secret\",\"secretPath\":\"secret/data/decision-ledger/app\",\"secretKey\":\"oidc-client-secret\"}]"),
        "SecretProviderClass");
    assertThat(maps(parseYamlList((String) at(vault, "spec", "parameters", "objects")))).extracting(o -> o.get("objectName"))
        .containsExactly("dl.db.password", "dl.db.user", "dl.db.url", "dl.admin.password", "dl.auth.oidc.client-secret");
  }

  @Test
  void secretsModeChangesOnlyTheSecretsVolume() {
    // The application sees the same container (image, env, mounts) in every mode.
    Map<String, Object> kubernetes = container(Chart.render(Chart.Profile.DEFAULTS));
    Map<String, Object> vault = container(Chart.render(Chart.Profile.DEFAULTS, "--set", "secrets.mode=vault"));
    Map<String, Object> keyVault = container(Chart.render(Chart.Profile.DEFAULTS, "--set", "secrets.mode=azureKeyVault",
        "--set", "secrets.azureKeyVault.vaultName=kv", "--set", "workloadIdentity.clientId=c", "--set", "workloadIdentity.tenantId=t"));
    assertThat(vault).isEqualTo(kubernetes);
    assertThat(keyVault).isEqualTo(kubernetes);
  }

  @Test
  void keyVaultModeWithoutAVaultNameFailsToRender() {
    Tool.Result result = Chart.helm().run(Chart.DIR, "template", Chart.RELEASE, Chart.DIR.toString(), "--set", "secrets.mode=azureKeyVault");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("secrets.azureKeyVault");
  }

  @Test
  void k3sDevRunsPostgresqlFromCloudNativePg() {
    List<Map<String, Object>> objects = Chart.render(Chart.Profile.K3S_DEV);
    Map<String, Object> cluster = single(objects, "Cluster");
    assertThat(at(cluster, "apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
    assertThat(at(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo("decisionledger");
    List<Map<String, Object>> sources = secretSources(objects);
    assertThat(sources.get(0)).containsEntry("name", Manifests.name(cluster) + "-app");
    assertThat(maps(sources.get(0).get("items"))).extracting(i -> i.get("path")).containsExactly("dl.db.user", "dl.db.password");
    assertThat(sources.get(1)).isEqualTo(Map.of("name", "decision-ledger-app", "optional", true));
    Map<String, Object> policy = appPolicy(objects);
    assertThat(at(maps(maps(at(policy, "spec", "egress")).get(1).get("to")).get(0), "podSelector", "matchLabels", "cnpg.io/cluster"))
        .isEqualTo(Manifests.name(cluster));
    assertThat(ofKind(Chart.render(Chart.Profile.DEFAULTS), "Cluster")).isEmpty();
  }

  @Test
  void openShiftLeavesUidAndGroupToTheCluster() {
    Map<String, Object> pod = Manifests.podSpec(single(Chart.render(Chart.Profile.OPENSHIFT), "Deployment")).orElseThrow();
    assertThat(map(pod.get("securityContext"))).doesNotContainKeys("runAsUser", "runAsGroup", "fsGroup")
        .containsEntry("runAsNonRoot", true);
  }

  @Test
  void imageByTagOrDigest() {
    assertThat(container(Chart.render(Chart.Profile.DEFAULTS)).get("image")).isEqualTo("decision-ledger:0.1.0");
    String digest = "sha256:" + "a".repeat(64);
    assertThat(container(Chart.render(Chart.Profile.DEFAULTS, "--set", "image.digest=" + digest)).get("image"))
        .isEqualTo("decision-ledger@" + digest);
  }

  @Test
  void grafanaDashboardsAreConfigMapsForTheSidecar() {
    List<Map<String, Object>> dashboards = ofKind(Chart.render(Chart.Profile.AKS_KEYVAULT), "ConfigMap").stream()
        .filter(c -> "1".equals(at(c, "metadata", "labels", "grafana_dashboard"))).toList();
    assertThat(dashboards).hasSize(1);
    String json = (String) map(dashboards.get(0).get("data")).get("decision-ledger-overview.json");
    assertThat(json).contains("${datasource}").contains("\"uid\": \"decision-ledger-overview\"");
  }

  @Test
  void helmTestChecksReadinessThroughTheService() {
    Map<String, Object> job = single(Chart.render(Chart.Profile.DEFAULTS), "Job");
    assertThat(map(at(job, "metadata", "annotations"))).containsEntry("helm.sh/hook", "test");
    Map<String, Object> test = maps(at(job, "spec", "template", "spec", "containers")).get(0);
    assertThat(list(test.get("command"))).containsExactly("bash", "/checks/ready-check.sh", "decision-ledger.decision-ledger.svc", "80");
    Map<String, Object> script = ofKind(Chart.render(Chart.Profile.DEFAULTS), "ConfigMap").stream()
        .filter(c -> Manifests.name(c).equals("decision-ledger-test-ready")).findFirst().orElseThrow();
    assertThat(map(script.get("data")).get("ready-check.sh")).isEqualTo(readString(Chart.DIR.resolve("files/tests/ready-check.sh")));
  }

  /** The Secrets projected into /config/variables/ in kubernetes mode. */
  private static List<Map<String, Object>> secretSources(List<Map<String, Object>> objects) {
    Map<String, Object> pod = Manifests.podSpec(single(objects, "Deployment")).orElseThrow();
    Map<String, Object> secrets = maps(pod.get("volumes")).stream().filter(v -> "secrets".equals(v.get("name"))).findFirst().orElseThrow();
    assertThat(at(secrets, "projected", "defaultMode")).isEqualTo(0444);
    return maps(at(secrets, "projected", "sources")).stream().map(s -> map(s.get("secret"))).toList();
  }

  private static void assertCsiVolume(Map<String, Object> deployment, String providerClass) {
    Map<String, Object> pod = Manifests.podSpec(deployment).orElseThrow();
    Map<String, Object> secrets = maps(pod.get("volumes")).stream().filter(v -> "secrets".equals(v.get("name"))).findFirst().orElseThrow();
    assertThat(at(secrets, "csi", "driver")).isEqualTo("secrets-store.csi.k8s.io");
    assertThat(at(secrets, "csi", "volumeAttributes", "secretProviderClass")).isEqualTo(providerClass);
  }

  /** The application's NetworkPolicy (the other one belongs to the helm test pod). */
  private static Map<String, Object> appPolicy(List<Map<String, Object>> objects) {
    return ofKind(objects, "NetworkPolicy").stream().filter(p -> Manifests.name(p).equals(Chart.RELEASE)).findFirst().orElseThrow();
  }

  @Test
  void helmTestPodHasItsOwnDenyByDefaultPolicy() {
    Map<String, Object> policy = ofKind(Chart.render(Chart.Profile.DEFAULTS), "NetworkPolicy").stream()
        .filter(p -> Manifests.name(p).equals("decision-ledger-test-ready")).findFirst().orElseThrow();
    assertThat(map(at(policy, "metadata", "annotations"))).containsEntry("helm.sh/hook", "test");
    assertThat(list(at(policy, "spec", "policyTypes"))).containsExactly("Ingress", "Egress");
    assertThat(at(policy, "spec", "ingress")).isNull();
  }

  private static Map<String, Object> container(List<Map<String, Object>> objects) {
    return maps(at(single(objects, "Deployment"), "spec", "template", "spec", "containers")).get(0);
  }

  private static String readString(java.nio.file.Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Object parseYamlList(String yaml) {
    try {
      return Manifests.YAML.readValue(yaml, List.class);
    } catch (Exception e) {
      throw new AssertionError("not a YAML list: " + yaml, e);
    }
  }

  @Test
  void tracingIsOffByDefault() {
    List<Map<String, Object>> objects = Chart.render(Chart.Profile.DEFAULTS);
    Map<String, Object> data = map(appConfig(objects).get("data"));
    assertThat(data).containsEntry("OTEL_SDK_DISABLED", "true");
    assertThat(data.keySet()).filteredOn(key -> key.startsWith("OTEL_")).containsExactly("OTEL_SDK_DISABLED");
    assertThat(maps(at(appPolicy(objects), "spec", "egress"))).hasSize(2);
  }

  @Test
  void tracingSendsOnlySpansToTheCollectorAndOpensItsPort() {
    List<Map<String, Object>> objects = Chart.render(Chart.Profile.DEFAULTS, "--set", "tracing.enabled=true",
        "--set", "tracing.endpoint=http://otel-collector.observability:4318", "--set", "tracing.samplerRatio=0.25",
        "--set", "networkPolicy.tracing.namespace=observability");
    Map<String, Object> data = map(appConfig(objects).get("data"));
    assertThat(data).containsEntry("OTEL_SDK_DISABLED", "false")
        .containsEntry("OTEL_SERVICE_NAME", "decision-ledger")
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability:4318")
        .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .containsEntry("OTEL_TRACES_EXPORTER", "otlp")
        .containsEntry("OTEL_METRICS_EXPORTER", "none")
        .containsEntry("OTEL_LOGS_EXPORTER", "none")
        .containsEntry("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
        .containsEntry("OTEL_TRACES_SAMPLER_ARG", "0.25");
    List<Map<String, Object>> egress = maps(at(appPolicy(objects), "spec", "egress"));
    assertThat(egress).hasSize(3);
    Map<String, Object> collector = egress.get(1);
    assertThat(maps(collector.get("ports"))).extracting(p -> p.get("port")).containsExactly(4318);
    assertThat(at(maps(collector.get("to")).get(0), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
        .isEqualTo("observability");
    // A collector outside the cluster: the port to any address.
    List<Map<String, Object>> anywhere = maps(at(appPolicy(Chart.render(Chart.Profile.DEFAULTS,
        "--set", "tracing.enabled=true", "--set", "tracing.endpoint=https://otlp.example.com",
        "--set", "networkPolicy.tracing.namespace=", "--set", "networkPolicy.tracing.port=443")), "spec", "egress"));
    assertThat(anywhere.get(1)).doesNotContainKey("to");
    assertThat(maps(anywhere.get(1).get("ports"))).extracting(p -> p.get("port")).containsExactly(443);
  }

  @Test
  void tracingWithoutAnEndpointFailsToRender() {
    assertThatThrownBy(() -> Chart.render(Chart.Profile.DEFAULTS, "--set", "tracing.enabled=true"))
        .hasMessageContaining("tracing.endpoint");
    assertThatThrownBy(() -> Chart.render(Chart.Profile.DEFAULTS, "--set", "tracing.enabled=true",
        "--set", "tracing.endpoint=http://c:4318", "--set", "tracing.samplerRatio=1.5"))
        .hasMessageContaining("samplerRatio");
  }

  /** The application's ConfigMap (the others hold dashboards and the helm test script). */
  private static Map<String, Object> appConfig(List<Map<String, Object>> objects) {
    return ofKind(objects, "ConfigMap").stream().filter(c -> Manifests.name(c).equals(Chart.RELEASE)).findFirst().orElseThrow();
  }

  @Test
  void renderingFailsOnAnUnknownSecretsMode() {
    assertThatThrownBy(() -> Chart.render(Chart.Profile.DEFAULTS, "--set", "secrets.mode=plaintext"))
        .hasMessageContaining("secrets.mode");
  }
}
