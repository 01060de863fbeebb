package io.decisionledger.application;

import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.Variant;
import io.decisionledger.domain.model.goal.GoalItem;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Experiments, their variants and their metrics: creation, change, listing. */
@Stateless
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ, Roles.API_INGEST})
public class ExperimentService {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "title", "lower(e.title)",
          "owner", "lower(e.owner)",
          "status", "e.status",
          "createdAt", "e.createdAt",
          "updatedAt", "e.updatedAt");

  @PersistenceContext EntityManager em;

  @Inject InputValidator inputs;

  @RolesAllowed(Roles.EDITOR)
  public Experiment create(ExperimentDraft draft) {
    inputs.validate(draft);
    Instant now = Instant.now();
    Experiment experiment =
        new Experiment(draft.getTitle(), draft.getHypothesis(), draft.getDescription(),
            draft.getOwner(), now);
    if (draft.getStatus() != null) {
      experiment.changeStatus(draft.getStatus(), now);
    }
    em.persist(experiment);
    return experiment;
  }

  @RolesAllowed(Roles.EDITOR)
  public Experiment update(long id, ExperimentDraft draft) {
    inputs.validate(draft);
    Experiment experiment = get(id);
    Instant now = Instant.now();
    experiment.describe(draft.getTitle(), draft.getHypothesis(), draft.getDescription(),
        draft.getOwner(), now);
    if (draft.getStatus() != null) {
      experiment.changeStatus(draft.getStatus(), now);
    }
    return experiment;
  }

  /**
   * Deletes an experiment with its variants, metrics and runs. The children go through JPA, not
   * only the database's cascade, so that the history records each deletion (measurements and
   * rollups still go by cascade: they are not in the history).
   */
  @RolesAllowed(Roles.EDITOR)
  public void delete(long id) {
    Experiment experiment = get(id);
    removeRuns("select r from Run r where r.variant.experiment.id = :id", id);
    em.createQuery("select v from Variant v where v.experiment.id = :id", Variant.class)
        .setParameter("id", id).getResultList().forEach(em::remove);
    em.createQuery("select m from Metric m where m.experiment.id = :id", Metric.class)
        .setParameter("id", id).getResultList().forEach(em::remove);
    // Goal items it proves reopen through JPA, so the history records that too.
    GoalItem.unproveAll(em.createQuery(
        "select i from GoalItem i join fetch i.goal where i.experiment.id = :id", GoalItem.class)
        .setParameter("id", id).getResultList(), Instant.now());
    em.remove(experiment);
  }

  private void removeRuns(String query, long id) {
    em.createQuery(query, Run.class).setParameter("id", id).getResultList().forEach(em::remove);
  }

  public Experiment get(long id) {
    Experiment experiment = em.find(Experiment.class, id);
    if (experiment == null) {
      throw new DomainException.NotFound("Experiment", id);
    }
    return experiment;
  }

  /**
   * The experiment with its variants and metrics in one transaction (three statements), for a
   * page that shows all three: the same as {@link #get}, {@link #variants} and {@link #metrics}.
   */
  public ExperimentOverview overview(long id) {
    Experiment experiment = get(id);
    return new ExperimentOverview(experiment, variantsOf(id), metricsOf(id));
  }

  /** A page of experiments, filtered and sorted in the database. */
  public Page<Experiment> list(ExperimentQuery query) {
    String orderBy = SORTABLE.get(query.sort());
    if (orderBy == null) {
      throw DomainException.InvalidInput.of(
          "sort", "Sort must be one of " + String.join(", ", SORTABLE.keySet().stream().sorted().toList()));
    }
    // The text filter is a substring match served by trigram indexes (V9). The page selects the
    // matching ids in a subquery: written as a plain filter beside ORDER BY … LIMIT, PostgreSQL
    // walks the sort index and filters row by row, betting that matches are spread evenly (a
    // filter matching the oldest 1% took all 10,000 rows); as a subquery it chooses between the
    // trigram bitmap with a top-N sort (few matches) and the sort index (many). The count filters
    // directly: one bitmap scan.
    String textFilter = "(lower(%1$s.title) like :text escape '\\'"
        + " or lower(%1$s.owner) like :text escape '\\'"
        + " or lower(coalesce(%1$s.hypothesis, '')) like :text escape '\\')";
    StringBuilder where = new StringBuilder(" where 1 = 1");
    StringBuilder countWhere = new StringBuilder(" where 1 = 1");
    List<Object[]> params = new ArrayList<>();
    if (query.text() != null && !query.text().isBlank()) {
      where.append(" and e.id in (select f.id from Experiment f where ")
          .append(String.format(Locale.ROOT, textFilter, "f")).append(')');
      countWhere.append(" and ").append(String.format(Locale.ROOT, textFilter, "e"));
      params.add(new Object[] {"text", "%" + likeEscape(query.text().strip().toLowerCase(Locale.ROOT)) + "%"});
    }
    if (query.status() != null) {
      where.append(" and e.status = :status");
      countWhere.append(" and e.status = :status");
      params.add(new Object[] {"status", query.status()});
    }
    String direction = query.ascending() ? " asc" : " desc";
    TypedQuery<Experiment> select =
        em.createQuery(
            "select e from Experiment e" + where + " order by " + orderBy + direction
                + ", e.id" + direction,
            Experiment.class);
    TypedQuery<Long> count =
        em.createQuery("select count(e) from Experiment e" + countWhere, Long.class);
    for (Object[] p : params) {
      select.setParameter((String) p[0], p[1]);
      count.setParameter((String) p[0], p[1]);
    }
    List<Experiment> items =
        select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    return new Page<>(items, count.getSingleResult(), query.offset(), query.limit());
  }

  private static String likeEscape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public List<Experiment> recent(int limit) {
    return em.createQuery("select e from Experiment e order by e.updatedAt desc, e.id desc",
            Experiment.class)
        .setMaxResults(limit)
        .getResultList();
  }

  public long countByStatus(ExperimentStatus status) {
    return em.createQuery("select count(e) from Experiment e where e.status = :s", Long.class)
        .setParameter("s", status)
        .getSingleResult();
  }

  // --- variants ---

  public List<Variant> variants(long experimentId) {
    get(experimentId);
    return variantsOf(experimentId);
  }

  /** The experiment's variants, the baseline first. */
  private List<Variant> variantsOf(long experimentId) {
    return em.createQuery(
            "select v from Variant v where v.experiment.id = :id order by v.baseline desc, v.name",
            Variant.class)
        .setParameter("id", experimentId)
        .getResultList();
  }

  public Variant getVariant(long variantId) {
    List<Variant> found =
        em.createQuery(
                "select v from Variant v join fetch v.experiment where v.id = :id", Variant.class)
            .setParameter("id", variantId)
            .getResultList();
    if (found.isEmpty()) {
      throw new DomainException.NotFound("Variant", variantId);
    }
    return found.get(0);
  }

  /** Adds a variant; the first variant of an experiment, or one marked so, is the baseline. */
  @RolesAllowed(Roles.EDITOR)
  public Variant addVariant(long experimentId, VariantDraft draft) {
    inputs.validate(draft);
    Experiment experiment = get(experimentId);
    requireUniqueVariantName(experimentId, draft.getName(), null);
    Variant variant = new Variant(experiment, draft.getName(), draft.getDescription());
    boolean first = variants(experimentId).isEmpty();
    if (draft.isBaseline() || first) {
      clearBaseline(experimentId);
      variant.markBaseline();
    }
    em.persist(variant);
    experiment.touch(Instant.now());
    return variant;
  }

  @RolesAllowed(Roles.EDITOR)
  public Variant updateVariant(long variantId, VariantDraft draft) {
    inputs.validate(draft);
    Variant variant = getVariant(variantId);
    long experimentId = variant.getExperiment().getId();
    requireUniqueVariantName(experimentId, draft.getName(), variantId);
    variant.rename(draft.getName(), draft.getDescription());
    if (draft.isBaseline() && !variant.isBaseline()) {
      clearBaseline(experimentId);
      variant.markBaseline();
    }
    variant.getExperiment().touch(Instant.now());
    return variant;
  }

  /**
   * Deletes a variant with its runs (through JPA, so the history records them); the baseline goes
   * only when it is the last variant.
   */
  @RolesAllowed(Roles.EDITOR)
  public void deleteVariant(long variantId) {
    Variant variant = getVariant(variantId);
    if (variant.isBaseline() && variants(variant.getExperiment().getId()).size() > 1) {
      throw new DomainException.Conflict(
          "Variant '" + variant.getName() + "' is the baseline: make another variant the baseline first");
    }
    variant.getExperiment().touch(Instant.now());
    removeRuns("select r from Run r where r.variant.id = :id", variantId);
    em.remove(variant);
  }

  private void clearBaseline(long experimentId) {
    em.createQuery("select v from Variant v where v.experiment.id = :id and v.baseline = true",
            Variant.class)
        .setParameter("id", experimentId)
        .getResultList()
        .forEach(Variant::clearBaseline);
    em.flush();
  }

  private void requireUniqueVariantName(long experimentId, String name, Long except) {
    Long clash =
        em.createQuery(
                "select count(v) from Variant v where v.experiment.id = :id"
                    + " and lower(v.name) = lower(:name) and (:except is null or v.id <> :except)",
                Long.class)
            .setParameter("id", experimentId)
            .setParameter("name", name.strip())
            .setParameter("except", except)
            .getSingleResult();
    if (clash > 0) {
      throw new DomainException.Conflict(
          "A variant named '" + name.strip() + "' already exists in this experiment",
          List.of(new FieldError("name", "A variant with this name already exists")));
    }
  }

  // --- metrics ---

  public List<Metric> metrics(long experimentId) {
    get(experimentId);
    return metricsOf(experimentId);
  }

  private List<Metric> metricsOf(long experimentId) {
    return em.createQuery(
            "select m from Metric m where m.experiment.id = :id order by m.name", Metric.class)
        .setParameter("id", experimentId)
        .getResultList();
  }

  public Metric getMetric(long metricId) {
    List<Metric> found =
        em.createQuery("select m from Metric m join fetch m.experiment where m.id = :id",
                Metric.class)
            .setParameter("id", metricId)
            .getResultList();
    if (found.isEmpty()) {
      throw new DomainException.NotFound("Metric", metricId);
    }
    return found.get(0);
  }

  @RolesAllowed(Roles.EDITOR)
  public Metric addMetric(long experimentId, MetricDraft draft) {
    inputs.validate(draft);
    Experiment experiment = get(experimentId);
    requireUniqueMetricName(experimentId, draft.getName(), null);
    Metric metric = new Metric(experiment, draft.getName(), draft.getUnit(), draft.getDirection(),
        draft.getDescription());
    em.persist(metric);
    experiment.touch(Instant.now());
    return metric;
  }

  @RolesAllowed(Roles.EDITOR)
  public Metric updateMetric(long metricId, MetricDraft draft) {
    inputs.validate(draft);
    Metric metric = getMetric(metricId);
    requireUniqueMetricName(metric.getExperiment().getId(), draft.getName(), metricId);
    metric.define(draft.getName(), draft.getUnit(), draft.getDirection(), draft.getDescription());
    metric.getExperiment().touch(Instant.now());
    return metric;
  }

  @RolesAllowed(Roles.EDITOR)
  public void deleteMetric(long metricId) {
    Metric metric = getMetric(metricId);
    metric.getExperiment().touch(Instant.now());
    em.remove(metric);
  }

  private void requireUniqueMetricName(long experimentId, String name, Long except) {
    Long clash =
        em.createQuery(
                "select count(m) from Metric m where m.experiment.id = :id"
                    + " and m.name = :name and (:except is null or m.id <> :except)",
                Long.class)
            .setParameter("id", experimentId)
            .setParameter("name", name.strip())
            .setParameter("except", except)
            .getSingleResult();
    if (clash > 0) {
      throw new DomainException.Conflict(
          "A metric named '" + name.strip() + "' already exists in this experiment",
          List.of(new FieldError("name", "A metric with this name already exists")));
    }
  }
}
