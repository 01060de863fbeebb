package io.decisionledger.interfaces.goal.web;

import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.domain.model.goal.Progress;
import io.decisionledger.interfaces.web.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** How goals read on the pages ({@code #{gfmt.kindLabel(g.kind)}}). Dates are UTC days. */
@Named("gfmt")
@ApplicationScoped
public class GoalFormat {

  public String kindClass(GoalKind kind) {
    return "badge goal-kind goal-" + (kind == null ? "none" : kind.name().toLowerCase(Locale.ROOT));
  }

  public String kindLabel(GoalKind kind) {
    return kind == null ? Format.NONE : kind.label();
  }

  public String date(LocalDate date) {
    return date == null ? Format.NONE : date.toString();
  }

  /** {@code 3 of 5 items complete}. */
  public String progress(Progress progress) {
    return progress.completed() + " of " + progress.total()
        + (progress.total() == 1 ? " item complete" : " items complete");
  }

  public LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
