package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.ExperimentService;
import io.decisionledger.domain.model.experiment.Experiment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The home page: the experiments changed most recently. */
@Named("home")
@RequestScoped
public class HomeBean {

  static final int RECENT = 8;

  @Inject ExperimentService experiments;

  private List<Experiment> recent;

  public List<Experiment> getRecent() {
    if (recent == null) {
      recent = experiments.recent(RECENT);
    }
    return recent;
  }
}
