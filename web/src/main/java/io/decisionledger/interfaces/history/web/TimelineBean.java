package io.decisionledger.interfaces.history.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.history.HistoryService;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * One entity's timeline ({@code ?type=experiment&id=3}): its recorded changes and those of what
 * belongs to it, newest first, paged, each with its field-by-field differences.
 */
@Named("timeline")
@ViewModel
public class TimelineBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject HistoryService history;

  private String type;
  private Long id;
  private boolean notFound;
  private String label;
  private HistoryLazyModel model;

  public void load() {
    if (type == null || id == null) {
      notFound = true;
      Messages.error("No entity was named: open a history from its page.");
      return;
    }
    try {
      label = history.label(type, id);
      String kind = type;
      long which = id;
      model = new HistoryLazyModel((offset, limit) -> history.timeline(kind, which, offset, limit));
    } catch (DomainException e) {
      notFound = true;
      Messages.error(e.getMessage());
    }
  }

  /** The page the entity itself is shown on, when it has one. */
  public String getEntityOutcome() {
    return switch (type == null ? "" : type) {
      case "experiment" -> "/experiments/detail";
      case "decision" -> "/decisions/detail";
      case "goal" -> "/goals/detail";
      default -> null;
    };
  }

  public HistoryLazyModel getModel() {
    return model;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public String getLabel() {
    return label;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
