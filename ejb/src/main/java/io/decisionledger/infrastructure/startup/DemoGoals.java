package io.decisionledger.infrastructure.startup;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.goal.GoalDraft;
import io.decisionledger.application.goal.GoalService;
import io.decisionledger.application.goal.ItemDraft;
import io.decisionledger.application.goal.ProofDraft;
import io.decisionledger.domain.model.goal.Goal;
import io.decisionledger.domain.model.goal.GoalItem;
import io.decisionledger.domain.model.goal.GoalKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo goals for a demo database without any: the learning lab's "Success Metrics" (technical
 * mastery, practical experience, architectural insights) and the DevOps product brief's goals,
 * as checklists. A few items are proven by the demo decisions and the Path A vs Path B experiment
 * that {@link DemoData} and {@link DemoDecisions} seed, a few are ticked by hand. Written through
 * the service.
 */
@RolesAllowed(Roles.EDITOR)
@Stateless
public class DemoGoals {

  private static final Logger LOG = Logger.getLogger(DemoGoals.class.getName());

  @PersistenceContext EntityManager em;

  @Inject GoalService goals;

  @Inject
  @ConfigProperty(name = "dl.demo.seed", defaultValue = "true")
  boolean enabled;

  /** A checklist item of the demo, with what proves it (if anything). */
  private record Item(String text, String decisionTitle, boolean byExperiment, String doneNote) {
    static Item open(String text) {
      return new Item(text, null, false, null);
    }

    static Item decision(String text, String decisionTitlePrefix) {
      return new Item(text, decisionTitlePrefix, false, null);
    }

    static Item experiment(String text) {
      return new Item(text, null, true, null);
    }

    static Item done(String text, String note) {
      return new Item(text, null, false, note);
    }
  }

