package io.decisionledger.domain.model.goal;

/**
 * How far a goal is: the items complete (proven or done by hand) out of all its items. The percent
 * is rounded down, so 100% means every item is complete and an item short of it never reads as
 * done; a goal without items is at 0%.
 */
public record Progress(long completed, long total) implements java.io.Serializable {

  public Progress {
    if (total < 0 || completed < 0 || completed > total) {
      throw new IllegalArgumentException(
          "progress must have 0 <= completed <= total, not " + completed + "/" + total);
    }
  }

  /** 0 to 100, rounded down. */
  public int percent() {
    return total == 0 ? 0 : (int) (completed * 100 / total);
  }

  /** Every item complete, and there is at least one. */
  public boolean complete() {
    return total > 0 && completed == total;
  }

  /** {@code 3 of 5}. */
  public String label() {
    return completed + " of " + total;
  }
}
