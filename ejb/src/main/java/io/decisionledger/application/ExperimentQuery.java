package io.decisionledger.application;

import io.decisionledger.domain.model.experiment.ExperimentStatus;

/**
 * Which experiments to list, in what order, which page.
 *
 * @param text matched case-insensitively against title, owner and hypothesis; null for all
 * @param status only this status; null for all
 * @param sort one of {@code title}, {@code owner}, {@code status}, {@code createdAt}, {@code
 *     updatedAt}
 */
public record ExperimentQuery(
    String text, ExperimentStatus status, String sort, boolean ascending, int offset, int limit) {

  public static final int MAX_LIMIT = 200;

  public ExperimentQuery {
    offset = Math.max(0, offset);
    limit = Math.min(Math.max(1, limit), MAX_LIMIT);
    sort = sort == null || sort.isBlank() ? "updatedAt" : sort;
  }
}
