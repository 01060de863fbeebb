package io.decisionledger.application;

import io.decisionledger.domain.model.experiment.ExperimentStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** What a person or a pipeline says about an experiment when creating or changing it. */
public class ExperimentDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Title is required")
  @Size(max = 200, message = "Title must be at most 200 characters")
  private String title;

  @Size(max = 4000, message = "Hypothesis must be at most 4000 characters")
  private String hypothesis;

  @Size(max = 10000, message = "Description must be at most 10000 characters")
  private String description;

  @NotBlank(message = "Owner is required")
  @Size(max = 120, message = "Owner must be at most 120 characters")
  private String owner;

  /** Left empty on creation, the experiment starts as planned. */
  private ExperimentStatus status;

  public ExperimentDraft() {}

  public ExperimentDraft(String title, String hypothesis, String description, String owner) {
    this.title = title;
    this.hypothesis = hypothesis;
    this.description = description;
    this.owner = owner;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getHypothesis() {
    return hypothesis;
  }

  public void setHypothesis(String hypothesis) {
    this.hypothesis = hypothesis;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public ExperimentStatus getStatus() {
    return status;
  }

  public void setStatus(ExperimentStatus status) {
    this.status = status;
  }
}
