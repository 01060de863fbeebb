package io.decisionledger.application;

import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs of variants: their timing, environment parameters and notes. */
@Stateless
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ, Roles.API_INGEST})
public class RunService {

  @PersistenceContext EntityManager em;

  @Inject InputValidator inputs;

  @Inject ExperimentService experiments;

  @RolesAllowed({Roles.EDITOR, Roles.API_INGEST})
  public Run create(long variantId, RunDraft draft, RunSource source) {
    inputs.validate(draft);
    Variant variant = experiments.getVariant(variantId);
    Instant now = Instant.now();
    Run run = new Run(variant, source, draft.getStartedAt() == null ? now : draft.getStartedAt(), now);
    apply(run, draft);
    em.persist(run);
    variant.getExperiment().touch(now);
    return run;
  }

  @RolesAllowed({Roles.EDITOR, Roles.API_INGEST})
  public Run update(long runId, RunDraft draft) {
    inputs.validate(draft);
    Run run = get(runId);
    apply(run, draft);
    run.getVariant().getExperiment().touch(Instant.now());
    return run;
  }

  private static void apply(Run run, RunDraft draft) {
    Instant started = draft.getStartedAt() == null ? run.getStartedAt() : draft.getStartedAt();
    if (draft.getFinishedAt() != null && draft.getFinishedAt().isBefore(started)) {
      throw DomainException.InvalidInput.of("finishedAt", "Finished must not be before started");
    }
    for (Map.Entry<String, String> p : draft.getParameters().entrySet()) {
      if (p.getKey() == null || p.getKey().isBlank() || p.getKey().length() > 120) {
        throw DomainException.InvalidInput.of(
            "parameters", "Parameter names must be 1 to 120 characters");
      }
      if (p.getValue() != null && p.getValue().length() > 1000) {
        throw DomainException.InvalidInput.of(
            "parameters." + p.getKey(), "Parameter values must be at most 1000 characters");
      }
    }
    run.schedule(started, draft.getFinishedAt());
    run.annotate(draft.getNotes());
    run.replaceParameters(draft.getParameters());
  }

  @RolesAllowed(Roles.EDITOR)
  public void delete(long runId) {
    Run run = get(runId);
    run.getVariant().getExperiment().touch(Instant.now());
    em.remove(run);
  }

  /** The run with its variant, experiment and parameters loaded. */
  public Run get(long runId) {
    List<Run> found =
        em.createQuery(
                "select r from Run r join fetch r.variant v join fetch v.experiment"
                    + " left join fetch r.parameters where r.id = :id",
                Run.class)
            .setParameter("id", runId)
            .getResultList();
    if (found.isEmpty()) {
      throw new DomainException.NotFound("Run", runId);
    }
    return found.get(0);
  }

  /** Every run of an experiment, newest first within each variant, with its parameters. */
  public List<Run> runsOf(long experimentId) {
    experiments.get(experimentId);
    return em.createQuery(
            "select distinct r from Run r join fetch r.variant v left join fetch r.parameters"
                + " where v.experiment.id = :id order by v.baseline desc, v.name, r.startedAt desc, r.id desc",
            Run.class)
        .setParameter("id", experimentId)
        .getResultList();
  }

  /**
   * One page of an experiment's runs in the order of {@link #runsOf}, each with its variant and
   * parameters: the page with its variants in one statement, the page's parameters in a second,
   * and the count in a third only when the page does not tell the total itself (a later page, or
   * a full first page).
   */
  public Page<Run> runsPage(long experimentId, int offset, int limit) {
    int first = Math.max(0, offset);
    int max = Math.max(1, Math.min(limit, 100));
    List<Run> runs = em.createQuery(
            "select r from Run r join fetch r.variant v where v.experiment.id = :id"
                + " order by v.baseline desc, v.name, r.startedAt desc, r.id desc",
            Run.class)
        .setParameter("id", experimentId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
    if (!runs.isEmpty()) {
      // Fills the parameters of the runs just read (same persistence context), for the page only.
      em.createQuery("select distinct r from Run r left join fetch r.parameters where r in :runs",
              Run.class)
          .setParameter("runs", runs)
          .getResultList();
    }
    long total = first == 0 && runs.size() < max
        ? runs.size()
        : em.createQuery("select count(r) from Run r where r.variant.experiment.id = :id",
                Long.class)
            .setParameter("id", experimentId)
            .getSingleResult();
    return new Page<>(runs, total, first, max);
  }

  /** Measurements of each of these runs, from the rollups (no scan of measurements). */
  public Map<Long, Long> measurementCounts(Collection<Long> runIds) {
    Map<Long, Long> counts = new HashMap<>();
    if (runIds == null || runIds.isEmpty()) {
      return counts;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "select s.run_id, sum(s.n) from run_metric_stats s where s.run_id in (:ids)"
                    + " group by s.run_id",
                Object[].class)
            .setParameter("ids", List.copyOf(runIds))
            .getResultList();
    for (Object[] row : rows) {
      counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** Measurements per run of an experiment, from the rollups (no scan of measurements). */
  public Map<Long, Long> measurementCounts(long experimentId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select s.run_id, sum(s.n) from run_metric_stats s join run r on r.id = s.run_id"
                    + " join variant v on v.id = r.variant_id where v.experiment_id = ?1"
                    + " group by s.run_id",
                Object[].class)
            .setParameter(1, experimentId)
            .getResultList();
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return counts;
  }
}
