package io.decisionledger.interfaces.decision.web;

import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.application.decision.EvidenceReport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Accepted decisions whose evidence drifted. */
@Named("driftedDecisions")
@RequestScoped
public class DriftedDecisionsBean {

  @Inject DecisionService decisions;

  private List<EvidenceReport> reports;

  @PostConstruct
  void load() {
    reports = decisions.drifted();
  }

  public List<EvidenceReport> getReports() {
    return reports;
  }
}
