package io.decisionledger.application.goal;

import io.decisionledger.domain.model.goal.Goal;
import io.decisionledger.domain.model.goal.GoalKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A goal as a person or a tool submits it (REST body and Faces form model). The kind is LEARNING
 * when left out on creation and unchanged when left out on update. The checklist may come with
 * the creation; afterwards items change through their own requests, and an update ignores it.
 */
public class GoalDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Title is required")
  @Size(max = 200, message = "Title must be at most 200 characters")
  private String title;

  @Size(max = 20000, message = "Description must be at most 20000 characters")
  private String description;

  private GoalKind kind;

  private LocalDate targetDate;

  @Valid
  @Size(max = Goal.MAX_ITEMS, message = "A checklist has at most " + Goal.MAX_ITEMS + " items")
  private List<ItemDraft> items = new ArrayList<>();

  public GoalDraft() {}

  public GoalDraft(String title, GoalKind kind) {
    this.title = title;
    this.kind = kind;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public GoalKind getKind() {
    return kind;
  }

  public void setKind(GoalKind kind) {
    this.kind = kind;
  }

  public LocalDate getTargetDate() {
    return targetDate;
  }

  public void setTargetDate(LocalDate targetDate) {
    this.targetDate = targetDate;
  }

  public List<ItemDraft> getItems() {
    return items;
  }

  public void setItems(List<ItemDraft> items) {
    this.items = items == null ? new ArrayList<>() : items;
  }
}
