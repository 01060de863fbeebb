package io.decisionledger.interfaces.goal.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentQuery;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.application.goal.GoalService;
import io.decisionledger.application.goal.ItemDraft;
import io.decisionledger.application.goal.OrderDraft;
import io.decisionledger.application.goal.ProofDraft;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.goal.Goal;
import io.decisionledger.domain.model.goal.GoalItem;
import io.decisionledger.infrastructure.markdown.Markdown;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One goal: its description, progress and checklist, with the forms to add an item, move, tick
 * or remove one, and link the decision or experiment that proves it. Holds the goal's id and the
 * form inputs (kept with the session, on any replica); the goal itself is a transient copy,
 * reloaded after each change and on a replica that has not loaded it yet.
 */
@Named("goalDetail")
@ViewModel
public class GoalDetailBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The proof's kind in the form. */
  public enum ProofKind { DECISION, EXPERIMENT }

  /** An experiment to choose as proof: id and title only. */
  public record Choice(long id, String label) implements Serializable {}

  @Inject GoalService goals;
  @Inject DecisionService decisions;
  @Inject ExperimentService experiments;

  private Long id;
  private boolean notFound;
  // What the page shows: the entity is not Serializable and need not be, the database has it.
  // Null until loaded on this replica (the bean is kept with the session, on any replica).
  private transient Goal goal;
  private transient String descriptionHtml;

  private String newItem;

  /** The item whose text and tick are being edited, if any. */
  private Long editingItemId;
  private String itemText;
  private boolean itemDone;
  private String itemNote;

  /** The item being proven, if any. */
  private Long provingItemId;
  private ProofKind proofKind = ProofKind.DECISION;
  private Integer decisionNumber;
  private Long experimentId;
  private List<Choice> experimentChoices = List.of();

  public void load() {
    if (id == null) {
      notFound = true;
      Messages.error("No goal was named: open one from the list.");
      return;
    }
    try {
      reload();
    } catch (DomainException.NotFound e) {
      notFound = true;
      Messages.error(e.getMessage());
    }
  }

  /** The goal, loaded unless this replica has it already. */
  private Goal goal() {
    if (goal == null && !notFound && id != null) {
      try {
        reload();
      } catch (DomainException.NotFound e) {
        notFound = true;
        Messages.error(e.getMessage());
      }
    }
    return goal;
  }

  private void reload() {
    goal = goals.get(id);
    descriptionHtml = Markdown.toSafeHtml(goal.getDescription());
  }

  // --- items ---

  public void addItem() {
    try {
      GoalItem item = goals.addItem(id, new ItemDraft(newItem));
      Messages.info("Added '" + item.getText() + "'.");
      newItem = null;
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of("text", "addItemForm:newItem", "items", "addItemForm:newItem"));
    }
  }

  /** Moves an item one place up ({@code -1}) or down ({@code 1}). */
  public void move(long itemId, int by) {
    List<Long> ids = new ArrayList<>(goal().getItems().stream().map(GoalItem::getId).toList());
    int from = ids.indexOf(itemId);
    int to = from + by;
    if (from < 0 || to < 0 || to >= ids.size()) {
      return;
    }
    ids.add(to, ids.remove(from));
    try {
      goals.reorder(id, new OrderDraft(ids));
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of());
      reload();
    }
  }

  public void removeItem(long itemId) {
    try {
      goals.removeItem(id, itemId);
      Messages.info("Removed the item.");
      if (Long.valueOf(itemId).equals(editingItemId)) {
        cancelItem();
      }
      if (Long.valueOf(itemId).equals(provingItemId)) {
        cancelProof();
      }
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of());
    }
  }

  public void editItem(long itemId) {
    cancelProof();
    find(itemId).ifPresent(i -> {
      editingItemId = i.getId();
      itemText = i.getText();
      itemDone = i.isDone();
      itemNote = i.getDoneNote();
    });
  }

  /** Opens the item editor with "done" ticked, for a quick manual tick. */
  public void tickItem(long itemId) {
    editItem(itemId);
    itemDone = true;
  }

  public void cancelItem() {
    editingItemId = null;
    itemText = null;
    itemDone = false;
    itemNote = null;
  }

  public void saveItem() {
    if (editingItemId == null) {
      return;
    }
    try {
      ItemDraft draft = new ItemDraft(itemText);
      draft.setDone(itemDone);
      draft.setNote(itemNote);
      goals.updateItem(id, editingItemId, draft);
      Messages.info("Saved the item.");
      cancelItem();
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of("text", "itemForm:itemText", "note", "itemForm:itemNote"));
    }
  }

  // --- proofs ---

  public void proveItem(long itemId) {
    cancelItem();
    find(itemId).ifPresent(i -> {
      provingItemId = i.getId();
      proofKind = i.getExperiment() != null ? ProofKind.EXPERIMENT : ProofKind.DECISION;
      decisionNumber = i.getDecision() == null ? null : i.getDecision().getNumber();
      experimentId = i.getExperiment() == null ? null : i.getExperiment().getId();
      experimentChoices = experiments.list(new ExperimentQuery(null, null, "title", true, 0,
              ExperimentQuery.MAX_LIMIT)).items().stream()
          .map(e -> new Choice(e.getId(), e.getTitle())).toList();
    });
  }

  public void cancelProof() {
    provingItemId = null;
    decisionNumber = null;
    experimentId = null;
    experimentChoices = List.of();
  }

  public void saveProof() {
    if (provingItemId == null) {
      return;
    }
    try {
      ProofDraft draft;
      if (proofKind == ProofKind.EXPERIMENT) {
        if (experimentId == null) {
          Messages.fieldError("proofForm:experiment", "Choose the experiment that proves the item");
          return;
        }
        draft = ProofDraft.experiment(experimentId);
      } else {
        if (decisionNumber == null) {
          Messages.fieldError("proofForm:decisionNumber",
              "Give the number of the decision that proves the item");
          return;
        }
        Optional<Decision> decision = decisions.byNumber(decisionNumber);
        if (decision.isEmpty()) {
          Messages.fieldError("proofForm:decisionNumber",
              "No decision has number " + decisionNumber);
          return;
        }
        draft = ProofDraft.decision(decision.get().getId());
      }
      GoalItem item = goals.prove(id, provingItemId, draft);
      Messages.info("'" + item.getText() + "' is proven by " + proofLabel(item) + ".");
      cancelProof();
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of("decisionId", "proofForm:decisionNumber",
          "experimentId", "proofForm:experiment"));
    }
  }

  public void unprove(long itemId) {
    try {
      goals.unprove(id, itemId);
      Messages.info("Unlinked the proof.");
      reload();
    } catch (DomainException e) {
      Messages.add(e, Map.of());
    }
  }

  public String delete() {
    try {
      String title = goal().getTitle();
      goals.delete(id);
      Messages.info("Deleted goal '" + title + "'.");
      Messages.keepForRedirect();
      return "/goals/list?faces-redirect=true";
    } catch (DomainException e) {
      Messages.add(e, Map.of());
      return null;
    }
  }

  // --- for the view ---

  /** {@code ADR-0003 Run VMs inside Kubernetes} or the experiment's title. */
  public String proofLabel(GoalItem item) {
    if (item.getDecision() != null) {
      return item.getDecision().label() + " " + item.getDecision().getTitle();
    }
    return item.getExperiment() == null ? "" : item.getExperiment().getTitle();
  }

  private Optional<GoalItem> find(long itemId) {
    return goal() == null ? Optional.empty() : goal.item(itemId);
  }

  public GoalItem getEditingItem() {
    return editingItemId == null ? null : find(editingItemId).orElse(null);
  }

  public GoalItem getProvingItem() {
    return provingItemId == null ? null : find(provingItemId).orElse(null);
  }

  public boolean isOverdue() {
    return goal() != null && goal.isOverdue(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  }

  public ProofKind[] getProofKinds() {
    return ProofKind.values();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public Goal getGoal() {
    return goal();
  }

  public String getDescriptionHtml() {
    goal();
    return descriptionHtml;
  }

  public String getNewItem() {
    return newItem;
  }

  public void setNewItem(String newItem) {
    this.newItem = newItem;
  }

  public Long getEditingItemId() {
    return editingItemId;
  }

  public String getItemText() {
    return itemText;
  }

  public void setItemText(String itemText) {
    this.itemText = itemText;
  }

  public boolean isItemDone() {
    return itemDone;
  }

  public void setItemDone(boolean itemDone) {
    this.itemDone = itemDone;
  }

  public String getItemNote() {
    return itemNote;
  }

  public void setItemNote(String itemNote) {
    this.itemNote = itemNote;
  }

  public Long getProvingItemId() {
    return provingItemId;
  }

  public ProofKind getProofKind() {
    return proofKind;
  }

  public void setProofKind(ProofKind proofKind) {
    this.proofKind = proofKind == null ? ProofKind.DECISION : proofKind;
  }

  public Integer getDecisionNumber() {
    return decisionNumber;
  }

  public void setDecisionNumber(Integer decisionNumber) {
    this.decisionNumber = decisionNumber;
  }

  public Long getExperimentId() {
    return experimentId;
  }

  public void setExperimentId(Long experimentId) {
    this.experimentId = experimentId;
  }

  public List<Choice> getExperimentChoices() {
    return experimentChoices;
  }
}
