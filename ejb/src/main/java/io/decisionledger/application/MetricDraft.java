package io.decisionledger.application;

import io.decisionledger.domain.model.experiment.MetricDirection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A metric as submitted. Names are what pipelines send, so they are identifiers. */
public class MetricDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Name is required")
  @Size(max = 120, message = "Name must be at most 120 characters")
  @Pattern(
      regexp = "[A-Za-z][A-Za-z0-9_.\\-]*",
      message = "Name must start with a letter and use letters, digits, '_', '.' or '-'")
  private String name;

  @Size(max = 40, message = "Unit must be at most 40 characters")
  private String unit;

  @NotNull(message = "Direction is required")
  private MetricDirection direction;

  @Size(max = 4000, message = "Description must be at most 4000 characters")
  private String description;

  public MetricDraft() {}

  public MetricDraft(String name, String unit, MetricDirection direction, String description) {
    this.name = name;
    this.unit = unit;
    this.direction = direction;
    this.description = description;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public MetricDirection getDirection() {
    return direction;
  }

  public void setDirection(MetricDirection direction) {
    this.direction = direction;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
