package io.decisionledger.domain.model.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import java.util.Objects;

/** Something measured in an experiment, with its unit and the direction in which it improves. */
@Entity
@Audited
@Table(name = "metric")
public class Metric {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "experiment_id", nullable = false, updatable = false)
  private Experiment experiment;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(nullable = false, length = 40)
  private String unit;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private MetricDirection direction;

  @Column(length = 4000)
  private String description;

  @Version private long version;

  protected Metric() {}

  public Metric(
      Experiment experiment,
      String name,
      String unit,
      MetricDirection direction,
      String description) {
    this.experiment = Objects.requireNonNull(experiment, "experiment");
    define(name, unit, direction, description);
  }

  public final void define(
      String name, String unit, MetricDirection direction, String description) {
    this.name = Text.required(name, "name");
    String u = Text.optional(unit);
    this.unit = u == null ? "" : u;
    this.direction = Objects.requireNonNull(direction, "direction");
    this.description = Text.optional(description);
  }

  public Long getId() {
    return id;
  }

  public Experiment getExperiment() {
    return experiment;
  }

  public String getName() {
    return name;
  }

  public String getUnit() {
    return unit;
  }

  public MetricDirection getDirection() {
    return direction;
  }

  public String getDescription() {
    return description;
  }

  public long getVersion() {
    return version;
  }
}
