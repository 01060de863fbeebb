package io.decisionledger.domain.model.experiment;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One execution of a variant: the unit of replication. Its environment parameters say what it ran
 * on; its measurements are the evidence.
 */
@Entity
@Audited
@Table(name = "run")
public class Run {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "variant_id", nullable = false, updatable = false)
  private Variant variant;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10, updatable = false)
  private RunSource source;

  @Column(length = 4000)
  private String notes;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "run_parameter", joinColumns = @JoinColumn(name = "run_id"))
  @MapKeyColumn(name = "name", length = 120)
  @Column(name = "value", nullable = false, length = 1000)
  @OrderBy
  private Map<String, String> parameters = new TreeMap<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /**
   * How many measurements the run holds. Measurements go in with COPY, past Hibernate; keeping
   * their count here makes every ingestion a recorded change of the run (who added how many, and
   * when), which the evidence of a decision may hinge on.
   */
  @Column(name = "measurement_count", nullable = false)
  private long measurementCount;

  @Version private long version;

  protected Run() {}

  public Run(Variant variant, RunSource source, Instant startedAt, Instant now) {
    this.variant = Objects.requireNonNull(variant, "variant");
    this.source = Objects.requireNonNull(source, "source");
    this.createdAt = Objects.requireNonNull(now, "now");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
  }

  /** Records when the run happened; a run cannot finish before it started. */
  public void schedule(Instant startedAt, Instant finishedAt) {
    Objects.requireNonNull(startedAt, "startedAt");
    if (finishedAt != null && finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException("finishedAt must not be before startedAt");
    }
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
  }

  public void annotate(String notes) {
    this.notes = Text.optional(notes);
  }

  public void replaceParameters(Map<String, String> parameters) {
    this.parameters.clear();
    if (parameters != null) {
      parameters.forEach(
          (name, value) -> this.parameters.put(Text.required(name, "parameter name"),
              value == null ? "" : value.strip()));
    }
  }

  /** Records that an ingestion added {@code added} measurements. */
  public void recordMeasurements(long added) {
    if (added < 0) {
      throw new IllegalArgumentException("added must not be negative");
    }
    this.measurementCount += added;
  }

  public Long getId() {
    return id;
  }

  public Variant getVariant() {
    return variant;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public RunSource getSource() {
    return source;
  }

  public String getNotes() {
    return notes;
  }

  public Map<String, String> getParameters() {
    return Collections.unmodifiableMap(parameters);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getMeasurementCount() {
    return measurementCount;
  }

  public long getVersion() {
    return version;
  }
}
