package io.decisionledger.domain.model.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One measured value of a metric in a run. Immutable evidence: written in bulk by the ingestion
 * path (PostgreSQL COPY), read through this mapping, never updated.
 */
@Entity
@Immutable
@Table(name = "measurement")
public class Measurement {

  @Id private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "run_id", nullable = false)
  private Run run;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "metric_id", nullable = false)
  private Metric metric;

  @Column(nullable = false)
  private double value;

  private Long step;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected Measurement() {}

  public Long getId() {
    return id;
  }

  public Run getRun() {
    return run;
  }

  public Metric getMetric() {
    return metric;
  }

  public double getValue() {
    return value;
  }

  public Long getStep() {
    return step;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
