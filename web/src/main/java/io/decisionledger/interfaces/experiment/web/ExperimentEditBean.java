package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentDraft;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

/** Creates an experiment, or edits the one named by the view parameter {@code id}. */
@Named("experimentEdit")
@ViewModel
public class ExperimentEditBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Service field names to the inputs of {@code edit.xhtml}. */
  static final Map<String, String> FIELDS =
      Map.of(
          "title", "experimentForm:title",
          "hypothesis", "experimentForm:hypothesis",
          "description", "experimentForm:description",
          "owner", "experimentForm:owner",
          "status", "experimentForm:status");

  @Inject ExperimentService experiments;

  private Long id;
  private ExperimentDraft draft = new ExperimentDraft();
  private boolean notFound;

  /** Loads the experiment to edit (view action, on the first request only). */
  public void load() {
    if (id == null) {
      return;
    }
    try {
      Experiment e = experiments.get(id);
      draft = new ExperimentDraft(e.getTitle(), e.getHypothesis(), e.getDescription(), e.getOwner());
      draft.setStatus(e.getStatus());
    } catch (DomainException.NotFound e) {
      notFound = true;
      Messages.error(e.getMessage());
    }
  }

  public String save() {
    try {
      Experiment saved = id == null ? experiments.create(draft) : experiments.update(id, draft);
      Messages.info((id == null ? "Created" : "Saved") + " experiment '" + saved.getTitle() + "'.");
      Messages.keepForRedirect();
      return "/experiments/detail?faces-redirect=true&id=" + saved.getId();
    } catch (DomainException e) {
      Messages.add(e, FIELDS);
      return null;
    }
  }

  public boolean isEditing() {
    return id != null;
  }

  public ExperimentStatus[] getStatuses() {
    return ExperimentStatus.values();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public ExperimentDraft getDraft() {
    return draft;
  }

  public boolean isNotFound() {
    return notFound;
  }
}
