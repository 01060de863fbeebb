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
  @Inject io.decisionledger.infrastructure.startup.Demo demo;

  private List<Experiment> recent;

  public List<Experiment> getRecent() {
    if (recent == null) {
      recent = experiments.recent(RECENT);
    }
    return recent;
  }

  /** Loads the demo into the empty ledger (editors; the button shows only to them). */
  public String loadDemo() {
    try {
      var loaded = demo.load();
      io.decisionledger.interfaces.web.Messages.info("Loaded the demo: " + loaded.experiments()
          + " experiment(s), " + loaded.decisions() + " decision(s).");
    } catch (io.decisionledger.application.DomainException e) {
      io.decisionledger.interfaces.web.Messages.error(e.getMessage());
    }
    io.decisionledger.interfaces.web.Messages.keepForRedirect();
    return "/index?faces-redirect=true";
  }
}
