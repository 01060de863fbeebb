package io.decisionledger.interfaces.history.web;

import io.decisionledger.application.history.HistoryEntry;
import io.decisionledger.domain.model.history.ChangeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;

/** How history entries read on the pages, as {@code #{hist.kindLabel(e)}} and the like. */
@Named("hist")
@ApplicationScoped
public class HistoryView {

  /** "Created", "Changed", "Deleted"; "First recorded" for a state that predates the history. */
  public String kindLabel(HistoryEntry entry) {
    if (entry.firstRecorded()) {
      return "First recorded";
    }
    return switch (entry.kind()) {
      case CREATED -> "Created";
      case CHANGED -> "Changed";
      case DELETED -> "Deleted";
    };
  }

  public String kindClass(HistoryEntry entry) {
    return "badge history-" + entry.kind().name().toLowerCase(Locale.ROOT);
  }

  /** "Experiment", "Goal item". */
  public String typeLabel(String type) {
    return type == null || type.isEmpty() ? ""
        : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1).replace('-', ' ');
  }

  /**
   * Where an entry's entity is shown: an experiment's, a decision's or a goal's page while it
   * exists, otherwise its own timeline.
   */
  public String outcome(HistoryEntry entry) {
    if (entry.kind() != ChangeKind.DELETED) {
      if ("experiment".equals(entry.type())) {
        return "/experiments/detail";
      }
      if ("decision".equals(entry.type())) {
        return "/decisions/detail";
      }
      if ("goal".equals(entry.type())) {
        return "/goals/detail";
      }
    }
    return "/history/timeline";
  }

  /** Whether {@link #outcome} is the timeline page (which needs the type too). */
  public boolean toTimeline(HistoryEntry entry) {
    return "/history/timeline".equals(outcome(entry));
  }
}
