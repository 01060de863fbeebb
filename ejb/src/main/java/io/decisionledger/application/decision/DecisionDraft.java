package io.decisionledger.application.decision;

import io.decisionledger.domain.model.decision.DecisionStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision as a person or a tool submits it (REST body and Faces form model). The status is
 * PROPOSED when left out on creation; SUPERSEDED is set by superseding, not here.
 */
public class DecisionDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Left out, the next free number is taken; given on creation, it must be free. */
  @Min(value = 1, message = "Number must be at least 1")
  @Max(value = 999_999, message = "Number must be at most 999999")
  private Integer number;

  @NotBlank(message = "Title is required")
  @Size(max = 200, message = "Title must be at most 200 characters")
  private String title;

  private DecisionStatus status;

  private LocalDate date;

  @Size(max = 500, message = "Deciders must be at most 500 characters")
  private String deciders;

  @Size(max = 20000, message = "Context must be at most 20000 characters")
  private String context;

  @Size(max = 10000, message = "Drivers must be at most 10000 characters")
  private String drivers;

  @Valid
  @Size(max = 50, message = "At most 50 options")
  private List<OptionDraft> options = new ArrayList<>();

  @Size(max = 200, message = "Chosen option must be at most 200 characters")
  private String chosenOption;

  @Size(max = 10000, message = "Justification must be at most 10000 characters")
  private String justification;

  @Size(max = 20000, message = "Consequences must be at most 20000 characters")
  private String consequences;

  @Size(max = 100000, message = "Body must be at most 100000 characters")
  private String body;

  public DecisionDraft() {}

  public DecisionDraft(String title) {
    this.title = title;
  }

  public Integer getNumber() {
    return number;
  }

  public void setNumber(Integer number) {
    this.number = number;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public DecisionStatus getStatus() {
    return status;
  }

  public void setStatus(DecisionStatus status) {
    this.status = status;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public String getDeciders() {
    return deciders;
  }

  public void setDeciders(String deciders) {
    this.deciders = deciders;
  }

  public String getContext() {
    return context;
  }

  public void setContext(String context) {
    this.context = context;
  }

  public String getDrivers() {
    return drivers;
  }

  public void setDrivers(String drivers) {
    this.drivers = drivers;
  }

  public List<OptionDraft> getOptions() {
    return options;
  }

  public void setOptions(List<OptionDraft> options) {
    this.options = options == null ? new ArrayList<>() : options;
  }

  public String getChosenOption() {
    return chosenOption;
  }

  public void setChosenOption(String chosenOption) {
    this.chosenOption = chosenOption;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification;
  }

  public String getConsequences() {
    return consequences;
  }

  public void setConsequences(String consequences) {
    this.consequences = consequences;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
