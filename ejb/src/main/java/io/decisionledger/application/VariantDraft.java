package io.decisionledger.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A variant as submitted: its name, description and whether it is the baseline. */
public class VariantDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Name is required")
  @Size(max = 120, message = "Name must be at most 120 characters")
  private String name;

  @Size(max = 4000, message = "Description must be at most 4000 characters")
  private String description;

  private boolean baseline;

  public VariantDraft() {}

  public VariantDraft(String name, String description, boolean baseline) {
    this.name = name;
    this.description = description;
    this.baseline = baseline;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isBaseline() {
    return baseline;
  }

  public void setBaseline(boolean baseline) {
    this.baseline = baseline;
  }
}
