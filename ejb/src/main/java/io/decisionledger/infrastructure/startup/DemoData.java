package io.decisionledger.infrastructure.startup;

import io.decisionledger.application.ExperimentDraft;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.IngestionService;
import io.decisionledger.application.MeasurementInput;
import io.decisionledger.application.MetricDraft;
import io.decisionledger.application.RunDraft;
import io.decisionledger.application.RunService;
import io.decisionledger.application.VariantDraft;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import io.decisionledger.domain.model.experiment.MetricDirection;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo data for an empty database: the Path A (Kubernetes on VMs) against Path B (VMs in Kubernetes
 * with KubeVirt) comparison from the project's origin, with several runs per variant, so a new user
 * sees a meaningful comparison at once. Written through the same services as real data.
 */
@Stateless
@jakarta.annotation.security.RolesAllowed(io.decisionledger.domain.model.security.Roles.EDITOR)
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  /** Samples of each metric in each run. */
  private static final int SAMPLES = 40;

  @PersistenceContext EntityManager em;

  @Inject ExperimentService experiments;
  @Inject RunService runs;
  @Inject IngestionService ingestion;

  @Inject
  @ConfigProperty(name = "dl.demo.seed", defaultValue = "true")
  boolean enabled;

  /** A metric of the demo and how each path behaves on it (mean, relative spread). */
  private record DemoMetric(
      String name, String unit, MetricDirection direction, String description,
      double meanA, double meanB, double spread) {}

  private static final List<DemoMetric> METRICS =
      List.of(
          new DemoMetric("control_plane_startup", "s", MetricDirection.LOWER_IS_BETTER,
              "Time from power-on to a Ready control plane", 142, 171, 0.06),
          new DemoMetric("memory_overhead_per_node", "MiB", MetricDirection.LOWER_IS_BETTER,
              "Memory used by the platform on each node before workloads", 1210, 1480, 0.04),
          new DemoMetric("pod_density", "pods/node", MetricDirection.HIGHER_IS_BETTER,
              "Pods scheduled per node at steady state", 108, 110, 0.05),
          new DemoMetric("network_throughput", "Gbit/s", MetricDirection.HIGHER_IS_BETTER,
              "iperf3 pod-to-pod throughput across nodes", 8.7, 9.4, 0.03),
          new DemoMetric("vm_boot_time", "s", MetricDirection.LOWER_IS_BETTER,
              "Time from create to SSH-ready for a 2 vCPU VM", 38, 24, 0.08),
          new DemoMetric("storage_iops", "IOPS", MetricDirection.HIGHER_IS_BETTER,
              "fio 4k random read IOPS on the default storage class", 41000, 36500, 0.05));

  public void seedIfEnabledAndEmpty() {
    if (!enabled) {
      return;
    }
    Long count = em.createQuery("select count(e) from Experiment e", Long.class).getSingleResult();
    if (count > 0) {
      return;
    }
    Random random = new Random(20260101L);
    Experiment paths = experiments.create(draft(
        "Path A vs Path B: Kubernetes on VMs against VMs in Kubernetes",
        "Running VMs inside Kubernetes with KubeVirt (Path B) costs no more platform overhead than"
            + " running Kubernetes on traditional VMs (Path A), and boots VMs faster.",
        "The learning lab's central comparison: the same 3-node lab built twice, once as K3s on"
            + " Proxmox VMs and once as OKD with KubeVirt on bare metal. Each run rebuilds the"
            + " platform from Terraform and measures it with the same scripts.",
        "platform-team", ExperimentStatus.RUNNING));
    Variant pathA = experiments.addVariant(paths.getId(), new VariantDraft(
        "Path A: Kubernetes on VMs", "K3s on Proxmox VMs (traditional layering)", true));
    Variant pathB = experiments.addVariant(paths.getId(), new VariantDraft(
        "Path B: VMs in Kubernetes (KubeVirt)", "OKD on bare metal with KubeVirt for VMs", false));
    for (DemoMetric m : METRICS) {
      experiments.addMetric(paths.getId(),
          new MetricDraft(m.name(), m.unit(), m.direction(), m.description()));
    }
    Instant start = Instant.now().minus(Duration.ofDays(30));
    for (int i = 0; i < 5; i++) {
      seedRun(pathA, start.plus(Duration.ofDays(i * 5L)), "proxmox-8.2", true, random);
      seedRun(pathB, start.plus(Duration.ofDays(i * 5L + 1)), "okd-4.17", false, random);
    }

    experiments.create(draft(
        "Secrets: Kubernetes Secrets against Azure Key Vault through the CSI driver",
        "Key Vault via the Secrets Store CSI driver adds under 2 s to pod start-up.",
        "Measures pod start-up and secret rotation latency for both ways of delivering the"
            + " database password.",
        "security-guild", ExperimentStatus.PLANNED));
    experiments.create(draft(
        "Ingress: NGINX Ingress against Gateway API (Envoy)",
        "Gateway API routing matches NGINX Ingress latency at p95 within 5%.",
        "Load test through both data planes with the same TLS configuration.",
        "platform-team", ExperimentStatus.CONCLUDED));
    LOG.info("Seeded the demo data (Path A vs Path B)");
  }

  private void seedRun(Variant variant, Instant startedAt, String platform, boolean pathA,
      Random random) {
    RunDraft draft = new RunDraft();
    draft.setStartedAt(startedAt);
    draft.setFinishedAt(startedAt.plus(Duration.ofHours(2)));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("platform", platform);
    parameters.put("nodes", "3");
    parameters.put("cpu", "AMD EPYC 7443P");
    parameters.put("memory", "128 GiB");
    draft.setParameters(parameters);
    draft.setNotes("Rebuilt from Terraform; measured with the lab's benchmark scripts.");
    Run run = runs.create(variant.getId(), draft, RunSource.API);
    // Each run has its own offset from the true mean: run-to-run variation is what the verdict
    // must see through.
    List<MeasurementInput> rows = new ArrayList<>();
    for (DemoMetric m : METRICS) {
      double mean = pathA ? m.meanA() : m.meanB();
      double runMean = mean * (1 + m.spread() * 0.5 * random.nextGaussian());
      for (int s = 0; s < SAMPLES; s++) {
        double value = runMean * (1 + m.spread() * random.nextGaussian());
        rows.add(new MeasurementInput(m.name(), Math.max(value, 0), (long) s,
            startedAt.plusSeconds(60L * s)));
      }
    }
    ingestion.ingest(run.getId(), rows, null, null);
  }

  private static ExperimentDraft draft(String title, String hypothesis, String description,
      String owner, ExperimentStatus status) {
    ExperimentDraft draft = new ExperimentDraft(title, hypothesis, description, owner);
    draft.setStatus(status);
    return draft;
  }
}
