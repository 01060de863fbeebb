package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.ComparisonService;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentOverview;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.MetricDraft;
import io.decisionledger.application.Page;
import io.decisionledger.application.RunService;
import io.decisionledger.application.VariantDraft;
import io.decisionledger.application.goal.GoalService;
import io.decisionledger.application.goal.ProvenItem;
import io.decisionledger.domain.model.comparison.Comparison;
import io.decisionledger.domain.model.comparison.MetricComparison;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.MetricDirection;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.Variant;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One experiment: its variants and metrics (with their forms, rendered only while one is being
 * added or edited), its runs (one page at a time, paged in SQL) and the comparison. Holds the
 * experiment's id and the drafts being edited (both kept with the session, so another replica can
 * continue the view); what the page shows of the experiment is a transient copy, reloaded after
 * each change and on a replica that has not loaded it yet.
 */
@Named("experimentDetail")
@ViewModel
public class ExperimentDetailBean implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(ExperimentDetailBean.class.getName());

  static final Map<String, String> VARIANT_FIELDS =
      Map.of("name", "variantForm:variantName", "description", "variantForm:variantDescription");

  static final Map<String, String> METRIC_FIELDS =
      Map.of(
          "name", "metricForm:metricName",
          "unit", "metricForm:metricUnit",
          "direction", "metricForm:metricDirection",
          "description", "metricForm:metricDescription");

  @Inject ExperimentService experiments;
  @Inject RunService runService;
  @Inject ComparisonService comparisons;
  @Inject GoalService goals;

  private Long id;
  private boolean notFound;

  // What the page shows: entities and the comparison are not Serializable and need not be, the
  // database has them. Null until loaded on this replica.
  private transient Experiment experiment;
  private transient List<Variant> variants;
  private transient List<Metric> metrics;
  private transient List<ProvenItem> provenItems;
  private transient Comparison comparison;
  private transient boolean comparisonFailed;

  private RunLazyModel runs;

  private boolean variantFormOpen;
  private Long editingVariantId;
  private VariantDraft variantDraft = new VariantDraft();
  private boolean metricFormOpen;
  private Long editingMetricId;
  private MetricDraft metricDraft = newMetricDraft();

  @PostConstruct
  void init() {
    runs = new RunLazyModel((offset, limit) -> id == null || notFound
            ? new Page<>(List.of(), 0, offset, limit)
            : runService.runsPage(id, offset, limit),
        runIds -> runService.measurementCounts(runIds));
  }

  /** View action: loads everything the page shows. */
  public void load() {
    if (id == null) {
      notFound = true;
      Messages.error("No experiment was named: open one from the list.");
      return;
    }
    try {
      reload();
    } catch (DomainException.NotFound e) {
      notFound = true;
      Messages.error(e.getMessage());
    }
  }

  /** Loads what the page shows unless this replica has it already. */
  private void loaded() {
    if (experiment != null || notFound || id == null) {
      return;
    }
    try {
      reload();
    } catch (DomainException.NotFound e) {
      notFound = true;
      Messages.error(e.getMessage());
    }
  }

  private void reload() {
    comparisonFailed = false;
    ExperimentOverview overview = experiments.overview(id);
    experiment = overview.experiment();
    variants = overview.variants();
    metrics = overview.metrics();
    runs.refresh();
    provenItems = goals.provenByExperiment(id);
    try {
      comparison = comparisons.compare(id);
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      // The rest of the page stays useful when the statistics fail; the log has the cause.
      LOG.log(Level.SEVERE, "Comparison of experiment " + id + " failed", e);
      comparison = new Comparison(id, null, 0, List.of());
      comparisonFailed = true;
      Messages.error("The comparison could not be computed; the variants, metrics and runs are shown.");
    }
  }

  public boolean isComparisonFailed() {
    loaded();
    return comparisonFailed;
  }

  // --- variants ---

  /** Opens the variant form for a new variant. */
  public void addVariant() {
    editingVariantId = null;
    variantDraft = new VariantDraft();
    variantFormOpen = true;
  }

  public void editVariant(long variantId) {
    getVariants().stream().filter(v -> v.getId() == variantId).findFirst().ifPresent(v -> {
      editingVariantId = v.getId();
      variantFormOpen = true;
      variantDraft = new VariantDraft(v.getName(), v.getDescription(), v.isBaseline());
    });
  }

  public void cancelVariant() {
    variantFormOpen = false;
    editingVariantId = null;
    variantDraft = new VariantDraft();
  }

  public void saveVariant() {
    try {
      Variant saved = editingVariantId == null
          ? experiments.addVariant(id, variantDraft)
          : experiments.updateVariant(editingVariantId, variantDraft);
      Messages.info((editingVariantId == null ? "Added" : "Saved") + " variant '"
          + saved.getName() + "'.");
      cancelVariant();
      reload();
    } catch (DomainException e) {
      Messages.add(e, VARIANT_FIELDS);
    }
  }

  public void makeBaseline(long variantId) {
    try {
      Variant v = experiments.getVariant(variantId);
      experiments.updateVariant(variantId, new VariantDraft(v.getName(), v.getDescription(), true));
      Messages.info("'" + v.getName() + "' is now the baseline.");
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of());
    }
  }

  public void deleteVariant(long variantId) {
    try {
      experiments.deleteVariant(variantId);
      Messages.info("Deleted the variant and its runs.");
      if (Long.valueOf(variantId).equals(editingVariantId)) {
        cancelVariant();
      }
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of());
    }
  }

  // --- metrics ---

  /** Opens the metric form for a new metric. */
  public void addMetric() {
    editingMetricId = null;
    metricDraft = newMetricDraft();
    metricFormOpen = true;
  }

  public void editMetric(long metricId) {
    getMetrics().stream().filter(m -> m.getId() == metricId).findFirst().ifPresent(m -> {
      editingMetricId = m.getId();
      metricFormOpen = true;
      metricDraft = new MetricDraft(m.getName(), m.getUnit(), m.getDirection(), m.getDescription());
    });
  }

  public void cancelMetric() {
    metricFormOpen = false;
    editingMetricId = null;
    metricDraft = newMetricDraft();
  }

  public void saveMetric() {
    try {
      Metric saved = editingMetricId == null
          ? experiments.addMetric(id, metricDraft)
          : experiments.updateMetric(editingMetricId, metricDraft);
      Messages.info((editingMetricId == null ? "Added" : "Saved") + " metric '"
          + saved.getName() + "'.");
      cancelMetric();
      reload();
    } catch (DomainException e) {
      Messages.add(e, METRIC_FIELDS);
    }
  }

  public void deleteMetric(long metricId) {
    try {
      experiments.deleteMetric(metricId);
      Messages.info("Deleted the metric and its measurements.");
      if (Long.valueOf(metricId).equals(editingMetricId)) {
        cancelMetric();
      }
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of());
    }
  }

  // --- runs and the experiment ---

  public void deleteRun(long runId) {
    try {
      runService.delete(runId);
      Messages.info("Deleted run #" + runId + " and its measurements.");
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of());
    }
  }

  public String deleteExperiment() {
    try {
      String title = experiments.get(id).getTitle();
      experiments.delete(id);
      Messages.info("Deleted experiment '" + title + "'.");
      Messages.keepForRedirect();
      return "/experiments/list?faces-redirect=true";
    } catch (DomainException e) {
      Messages.add(e, Map.of());
      return null;
    }
  }

  // --- for the view ---

  /** The run's environment parameters as {@code name=value, ...}. */
  public String parameters(Run run) {
    return run.getParameters().entrySet().stream()
        .map(p -> p.getKey() + "=" + p.getValue())
        .collect(Collectors.joining(", "));
  }

  public long measurementCount(Run run) {
    return runs.measurementCount(run);
  }

  public String chart(MetricComparison metric) {
    return ComparisonChart.json(metric);
  }

  public boolean hasChartData(MetricComparison metric) {
    return ComparisonChart.hasData(metric);
  }

  /** Whether some variant has fewer than two runs of this metric (no interval for it). */
  public boolean lacksRuns(MetricComparison metric) {
    return metric.variants().stream().anyMatch(v -> v.runs() < 2);
  }

  public boolean tooFewRuns(VariantStatistics v) {
    return v.runs() < 2;
  }

  public MetricDirection[] getDirections() {
    return MetricDirection.values();
  }

  private static MetricDraft newMetricDraft() {
    MetricDraft draft = new MetricDraft();
    draft.setDirection(MetricDirection.LOWER_IS_BETTER);
    return draft;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public Experiment getExperiment() {
    loaded();
    return experiment;
  }

  public List<Variant> getVariants() {
    loaded();
    return variants == null ? List.of() : variants;
  }

  public List<Metric> getMetrics() {
    loaded();
    return metrics == null ? List.of() : metrics;
  }

  /** The runs, one page at a time. */
  public RunLazyModel getRuns() {
    return runs;
  }

  /** The goals' checklist items this experiment proves. */
  public List<ProvenItem> getProvenItems() {
    loaded();
    return provenItems == null ? List.of() : provenItems;
  }

  public Comparison getComparison() {
    loaded();
    return comparison;
  }

  public boolean isVariantFormOpen() {
    return variantFormOpen;
  }

  public boolean isMetricFormOpen() {
    return metricFormOpen;
  }

  public Long getEditingVariantId() {
    return editingVariantId;
  }

  public VariantDraft getVariantDraft() {
    return variantDraft;
  }

  public Long getEditingMetricId() {
    return editingMetricId;
  }

  public MetricDraft getMetricDraft() {
    return metricDraft;
  }
}
