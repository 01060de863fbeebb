package io.decisionledger.application.decision;

import io.decisionledger.application.ComparisonCalculator;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.InputValidator;
import io.decisionledger.application.Page;
import io.decisionledger.domain.model.comparison.Comparison;
import io.decisionledger.domain.model.comparison.MetricComparison;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.decision.ConsideredOption;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.domain.model.decision.Evidence;
import io.decisionledger.domain.model.decision.EvidenceDrift;
import io.decisionledger.domain.model.decision.SupersessionRefused;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.goal.GoalItem;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Architecture decisions: writing them, superseding one by another, citing experiments as frozen
 * evidence, and telling when that evidence drifted (docs/architecture.md D11).
 */
@Stateless
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
public class DecisionService {

  /** Advisory lock keys: numbering and supersession are serialised across the cluster. */
  static final long NUMBER_LOCK = 0x4443_4E55_4D42L;
  static final long SUPERSEDE_LOCK = 0x4443_5355_5052L;

  /** The rollups of an experiment's runs, the rows the evidence hash covers, in a fixed order. */
  private static final String ROLLUPS_SQL =
      """
      SELECT s.metric_id, s.run_id, r.variant_id, s.n, s.mean, s.m2
      FROM run_metric_stats s
      JOIN run r ON r.id = s.run_id
      JOIN variant v ON v.id = r.variant_id
      WHERE v.experiment_id = ?1
      ORDER BY s.metric_id, s.run_id
      """;

  @PersistenceContext EntityManager em;

  @Inject InputValidator inputs;
  @Inject ExperimentService experiments;
  @Inject ComparisonCalculator comparisons;

  // --- the records ---

  @RolesAllowed(Roles.EDITOR)
  public Decision create(DecisionDraft draft) {
    inputs.validate(draft);
    check(draft, null);
    Instant now = Instant.now();
    lock(NUMBER_LOCK);
    int number;
    if (draft.getNumber() != null) {
      number = draft.getNumber();
      if (numberTaken(number)) {
        throw new DomainException.Conflict("Decision number " + number + " is already taken",
            List.of(new FieldError("number", "This number is already taken")));
      }
    } else {
      number = em.createQuery("select coalesce(max(d.number), 0) from Decision d", Integer.class)
          .getSingleResult() + 1;
    }
    Decision decision = new Decision(number, draft.getTitle(), now);
    apply(decision, draft, now);
    em.persist(decision);
    return decision;
  }

  @RolesAllowed(Roles.EDITOR)
  public Decision update(long id, DecisionDraft draft) {
    inputs.validate(draft);
    Decision decision = get(id);
    check(draft, decision);
    if (draft.getNumber() != null && draft.getNumber() != decision.getNumber()) {
      throw DomainException.InvalidInput.of("number", "The number of a decision cannot change");
    }
    apply(decision, draft, Instant.now());
    return decision;
  }

  /** Deletes a decision and its evidence; one that supersedes others stays (409). */
  @RolesAllowed(Roles.EDITOR)
  public void delete(long id) {
    Decision decision = get(id);
    List<Decision> superseded = supersededBy(id);
    if (!superseded.isEmpty()) {
      throw new DomainException.Conflict(decision.label() + " supersedes "
          + String.join(", ", superseded.stream().map(Decision::label).toList())
          + ": reinstate those first");
    }
    // The evidence goes through JPA, not only the cascade, so the history records its deletion;
    // so do the goal items it proves, which reopen (the database's SET NULL stays as a net).
    em.createQuery("select e from Evidence e where e.decision.id = :id", Evidence.class)
        .setParameter("id", id).getResultList().forEach(em::remove);
    GoalItem.unproveAll(em.createQuery(
        "select i from GoalItem i join fetch i.goal where i.decision.id = :id", GoalItem.class)
        .setParameter("id", id).getResultList(), Instant.now());
    em.remove(decision);
  }

  /** One decision with its options and successor loaded. */
  public Decision get(long id) {
    List<Decision> found = em.createQuery(
            "select d from Decision d left join fetch d.options left join fetch d.supersededBy"
                + " where d.id = :id", Decision.class)
        .setParameter("id", id)
        .getResultList();
    if (found.isEmpty()) {
      throw new DomainException.NotFound("Decision", id);
    }
    return found.get(0);
  }

