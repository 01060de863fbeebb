package io.decisionledger.domain.model.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import java.time.Instant;
import java.util.Objects;

/** An infrastructure experiment: a hypothesis tested by comparing variants through their runs. */
@Entity
@Audited
@Table(name = "experiment")
public class Experiment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 4000)
  private String hypothesis;

  @Column(length = 10000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ExperimentStatus status;

  @Column(nullable = false, length = 120)
  private String owner;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Not in the history: every revision has its own time, and touching alone is no change. */
  @NotAudited
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Experiment() {}

  public Experiment(String title, String hypothesis, String description, String owner, Instant now) {
    this.status = ExperimentStatus.PLANNED;
    this.createdAt = Objects.requireNonNull(now, "now");
    describe(title, hypothesis, description, owner, now);
  }

  /** Changes what the experiment says about itself. */
  public final void describe(
      String title, String hypothesis, String description, String owner, Instant now) {
    this.title = Text.required(title, "title");
    this.hypothesis = Text.optional(hypothesis);
    this.description = Text.optional(description);
    this.owner = Text.required(owner, "owner");
    touch(now);
  }

  public void changeStatus(ExperimentStatus status, Instant now) {
    this.status = Objects.requireNonNull(status, "status");
    touch(now);
  }

  public void touch(Instant now) {
    this.updatedAt = Objects.requireNonNull(now, "now");
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getHypothesis() {
    return hypothesis;
  }

  public String getDescription() {
    return description;
  }

  public ExperimentStatus getStatus() {
    return status;
  }

  public String getOwner() {
    return owner;
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
