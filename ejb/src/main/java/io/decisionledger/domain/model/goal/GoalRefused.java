package io.decisionledger.domain.model.goal;

/**
 * A change to a goal's checklist that its rules forbid, naming the input it concerns ({@code
 * text}, {@code itemIds}, {@code note}...), so the service can report it beside that field.
 */
public class GoalRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public GoalRefused(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