  /** The decision with this ADR number, if any. */
  public java.util.Optional<Decision> byNumber(int number) {
    return em.createQuery("select d from Decision d where d.number = :n", Decision.class)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  /** A page of decisions, newest number first. */
  public Page<Decision> list(DecisionQuery query) {
    String where = query.status() == null ? "" : " where d.status = :status";
    var select = em.createQuery("select d from Decision d left join fetch d.supersededBy" + where
        + " order by d.number desc", Decision.class);
    var count = em.createQuery("select count(d) from Decision d" + where, Long.class);
    if (query.status() != null) {
      select.setParameter("status", query.status());
      count.setParameter("status", query.status());
    }
    List<Decision> items =
        select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    return new Page<>(items, count.getSingleResult(), query.offset(), query.limit());
  }

  /** The decisions the given one supersedes (the other direction of the link), oldest first. */
  public List<Decision> supersededBy(long id) {
    return em.createQuery(
            "select d from Decision d where d.supersededBy.id = :id order by d.number",
            Decision.class)
        .setParameter("id", id)
        .getResultList();
  }

  /** A count, public like the metrics that publish it. */
  @PermitAll
  public long countByStatus(DecisionStatus status) {
    return em.createQuery("select count(d) from Decision d where d.status = :s", Long.class)
        .setParameter("s", status)
        .getSingleResult();
  }

  /**
   * Marks decision {@code id} superseded by {@code successorId}. Refused: by itself (400), a
   * successor that does not exist (400), twice, by a rejected decision or in a cycle (409).
   */
  @RolesAllowed(Roles.EDITOR)
  public Decision supersede(long id, Long successorId) {
    if (successorId == null) {
      throw DomainException.InvalidInput.of("supersededBy", "supersededBy is required");
    }
    if (successorId == id) {
      throw DomainException.InvalidInput.of("supersededBy", "A decision cannot supersede itself");
    }
    lock(SUPERSEDE_LOCK);
    Decision older = get(id);
    Decision successor = em.find(Decision.class, successorId);
    if (successor == null) {
      throw DomainException.InvalidInput.of("supersededBy",
          "Decision " + successorId + " does not exist");
    }
    try {
      older.supersedeBy(successor, Instant.now());
    } catch (SupersessionRefused e) {
      throw new DomainException.Conflict(e.getMessage(),
          List.of(new FieldError("supersededBy", e.getMessage())));
    }
    return older;
  }

  // --- evidence ---

  /**
   * Freezes the current comparison of the named metrics (all when none are named) of an
   * experiment as evidence of the decision: one row per metric and variant.
   */
  @RolesAllowed(Roles.EDITOR)
  public List<Evidence> cite(long decisionId, CitationDraft draft) {
    inputs.validate(draft);
    Decision decision = get(decisionId);
    Experiment experiment;
    try {
      experiment = experiments.get(draft.getExperimentId());
    } catch (DomainException.NotFound e) {
      throw DomainException.InvalidInput.of("experimentId", e.getMessage());
    }
    Comparison comparison = comparisons.compare(experiment.getId());
    Map<Long, MetricComparison> byId = new LinkedHashMap<>();
    comparison.metrics().forEach(m -> byId.put(m.metricId(), m));
    List<MetricComparison> cited = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    if (draft.getMetricIds().isEmpty()) {
      byId.values().stream().filter(DecisionService::hasData).forEach(cited::add);
      if (cited.isEmpty()) {
        errors.add(new FieldError("metricIds", "The experiment has no measurements to cite"));
      }
    } else {
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < draft.getMetricIds().size(); i++) {
        Long metricId = draft.getMetricIds().get(i);
        MetricComparison metric = metricId == null ? null : byId.get(metricId);
        if (metric == null) {
          errors.add(new FieldError("metricIds[" + i + "]",
              "Metric " + metricId + " is not a metric of experiment " + experiment.getId()));
        } else if (!hasData(metric)) {
          errors.add(new FieldError("metricIds[" + i + "]",
              "Metric " + metric.metric() + " has no measurements to cite"));
        } else if (seen.add(metricId)) {
          cited.add(metric);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput("The citation names invalid metrics", errors);
    }
    Map<Long, String> hashes = rollupHashes(experiment.getId());
    Instant now = Instant.now();
    List<Evidence> frozen = new ArrayList<>();
    for (MetricComparison metric : cited) {
      List<Evidence> existing = em.createQuery(
              "select e from Evidence e where e.decision.id = :d and e.metricId = :m",
              Evidence.class)
          .setParameter("d", decisionId)
          .setParameter("m", metric.metricId())
          .getResultList();
      if (!existing.isEmpty()) {
        if (!draft.isReplace()) {
          throw new DomainException.Conflict("Metric " + metric.metric() + " is already cited by "
              + decision.label() + "; cite with replace=true to freeze it again",
              List.of(new FieldError("metricIds", "Already cited: " + metric.metric())));
        }
        existing.forEach(em::remove);
        em.flush();
      }
      for (VariantStatistics statistics : metric.variants()) {
        Evidence evidence = new Evidence(decision, experiment.getId(), experiment.getTitle(),
            metric.metricId(), metric.metric(), metric.unit(), metric.direction(), statistics,
            hashes.getOrDefault(metric.metricId(), sha256("")), now);
        em.persist(evidence);
        frozen.add(evidence);
      }
    }
    decision.touch(now);
    return frozen;
  }

  /** The frozen evidence of a decision, by experiment, metric, baseline first. */
  public List<Evidence> evidence(long decisionId) {
    get(decisionId);
    return evidenceOf(decisionId);
  }

  private List<Evidence> evidenceOf(long decisionId) {
    return em.createQuery("select e from Evidence e where e.decision.id = :d"
                + " order by e.citedAt, e.experimentTitle, e.metricName, e.baseline desc,"
                + " e.variantName", Evidence.class)
        .setParameter("d", decisionId)
        .getResultList();
  }

  /**
   * The decision's frozen evidence beside the current comparison, with drift flags (D11). The
   * report's decision is loaded as by {@link #get} (with its options and successor), so a page
   * that shows both needs only this call.
   */
  public EvidenceReport drift(long decisionId) {
    Decision decision = get(decisionId);
    return new EvidenceReport(decision, compareWithCurrent(evidenceOf(decisionId), new HashMap<>()));
  }

  /** How many accepted decisions drifted: a count, public like the metric that publishes it. */
  @PermitAll
  public int driftedCount() {
    return drifted().size();
  }

  /**
   * Accepted decisions whose evidence drifted, lowest number first. Each cited experiment is
   * compared once, from its rollups.
   */
  public List<EvidenceReport> drifted() {
    List<Evidence> rows = em.createQuery(
            "select e from Evidence e join fetch e.decision d where d.status = :accepted"
                + " order by d.number, e.experimentTitle, e.metricName, e.baseline desc,"
                + " e.variantName", Evidence.class)
        .setParameter("accepted", DecisionStatus.ACCEPTED)
        .getResultList();
    Map<Long, List<Evidence>> byDecision = new LinkedHashMap<>();
    Map<Long, Decision> decisions = new HashMap<>();
    for (Evidence e : rows) {
      byDecision.computeIfAbsent(e.getDecision().getId(), k -> new ArrayList<>()).add(e);
      decisions.put(e.getDecision().getId(), e.getDecision());
    }
    Map<Long, Current> cache = new HashMap<>();
    List<EvidenceReport> drifted = new ArrayList<>();
    byDecision.forEach((id, evidence) -> {
      EvidenceReport report =
          new EvidenceReport(decisions.get(id), compareWithCurrent(evidence, cache));
      if (report.drifted()) {
        drifted.add(report);
      }
    });
    return drifted;
  }

  /** The current comparison and rollup hashes of one experiment; null when it is gone. */
  private record Current(Map<String, VariantStatistics> statistics, Map<Long, String> hashes) {}

  private List<CitedEvidence> compareWithCurrent(List<Evidence> rows, Map<Long, Current> cache) {
    List<CitedEvidence> result = new ArrayList<>();
    for (Evidence e : rows) {
      Current current = e.getExperimentId() == null ? null
          : cache.computeIfAbsent(e.getExperimentId(), this::current);
      VariantStatistics now = current == null || e.getMetricId() == null || e.getVariantId() == null
          ? null : current.statistics().get(e.getMetricId() + "/" + e.getVariantId());
      String hash = now == null ? null : current.hashes().getOrDefault(e.getMetricId(), sha256(""));
      EvidenceDrift drift = e.driftAgainst(now, hash);
      result.add(new CitedEvidence(e, now, hash, drift));
    }
    return result;
  }

  private Current current(long experimentId) {
    Comparison comparison;
    try {
      comparison = comparisons.compare(experimentId);
    } catch (DomainException.NotFound e) {
      return null;
    }
    Map<String, VariantStatistics> statistics = new HashMap<>();
    for (MetricComparison m : comparison.metrics()) {
      for (VariantStatistics s : m.variants()) {
        statistics.put(m.metricId() + "/" + s.variantId(), s);
      }
    }
    return new Current(statistics, rollupHashes(experimentId));
  }

  /**
   * Per metric of the experiment, the SHA-256 over its run rollups (run, variant, n, mean, M2 in
   * run order): any measurement added or removed changes it; reading it costs one row per run.
   */
  Map<Long, String> rollupHashes(long experimentId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(ROLLUPS_SQL, Object[].class)
        .setParameter(1, experimentId)
        .getResultList();
    Map<Long, StringBuilder> text = new LinkedHashMap<>();
    for (Object[] row : rows) {
      long metricId = ((Number) row[0]).longValue();
      text.computeIfAbsent(metricId, k -> new StringBuilder())
          .append(((Number) row[1]).longValue()).append('|')
          .append(((Number) row[2]).longValue()).append('|')
          .append(((Number) row[3]).longValue()).append('|')
          .append(Double.toHexString(((Number) row[4]).doubleValue())).append('|')
          .append(Double.toHexString(((Number) row[5]).doubleValue())).append('\n');
    }
    Map<Long, String> hashes = new HashMap<>();
    text.forEach((metricId, rollups) -> hashes.put(metricId, sha256(rollups.toString())));
    return hashes;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean hasData(MetricComparison metric) {
    return metric.variants().stream().anyMatch(v -> v.n() > 0);
  }

  // --- helpers ---

  /** The rules Bean Validation cannot say, each naming its field. */
  static void check(DecisionDraft draft, Decision existing) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<OptionDraft> options = draft.getOptions();
    for (int i = 0; i < options.size(); i++) {
      OptionDraft o = options.get(i);
      if (o == null) {
        errors.add(new FieldError("options[" + i + "]", "An option is required"));
      } else if (o.getName() != null && !o.getName().isBlank()
          && !names.add(o.getName().strip().toLowerCase(Locale.ROOT))) {
        errors.add(new FieldError("options[" + i + "].name", "Two options have this name"));
      }
    }
    String chosen = draft.getChosenOption() == null ? null : draft.getChosenOption().strip();
    if (chosen != null && !chosen.isEmpty() && !names.isEmpty()
        && !names.contains(chosen.toLowerCase(Locale.ROOT))) {
      errors.add(new FieldError("chosenOption",
          "The chosen option must be one of the considered options"));
    }
    boolean superseded = existing != null && existing.getStatus() == DecisionStatus.SUPERSEDED;
    if (draft.getStatus() == DecisionStatus.SUPERSEDED && !superseded) {
      errors.add(new FieldError("status",
          "A decision becomes superseded by naming its successor (POST …/supersede)"));
    }
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput("The request has invalid fields", errors);
    }
  }

  static void apply(Decision decision, DecisionDraft draft, Instant now) {
    List<ConsideredOption> options = draft.getOptions().stream()
        .map(o -> new ConsideredOption(o.getName(), o.getDescription(), o.getPros(), o.getCons()))
        .toList();
    decision.describe(draft.getTitle(), draft.getDate(), draft.getDeciders(), draft.getContext(),
        draft.getDrivers(), options, draft.getChosenOption(), draft.getJustification(),
        draft.getConsequences(), draft.getBody(), now);
    if (draft.getStatus() != null) {
      decision.changeStatus(draft.getStatus(), now);
    }
  }

  private boolean numberTaken(int number) {
    return em.createQuery("select count(d) from Decision d where d.number = :n", Long.class)
        .setParameter("n", number)
        .getSingleResult() > 0;
  }

  /** A transaction-scoped PostgreSQL advisory lock. */
  private void lock(long key) {
    em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) l")
        .setParameter(1, key)
        .getSingleResult();
  }
}
