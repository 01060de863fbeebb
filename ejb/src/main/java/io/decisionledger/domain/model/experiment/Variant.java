package io.decisionledger.domain.model.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** One of the alternatives an experiment compares; one variant is the baseline. */
@Entity
@Audited
@Table(name = "variant")
public class Variant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "experiment_id", nullable = false, updatable = false)
  private Experiment experiment;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(length = 4000)
  private String description;

  @Column(nullable = false)
  private boolean baseline;

  @Version private long version;

  protected Variant() {}

  public Variant(Experiment experiment, String name, String description) {
    this.experiment = Objects.requireNonNull(experiment, "experiment");
    rename(name, description);
  }

  public final void rename(String name, String description) {
    this.name = Text.required(name, "name");
    this.description = Text.optional(description);
  }

  /** Makes this variant the baseline; the caller clears the previous one first. */
  public void markBaseline() {
    this.baseline = true;
  }

  public void clearBaseline() {
    this.baseline = false;
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

  public String getDescription() {
    return description;
  }

  public boolean isBaseline() {
    return baseline;
  }

  public long getVersion() {
    return version;
  }
}
