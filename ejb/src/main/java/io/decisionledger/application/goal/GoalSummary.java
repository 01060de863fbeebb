package io.decisionledger.application.goal;

import io.decisionledger.domain.model.goal.Goal;
import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.domain.model.goal.Progress;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A goal as the list shows it, with its progress counted by the database. */
public record GoalSummary(long id, String title, GoalKind kind, LocalDate targetDate,
    Instant createdAt, Instant updatedAt, Progress progress) implements Serializable {

  public boolean overdue(LocalDate today) {
    return Goal.isOverdue(targetDate, progress, today);
  }
}
