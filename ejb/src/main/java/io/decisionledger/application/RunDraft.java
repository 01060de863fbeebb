package io.decisionledger.application;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run as submitted: when it happened, on what, and notes. */
public class RunDraft {

  /** Defaults to now. */
  private Instant startedAt;

  private Instant finishedAt;

  @Size(max = 4000, message = "Notes must be at most 4000 characters")
  private String notes;

  @Size(max = 100, message = "At most 100 environment parameters")
  private Map<String, String> parameters = new LinkedHashMap<>();

  public RunDraft() {}

  public Instant getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(Instant startedAt) {
    this.startedAt = startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(Instant finishedAt) {
    this.finishedAt = finishedAt;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }

  public Map<String, String> getParameters() {
    return parameters;
  }

  public void setParameters(Map<String, String> parameters) {
    this.parameters = parameters == null ? new LinkedHashMap<>() : parameters;
  }
}
