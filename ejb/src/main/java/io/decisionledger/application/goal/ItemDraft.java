package io.decisionledger.application.goal;

import io.decisionledger.domain.model.goal.GoalItem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * A checklist item as submitted: its text and whether it is done by hand, which needs a note
 * saying how. Proofs (a decision or an experiment) are linked separately.
 */
public class ItemDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Text is required")
  @Size(max = GoalItem.MAX_TEXT, message = "Text must be at most " + GoalItem.MAX_TEXT
      + " characters")
  private String text;

  private boolean done;

  @Size(max = GoalItem.MAX_NOTE, message = "Note must be at most " + GoalItem.MAX_NOTE
      + " characters")
  private String note;

  public ItemDraft() {}

  public ItemDraft(String text) {
    this.text = text;
  }

  /** An item done by hand, with the note that says how. */
  public static ItemDraft done(String text, String note) {
    ItemDraft d = new ItemDraft(text);
    d.setDone(true);
    d.setNote(note);
    return d;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public boolean isDone() {
    return done;
  }

  public void setDone(boolean done) {
    this.done = done;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