  public void seedIfEnabledAndEmpty() {
    if (!enabled) {
      return;
    }
    if (em.createQuery("select count(g) from Goal g", Long.class).getSingleResult() > 0) {
      return;
    }
    Optional<Long> paths = em.createQuery(
            "select e.id from Experiment e where e.title like 'Path A vs Path B%' order by e.id",
            Long.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
    if (paths.isEmpty()) {
      return; // not a demo database
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    long experiment = paths.get();

    seed(experiment, "Deploy production-grade Kubernetes clusters from scratch", GoalKind.LEARNING,
        today.plusMonths(2), """
        - **Technologies:** Kubernetes (K3s), OpenShift/OKD.
        - **Practical application:** a multi-node HA cluster with real workloads, built both ways
        (Path A: Kubernetes on VMs, Path B: VMs in Kubernetes).""",
        Item.decision("Build a first cluster quickly on the Proxmox hosts (Path A)",
            "Build the lab as Kubernetes on VMs"),
        Item.experiment("Measure control-plane start-up and node overhead on both paths"),
        Item.decision("Choose the lab's platform with recorded evidence",
            "Run VMs inside Kubernetes with KubeVirt"),
        Item.open("Multi-node HA control plane that survives losing a node"),
        Item.open("Storage management with persistent volumes and a default storage class"));

    seed(experiment, "Implement enterprise security patterns (RBAC, network policies, secrets)",
        GoalKind.LEARNING, today.plusMonths(3), """
        - **Technologies:** HashiCorp Vault, Calico network policies, Kubernetes RBAC.
        - **Practical application:** centralised secrets for the entire infrastructure.""",
        Item.open("Security hardening and RBAC with least-privilege roles per team"),
        Item.open("Network policies and micro-segmentation between namespaces"),
        Item.open("Enterprise-grade secrets management in HashiCorp Vault"),
        Item.open("Dynamic secrets and automatic rotation"),
        Item.open("PKI certificate management"));

    seed(experiment, "Design and implement software-defined networking", GoalKind.LEARNING,
        today.plusMonths(4), """
        - **Technologies:** Proxmox SDN (VXLAN/EVPN), Calico, OVN-Kubernetes, VLANs.
        - **Practical application:** an enterprise-grade network architecture.""",
        Item.open("Overlay and underlay network design (VXLAN/EVPN over VLANs)"),
        Item.experiment("Compare pod-to-pod throughput of both paths' networking"),
        Item.open("OVN-Kubernetes unified networking for VMs and pods"),
        Item.open("Service mesh concepts and implementation"));

    seed(experiment, "Automate the full infrastructure lifecycle (deploy to decommission)",
        GoalKind.LEARNING, today.plusMonths(2), """
        - **Technologies:** Terraform, Ansible.
        - **Practical application:** the complete lab infrastructure defined as code.""",
        Item.experiment("Rebuild the platform from Terraform for every measured run"),
        Item.open("State management and collaboration patterns (remote state, locking)"),
        Item.open("Modular, reusable Terraform modules"),
        Item.open("Decommission the lab from code, leaving nothing behind"));

    seed(experiment, "Build comprehensive monitoring and alerting systems", GoalKind.LEARNING,
        today.plusMonths(3), """
        - **Technologies:** Prometheus, Grafana, AlertManager.
        - **Practical application:** a complete observability stack.""",
        Item.open("Infrastructure and application monitoring with Prometheus and Grafana"),
        Item.open("Custom metrics collection and alerting with AlertManager"),
        Item.open("Log aggregation and analysis"),
        Item.open("Performance monitoring and optimisation"));

    seed(experiment, "Implement GitOps workflows for infrastructure changes", GoalKind.LEARNING,
        today.plusMonths(5), """
        Every infrastructure change goes through Git: reviewed, applied by automation, and
        reverted the same way.""",
        Item.done("Keep the lab's infrastructure code in one Git repository",
            "Terraform, Ansible and the manifests live in the lab repository."),
        Item.open("Review every infrastructure change in a pull request"),
        Item.open("Apply merged changes automatically with a GitOps controller"),
        Item.open("Detect and correct drift between Git and the clusters"));

    seed(experiment, "Perform cluster upgrades and disaster recovery procedures", GoalKind.LEARNING,
        today.plusMonths(6), """
        Practical experience: upgrade both paths' clusters and recover them from backups, with
        the steps written down.""",
        Item.open("Back up cluster state (etcd) and persistent volumes"),
        Item.open("Restore a cluster from backup onto fresh nodes"),
        Item.open("Upgrade a cluster one minor version without downtime for workloads"),
        Item.open("Write down the recovery time and recovery point actually achieved"));

    seed(experiment, "Architectural insights from comparing the paradigms", GoalKind.LEARNING,
        null, """
        Moving beyond theoretical knowledge: validate assumptions through practical
        implementation and record the decisions they lead to.""",
        Item.decision("Document trade-offs between virtualization paradigms",
            "Run VMs inside Kubernetes with KubeVirt"),
        Item.experiment("Validate theoretical assumptions through practical implementation"),
        Item.open("Develop informed opinions on technology selection criteria"),
        Item.decision("Build confidence in making complex architectural decisions",
            "Record architecture decisions"));

    seed(experiment, "Product brief: full DevOps chain mastery", GoalKind.SUCCESS,
        today.minusDays(3), """
        The product brief's goals (G1–G9): a production-ready DevOps skill set, layer by layer,
        as the foundation for MLOps.""",
        Item.open("G1: Deploy a complete 3-tier application (frontend, API, database) to"
            + " Kubernetes from scratch"),
        Item.open("G2: Production-grade observability with metrics (Prometheus/Grafana) and"
            + " centralised logging (Loki)"),
        Item.done("G3: Automate infrastructure provisioning with Terraform (Azure resources,"
            + " remote state, modules)", "Modules for AKS, Key Vault and PostgreSQL with remote"
            + " state, checked by tflint and OpenTofu."),
        Item.open("G4: CI/CD pipeline with GitHub Actions covering build, test, push and"
            + " deployment"),
        Item.done("G5: Package and manage applications with Helm charts (custom and community)",
            "The application's chart passes helm lint --strict and installs with its tests."),
        Item.open("G6: Kubernetes networking (Services, Ingress, TLS) following production best"
            + " practices"),
        Item.open("G7: Secrets management, progressively (Kubernetes Secrets to Azure Key"
            + " Vault)"),
        Item.open("G8: Hands-on experience with Azure (ACR, Key Vault, AKS)"),
        Item.open("G9: A portfolio-ready project demonstrating the full DevOps chain"));

    LOG.info("Seeded the demo goals");
  }

  private void seed(long experimentId, String title, GoalKind kind, LocalDate target,
      String description, Item... items) {
    GoalDraft draft = new GoalDraft(title, kind);
    draft.setTargetDate(target);
    draft.setDescription(description);
    List<ItemDraft> drafts = new ArrayList<>();
    for (Item item : items) {
      drafts.add(item.doneNote() == null ? new ItemDraft(item.text())
          : ItemDraft.done(item.text(), item.doneNote()));
    }
    draft.setItems(drafts);
    Goal goal = goals.create(draft);
    List<GoalItem> created = goal.getItems();
    for (int i = 0; i < items.length; i++) {
      Item item = items[i];
      long goalId = goal.getId();
      long itemId = created.get(i).getId();
      if (item.byExperiment()) {
        goals.prove(goalId, itemId, ProofDraft.experiment(experimentId));
      } else if (item.decisionTitle() != null) {
        decision(item.decisionTitle()).ifPresent(
            d -> goals.prove(goalId, itemId, ProofDraft.decision(d)));
      }
    }
  }

  private Optional<Long> decision(String titlePrefix) {
    return em.createQuery("select d.id from Decision d where d.title like :t order by d.number",
            Long.class)
        .setParameter("t", titlePrefix.replace("%", "") + "%")
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
