package io.decisionledger.interfaces.decision.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentQuery;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.decision.CitationDraft;
import io.decisionledger.application.decision.CitedEvidence;
import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.application.decision.EvidenceReport;
import io.decisionledger.application.goal.GoalService;
import io.decisionledger.application.goal.ProvenItem;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.infrastructure.markdown.Markdown;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One decision: its record with the rendered body, its options, the decisions it supersedes, and
 * the evidence panel (frozen beside current, with drift badges), with the forms to cite an
 * experiment (built, with the experiments for its menu, only while citing) and to mark the
 * decision superseded. The bean is kept with the session (on any
 * replica) and holds the decision's id and the form inputs; what it shows from the database is
 * transient, loaded again on a replica that has not loaded it yet.
 */
@Named("decisionDetail")
@ViewModel
public class DecisionDetailBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DecisionService decisions;
  @Inject ExperimentService experiments;
  @Inject GoalService goals;

  private Long id;
  private boolean notFound;
  private transient Decision decision;
  private transient String bodyHtml;
  private transient List<Decision> supersedes;
  private transient EvidenceReport report;
  private transient List<ProvenItem> provenItems;

  private boolean citing;
  private Long citeExperimentId;
  private List<Long> citeMetricIds = new ArrayList<>();
  private boolean citeReplace;
  private transient List<Experiment> experimentChoices;
  private transient List<Metric> metricChoices;

  private Integer successorNumber;

  public void load() {
    if (id == null) {
      notFound = true;
      Messages.error("No decision was named: open one from the list.");
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
    if (decision != null || notFound || id == null) {
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
    // The report carries the decision (options and successor loaded): one call for both.
    report = decisions.drift(id);
    decision = report.decision();
    bodyHtml = Markdown.toSafeHtml(decision.getBody());
    supersedes = decisions.supersededBy(id);
    provenItems = goals.provenByDecision(id);
  }

  /** Opens the citation form, empty. */
  public void startCiting() {
    resetCitation(true);
  }

  /** Closes the citation form without citing. */
  public void cancelCiting() {
    resetCitation(false);
  }

  private void resetCitation(boolean open) {
    citing = open;
    citeExperimentId = null;
    citeMetricIds = new ArrayList<>();
    citeReplace = false;
    metricChoices = null;
  }

  public boolean isCiting() {
    return citing;
  }

  public void experimentChosen() {
    citeMetricIds = new ArrayList<>();
    metricChoices = null;
  }

  public void cite() {
    try {
      CitationDraft draft = new CitationDraft(citeExperimentId, citeMetricIds);
      draft.setReplace(citeReplace);
      int rows = decisions.cite(id, draft).size();
      Messages.info("Froze " + rows + " evidence rows.");
      cancelCiting();
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of("experimentId", "citeForm:citeExperiment",
          "metricIds", "citeForm:citeMetrics"));
    }
  }

  public void supersede() {
    try {
      if (successorNumber == null) {
        Messages.fieldError("supersedeForm:successor", "Name the decision that replaces this one");
        return;
      }
      Long successorId = decisions.byNumber(successorNumber).map(Decision::getId).orElse(null);
      if (successorId == null) {
        Messages.fieldError("supersedeForm:successor", "No decision has number " + successorNumber);
        return;
      }
      Decision d = decisions.supersede(id, successorId);
      Messages.info(d.label() + " is now superseded by " + d.getSupersededBy().label() + ".");
      successorNumber = null;
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of("supersededBy", "supersedeForm:successor"));
    }
  }

  public String delete() {
    try {
      String label = decisions.get(id).label();
      decisions.delete(id);
      Messages.info("Deleted " + label + ".");
      Messages.keepForRedirect();
      return "/decisions/list?faces-redirect=true";
    } catch (DomainException e) {
      Messages.add(e, Map.of());
      return null;
    }
  }

  public String driftClass(CitedEvidence row) {
    if (row.drift().drifted()) {
      return "badge drift-badge drift-yes";
    }
    return row.drift().dataChanged() ? "badge drift-badge drift-data" : "badge drift-badge drift-no";
  }

  public String driftLabel(CitedEvidence row) {
    if (row.drift().missing()) {
      return "drift: source gone";
    }
    if (row.drift().drifted()) {
      return "drift";
    }
    return row.drift().dataChanged() ? "new data, holds" : "holds";
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

  public Decision getDecision() {
    loaded();
    return decision;
  }

  public String getBodyHtml() {
    loaded();
    return bodyHtml;
  }

  public List<Decision> getSupersedes() {
    loaded();
    return supersedes == null ? List.of() : supersedes;
  }

  public EvidenceReport getReport() {
    loaded();
    return report;
  }

  /** The goals' checklist items this decision proves. */
  public List<ProvenItem> getProvenItems() {
    loaded();
    return provenItems == null ? List.of() : provenItems;
  }

  public Long getCiteExperimentId() {
    return citeExperimentId;
  }

  public void setCiteExperimentId(Long citeExperimentId) {
    this.citeExperimentId = citeExperimentId;
  }

  public List<Long> getCiteMetricIds() {
    return citeMetricIds;
  }

  public void setCiteMetricIds(List<Long> citeMetricIds) {
    this.citeMetricIds = citeMetricIds == null ? new ArrayList<>() : new ArrayList<>(citeMetricIds);
  }

  public boolean isCiteReplace() {
    return citeReplace;
  }

  public void setCiteReplace(boolean citeReplace) {
    this.citeReplace = citeReplace;
  }

  public List<Experiment> getExperimentChoices() {
    if (experimentChoices == null) {
      experimentChoices = experiments.list(new ExperimentQuery(
          null, null, "updatedAt", false, 0, ExperimentQuery.MAX_LIMIT)).items();
    }
    return experimentChoices;
  }

  public List<Metric> getMetricChoices() {
    if (metricChoices == null) {
      metricChoices = citeExperimentId == null ? List.of() : experiments.metrics(citeExperimentId);
    }
    return metricChoices;
  }

  public Integer getSuccessorNumber() {
    return successorNumber;
  }

  public void setSuccessorNumber(Integer successorNumber) {
    this.successorNumber = successorNumber;
  }
}
