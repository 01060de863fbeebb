package io.decisionledger.domain.model.decision;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An architecture decision record: what was decided, among which options, why, with what
 * consequences, and by whom. A decision replaced by a later one is {@link
 * DecisionStatus#SUPERSEDED} and points at its successor; the successor's list of the decisions it
 * supersedes is derived from those links, so the two directions cannot disagree.
 */
@Entity
@Audited
@Table(name = "decision")
public class Decision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The ADR number (ADR-0007), unique, assigned in sequence. */
  @Column(nullable = false, updatable = false)
  private int number;

  @Column(nullable = false, length = 200)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DecisionStatus status;

  @Column(name = "decided_on")
  private LocalDate date;

  @Column(length = 500)
  private String deciders;

  /** Context and problem statement. */
  @Column(length = 20000)
  private String context;

  /** Decision drivers, one a line. */
  @Column(length = 10000)
  private String drivers;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "decision_option", joinColumns = @JoinColumn(name = "decision_id"))
  @OrderColumn(name = "position")
  private List<ConsideredOption> options = new ArrayList<>();

  @Column(name = "chosen_option", length = 200)
  private String chosenOption;

  @Column(length = 10000)
  private String justification;

  @Column(length = 20000)
  private String consequences;

  /** Free Markdown, rendered sanitised. */
  @Column(length = 100000)
  private String body;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "superseded_by")
  private Decision supersededBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Not in the history: every revision has its own time, and touching alone is no change. */
  @NotAudited
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Decision() {}

  public Decision(int number, String title, Instant now) {
    if (number < 1) {
      throw new IllegalArgumentException("number must be positive");
    }
    this.number = number;
    this.title = Texts.required(title, "title");
    this.status = DecisionStatus.PROPOSED;
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  /** Replaces everything the record says; the status goes through {@link #changeStatus}. */
  @SuppressWarnings("java:S107")
  public void describe(String title, LocalDate date, String deciders, String context,
      String drivers, List<ConsideredOption> options, String chosenOption, String justification,
      String consequences, String body, Instant now) {
    this.title = Texts.required(title, "title");
    this.date = date;
    this.deciders = Texts.optional(deciders);
    this.context = Texts.optional(context);
    this.drivers = Texts.optional(drivers);
    List<ConsideredOption> given = options == null ? List.of() : options;
    Set<String> names = new HashSet<>();
    for (ConsideredOption option : given) {
      if (!names.add(option.getName().toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("option '" + option.getName() + "' is listed twice");
      }
    }
    String chosen = Texts.optional(chosenOption);
    if (chosen != null && !given.isEmpty()
        && given.stream().noneMatch(o -> o.getName().equalsIgnoreCase(chosen))) {
      throw new IllegalArgumentException("the chosen option must be one of the considered options");
    }
    if (!this.options.equals(given)) {
      this.options.clear();
      this.options.addAll(given);
    }
    this.chosenOption = chosen;
    this.justification = Texts.optional(justification);
    this.consequences = Texts.optional(consequences);
    this.body = Texts.optional(body);
    touch(now);
  }

  /**
   * Changes the status. {@code SUPERSEDED} comes only from {@link #supersedeBy}; any other status
   * given to a superseded decision reinstates it and drops the link to its successor.
   *
   * @throws IllegalArgumentException for {@code SUPERSEDED} on a decision not superseded
   */
  public void changeStatus(DecisionStatus newStatus, Instant now) {
    Objects.requireNonNull(newStatus, "status");
    if (newStatus == status) {
      return;
    }
    if (newStatus == DecisionStatus.SUPERSEDED) {
      throw new IllegalArgumentException(
          "a decision becomes superseded only by naming the decision that supersedes it");
    }
    this.supersededBy = null;
    this.status = newStatus;
    touch(now);
  }

  /**
   * Records that {@code successor} replaces this decision: this one becomes superseded and links
   * to it.
   *
   * @throws SupersessionRefused when the successor is this decision, this decision is already
   *     superseded, the successor was rejected, or the link would close a cycle
   */
  public void supersedeBy(Decision successor, Instant now) {
    Objects.requireNonNull(successor, "successor");
    if (isSame(successor)) {
      throw new SupersessionRefused("A decision cannot supersede itself");
    }
    if (supersededBy != null) {
      throw new SupersessionRefused(label() + " is already superseded by "
          + supersededBy.label());
    }
    if (successor.getStatus() == DecisionStatus.REJECTED) {
      throw new SupersessionRefused("A rejected decision (" + successor.label()
          + ") cannot supersede another");
    }
    int guard = 0;
    for (Decision d = successor; d != null; d = d.getSupersededBy()) {
      if (isSame(d) || ++guard > 10_000) {
        throw new SupersessionRefused(successor.label() + " cannot supersede " + label()
            + ": it is itself superseded, directly or through others, by " + label());
      }
    }
    this.supersededBy = successor;
    this.status = DecisionStatus.SUPERSEDED;
    touch(now);
  }

  private boolean isSame(Decision other) {
    return other == this || (id != null && id.equals(other.getId()));
  }

  public void touch(Instant now) {
    this.updatedAt = Objects.requireNonNull(now, "now");
  }

  /** {@code ADR-0007}. */
  public String label() {
    return String.format(java.util.Locale.ROOT, "ADR-%04d", number);
  }

  public Long getId() {
    return id;
  }

  public int getNumber() {
    return number;
  }

  public String getTitle() {
    return title;
  }

  public DecisionStatus getStatus() {
    return status;
  }

  public LocalDate getDate() {
    return date;
  }

  public String getDeciders() {
    return deciders;
  }

  public String getContext() {
    return context;
  }

  public String getDrivers() {
    return drivers;
  }

  /** The drivers, one a line, without list markers. */
  public List<String> driverList() {
    return ConsideredOption.points(drivers);
  }

  public List<ConsideredOption> getOptions() {
    return List.copyOf(options);
  }

  public String getChosenOption() {
    return chosenOption;
  }

  public String getJustification() {
    return justification;
  }

  public String getConsequences() {
    return consequences;
  }

  public String getBody() {
    return body;
  }

  public Decision getSupersededBy() {
    return supersededBy;
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
