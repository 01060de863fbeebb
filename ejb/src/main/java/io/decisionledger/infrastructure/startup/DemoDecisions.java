package io.decisionledger.infrastructure.startup;

import io.decisionledger.application.decision.CitationDraft;
import io.decisionledger.application.decision.DecisionDraft;
import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.application.decision.OptionDraft;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Metric;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo decisions for a database without any: three ADRs, two of them citing the Path A vs Path B
 * experiment that {@link DemoData} seeds, one superseded by another. Written through the service.
 */
@Stateless
@jakarta.annotation.security.RolesAllowed(io.decisionledger.domain.model.security.Roles.EDITOR)
public class DemoDecisions {

  private static final Logger LOG = Logger.getLogger(DemoDecisions.class.getName());

  @PersistenceContext EntityManager em;

  @Inject DecisionService decisions;

  @Inject
  @ConfigProperty(name = "dl.demo.seed", defaultValue = "true")
  boolean enabled;

  public void seedIfEnabledAndEmpty() {
    if (!enabled) {
      return;
    }
    if (em.createQuery("select count(d) from Decision d", Long.class).getSingleResult() > 0) {
      return;
    }
    List<Experiment> paths = em.createQuery(
            "select e from Experiment e where e.title like 'Path A vs Path B%' order by e.id",
            Experiment.class)
        .setMaxResults(1)
        .getResultList();
    if (paths.isEmpty()) {
      return;
    }
    Experiment experiment = paths.get(0);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    DecisionDraft adr = draft("Record architecture decisions", DecisionStatus.ACCEPTED,
        today.minusDays(40), "platform-team");
    adr.setContext("We need to keep the reasons behind the lab's architecture, and the evidence"
        + " they rest on, where newcomers and auditors can find them.");
    adr.setChosenOption("ADRs in Decision Ledger");
    adr.setOptions(List.of(
        new OptionDraft("ADRs in Decision Ledger", "Decisions linked to experiments",
            "evidence stays attached\ndrift is flagged", "one more tool"),
        new OptionDraft("Markdown files in the repository", "adr-tools / MADR",
            "plain text, reviewed in pull requests", "numbers copied by hand go stale")));
    adr.setJustification("The numbers behind a decision must not silently change.");
    adr.setBody("""
        We record every significant decision as an ADR in the
        [MADR](https://adr.github.io/madr/) shape and cite the experiments it rests on.
        """);
    decisions.create(adr);

    DecisionDraft pathA = draft("Build the lab as Kubernetes on VMs (Path A)",
        DecisionStatus.ACCEPTED, today.minusDays(30), "platform-team");
    pathA.setContext("The first lab needed a Kubernetes cluster quickly on the Proxmox hosts.");
    pathA.setDrivers("time to a working cluster\nfamiliar tooling");
    pathA.setOptions(List.of(
        new OptionDraft("Path A: Kubernetes on VMs", "K3s on Proxmox VMs",
            "familiar layering\nfast control plane start-up", "VM boots are slow"),
        new OptionDraft("Path B: VMs in Kubernetes", "OKD with KubeVirt on bare metal",
            "one control plane for VMs and pods", "unfamiliar to the team")));
    pathA.setChosenOption("Path A: Kubernetes on VMs");
    pathA.setJustification("Fastest way to a cluster with what the team knew.");
    pathA.setConsequences("VM workloads stay outside Kubernetes.");
    Decision first = decisions.create(pathA);
    cite(first, experiment, "control_plane_startup");

    DecisionDraft pathB = draft("Run VMs inside Kubernetes with KubeVirt (Path B)",
        DecisionStatus.ACCEPTED, today.minusDays(5), "architecture board, platform-team");
    pathB.setContext("""
        Five rebuilds of each path are measured. VM boot time matters most for the lab's
        workloads; platform memory overhead must stay acceptable.""");
    pathB.setDrivers("VM boot time\nmemory overhead per node\none control plane to operate");
    pathB.setOptions(pathA.getOptions());
    pathB.setChosenOption("Path B: VMs in Kubernetes");
    pathB.setJustification("Path B boots VMs clearly faster; its memory overhead is the price.");
    pathB.setConsequences("Operators learn KubeVirt; nodes need about 270 MiB more memory.");
    pathB.setBody("""
        ## Summary

        | Metric | Path A | Path B |
        |---|--:|--:|
        | VM boot time (s) | ~38 | ~24 |
        | Memory overhead per node (MiB) | ~1210 | ~1480 |

        See the experiment's comparison for the run-by-run numbers.
        """);
    Decision second = decisions.create(pathB);
    cite(second, experiment, "vm_boot_time", "memory_overhead_per_node");
    decisions.supersede(first.getId(), second.getId());
    LOG.info("Seeded the demo decisions");
  }

  private void cite(Decision decision, Experiment experiment, String... metricNames) {
    List<Long> ids = em.createQuery(
            "select m from Metric m where m.experiment.id = :e and m.name in :names", Metric.class)
        .setParameter("e", experiment.getId())
        .setParameter("names", List.of(metricNames))
        .getResultList().stream().map(Metric::getId).toList();
    if (!ids.isEmpty()) {
      decisions.cite(decision.getId(), new CitationDraft(experiment.getId(), ids));
    }
  }

  private static DecisionDraft draft(String title, DecisionStatus status, LocalDate date,
      String deciders) {
    DecisionDraft d = new DecisionDraft(title);
    d.setStatus(status);
    d.setDate(date);
    d.setDeciders(deciders);
    return d;
  }
}
