package io.decisionledger.application.goal;

import io.decisionledger.domain.model.goal.GoalKind;
import java.util.Set;

/**
 * A page of goals, optionally of one kind, sorted by {@code createdAt} (the default: the order
 * they were written), {@code title}, {@code kind}, {@code targetDate}, {@code progress} or
 * {@code updatedAt}.
 */
public record GoalQuery(GoalKind kind, String sort, boolean ascending, int offset, int limit) {

  public static final int MAX_LIMIT = 200;

  public static final Set<String> SORTS =
      Set.of("createdAt", "title", "kind", "targetDate", "progress", "updatedAt");

  public GoalQuery {
    sort = sort == null || sort.isBlank() ? "createdAt" : sort;
    offset = Math.max(0, offset);
    limit = Math.min(Math.max(1, limit), MAX_LIMIT);
  }

  /** All kinds, in the order written. */
  public static GoalQuery page(int offset, int limit) {
    return new GoalQuery(null, "createdAt", true, offset, limit);
  }
}
