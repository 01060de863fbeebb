package io.decisionledger.domain.model.goal;

import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.experiment.Experiment;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A learning or success goal in the shape of the seed documents' "Success Metrics": a title, a
 * Markdown description, an optional target date and an ordered checklist. Each item is proven by
 * linking the decision or experiment that shows it, or ticked by hand with a note. The goal is the
 * aggregate: its items change only through it, and every change touches it, so two people
 * changing one checklist at once collide on its version instead of interleaving.
 *
 * <p>In the history (docs/architecture.md D16) a goal records its own fields; each item is recorded
 * as a {@link GoalItem} of its own and shows in the goal's timeline through its link to the goal.
 */
@Entity
@Audited
@Table(name = "goal")
public class Goal {

  public static final int MAX_ITEMS = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String title;

  /** Markdown, rendered sanitised. */
  @Column(length = 20000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private GoalKind kind;

  @Column(name = "target_date")
  private LocalDate targetDate;

  /** Not in the goal's own history: each item has its own, part of the goal's timeline. */
  @NotAudited
  @OneToMany(mappedBy = "goal", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<GoalItem> items = new ArrayList<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Not in the history: every revision has its own time, and touching alone is no change. */
  @NotAudited
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Goal() {}

  public Goal(String title, GoalKind kind, Instant now) {
    this.createdAt = Objects.requireNonNull(now, "now");
    describe(title, null, kind, null, now);
  }

  /** Replaces what the goal says about itself; the checklist stays. */
  public final void describe(String title, String description, GoalKind kind,
      LocalDate targetDate, Instant now) {
    this.title = Texts.required(title, "title");
    this.description = Texts.optional(description);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.targetDate = targetDate;
    touch(now);
  }

  // --- the checklist ---

  /**
   * Appends an item.
   *
   * @throws GoalRefused when the text is blank, already on the checklist (ignoring case), or the
   *     checklist is full
   */
  public GoalItem addItem(String text, Instant now) {
    if (items.size() >= MAX_ITEMS) {
      throw new GoalRefused("items", "A checklist has at most " + MAX_ITEMS + " items");
    }
    GoalItem item = new GoalItem(this, items.size(), checkedText(text, null));
    items.add(item);
    touch(now);
    return item;
  }

  /** Changes an item's text and whether it is done by hand (which needs a note). */
  public void changeItem(GoalItem item, String text, boolean done, String note, Instant now) {
    own(item);
    String checked = checkedText(text, item);
    if (done) {
      item.markDone(note, now);
    } else {
      item.reopen();
    }
    item.rename(checked);
    touch(now);
  }

  /** Ticks an item by hand; the note says how it was done. */
  public void markDone(GoalItem item, String note, Instant now) {
    own(item).markDone(note, now);
    touch(now);
  }

  public void reopen(GoalItem item, Instant now) {
    own(item).reopen();
    touch(now);
  }

  /** Removes an item; the ones after it move up. */
  public void removeItem(GoalItem item, Instant now) {
    items.remove(own(item));
    renumber();
    touch(now);
  }

  /**
   * Puts the checklist in the given order.
   *
   * @throws GoalRefused unless the list names every item of this goal exactly once
   */
  public void reorder(List<GoalItem> order, Instant now) {
    Objects.requireNonNull(order, "order");
    Set<GoalItem> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (GoalItem item : order) {
      if (item == null || !contains(item)) {
        throw new GoalRefused("itemIds", "The order may only name items of this checklist");
      }
      if (!seen.add(item)) {
        throw new GoalRefused("itemIds", "The order names an item twice");
      }
    }
    if (seen.size() != items.size()) {
      throw new GoalRefused("itemIds", "The order must name all " + items.size()
          + " items of the checklist, not " + seen.size());
    }
    items.clear();
    items.addAll(order);
    renumber();
    touch(now);
  }

  /** Links the decision that proves the item, replacing any earlier proof. */
  public void prove(GoalItem item, Decision decision, Instant now) {
    own(item).proveBy(decision, now);
    touch(now);
  }

  /** Links the experiment that proves the item, replacing any earlier proof. */
  public void prove(GoalItem item, Experiment experiment, Instant now) {
    own(item).proveBy(experiment, now);
    touch(now);
  }

  public void unprove(GoalItem item, Instant now) {
    own(item).unprove();
    touch(now);
  }

  /** Complete items (proven or done) out of all. */
  public Progress progress() {
    return new Progress(items.stream().filter(GoalItem::isComplete).count(), items.size());
  }

  /** Past its target date and not complete. */
  public boolean isOverdue(LocalDate today) {
    return isOverdue(targetDate, progress(), today);
  }

  /** The overdue rule, for goals read as summaries too. */
  public static boolean isOverdue(LocalDate targetDate, Progress progress, LocalDate today) {
    return targetDate != null && targetDate.isBefore(today) && !progress.complete();
  }

  public void touch(Instant now) {
    this.updatedAt = Objects.requireNonNull(now, "now");
  }

  private String checkedText(String text, GoalItem except) {
    String given = Texts.required(text, "text");
    if (given.length() > GoalItem.MAX_TEXT) {
      throw new GoalRefused("text", "An item must be at most " + GoalItem.MAX_TEXT
          + " characters");
    }
    String key = given.toLowerCase(Locale.ROOT);
    for (GoalItem other : items) {
      if (other != except && other.getText().toLowerCase(Locale.ROOT).equals(key)) {
        throw new GoalRefused("text", "The checklist already has the item '" + other.getText()
            + "'");
      }
    }
    return given;
  }

  private boolean contains(GoalItem item) {
    return items.stream().anyMatch(i -> i == item);
  }

  private GoalItem own(GoalItem item) {
    Objects.requireNonNull(item, "item");
    if (!contains(item)) {
      throw new IllegalArgumentException("the item belongs to another goal");
    }
    return item;
  }

  private void renumber() {
    for (int i = 0; i < items.size(); i++) {
      items.get(i).moveTo(i);
    }
  }

  /** The item with this id, if it is on this checklist. */
  public java.util.Optional<GoalItem> item(long itemId) {
    return items.stream().filter(i -> i.getId() != null && i.getId() == itemId).findFirst();
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public GoalKind getKind() {
    return kind;
  }

  public LocalDate getTargetDate() {
    return targetDate;
  }

  /** The checklist in order. */
  public List<GoalItem> getItems() {
    return List.copyOf(items);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
