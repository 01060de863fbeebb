package io.decisionledger.domain.model.goal;

import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.experiment.Experiment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a goal's checklist. It is <em>proven</em> while it links a decision or an
 * experiment (one at a time), <em>done</em> when someone ticked it by hand with a note saying how,
 * and <em>complete</em> when either holds. Changed only through its {@link Goal}. Recorded in the
 * history with its goal's timeline (its link to the goal is its owner; the proof links are not).
 */
@Entity
@Audited
@Table(name = "goal_item")
public class GoalItem {

  public static final int MAX_TEXT = 500;
  public static final int MAX_NOTE = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "goal_id", nullable = false, updatable = false)
  private Goal goal;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = MAX_TEXT)
  private String text;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "decision_id")
  private Decision decision;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "experiment_id")
  private Experiment experiment;

  @Column(name = "proven_at")
  private Instant provenAt;

  @Column(name = "done_at")
  private Instant doneAt;

  @Column(name = "done_note", length = MAX_NOTE)
  private String doneNote;

  protected GoalItem() {}

  GoalItem(Goal goal, int position, String text) {
    this.goal = Objects.requireNonNull(goal, "goal");
    this.position = position;
    this.text = text;
  }

  void rename(String text) {
    this.text = text;
  }

  void moveTo(int position) {
    this.position = position;
  }

  void markDone(String note, Instant now) {
    String given = Texts.optional(note);
    if (given == null) {
      throw new GoalRefused("note", "Say how the item was done: a note is required");
    }
    if (given.length() > MAX_NOTE) {
      throw new GoalRefused("note", "The note must be at most " + MAX_NOTE + " characters");
    }
    if (doneAt == null) {
      doneAt = Objects.requireNonNull(now, "now");
    }
    doneNote = given;
  }

  void reopen() {
    doneAt = null;
    doneNote = null;
  }

  void proveBy(Decision decision, Instant now) {
    this.decision = Objects.requireNonNull(decision, "decision");
    this.experiment = null;
    this.provenAt = Objects.requireNonNull(now, "now");
  }

  void proveBy(Experiment experiment, Instant now) {
    this.experiment = Objects.requireNonNull(experiment, "experiment");
    this.decision = null;
    this.provenAt = Objects.requireNonNull(now, "now");
  }

  void unprove() {
    decision = null;
    experiment = null;
    provenAt = null;
  }

  /**
   * Unlinks the proof of each item through its goal (which it touches): what deleting the
   * decision or experiment that proved them does, so that the history records it.
   */
  public static void unproveAll(java.util.Collection<GoalItem> items, Instant now) {
    for (GoalItem item : items) {
      item.goal.unprove(item, now);
    }
  }

  /** Linked to a decision or an experiment. */
  public boolean isProven() {
    return decision != null || experiment != null;
  }

  /** Ticked by hand, with a note. */
  public boolean isDone() {
    return doneAt != null;
  }

  /** Counts towards the goal's progress: proven or done. */
  public boolean isComplete() {
    return isProven() || isDone();
  }

  public Long getId() {
    return id;
  }

  public Goal getGoal() {
    return goal;
  }

  public int getPosition() {
    return position;
  }

  public String getText() {
    return text;
  }

  public Decision getDecision() {
    return decision;
  }

  public Experiment getExperiment() {
    return experiment;
  }

  /** When the current proof was linked; meaningful only while {@link #isProven()}. */
  public Instant getProvenAt() {
    return isProven() ? provenAt : null;
  }

  public Instant getDoneAt() {
    return doneAt;
  }

  public String getDoneNote() {
    return doneNote;
  }
}
