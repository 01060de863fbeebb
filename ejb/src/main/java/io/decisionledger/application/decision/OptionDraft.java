package io.decisionledger.application.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A considered option as submitted: name, description, pros and cons (one point a line). */
public class OptionDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Option name is required")
  @Size(max = 200, message = "Option name must be at most 200 characters")
  private String name;

  @Size(max = 4000, message = "Description must be at most 4000 characters")
  private String description;

  @Size(max = 4000, message = "Pros must be at most 4000 characters")
  private String pros;

  @Size(max = 4000, message = "Cons must be at most 4000 characters")
  private String cons;

  public OptionDraft() {}

  public OptionDraft(String name, String description, String pros, String cons) {
    this.name = name;
    this.description = description;
    this.pros = pros;
    this.cons = cons;
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

  public String getPros() {
    return pros;
  }

  public void setPros(String pros) {
    this.pros = pros;
  }

  public String getCons() {
    return cons;
  }

  public void setCons(String cons) {
    this.cons = cons;
  }
}
