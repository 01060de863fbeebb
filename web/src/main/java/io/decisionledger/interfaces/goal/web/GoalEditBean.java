package io.decisionledger.interfaces.goal.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.goal.GoalDraft;
import io.decisionledger.application.goal.GoalService;
import io.decisionledger.application.goal.ItemDraft;
import io.decisionledger.domain.model.goal.Goal;
import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.infrastructure.markdown.Markdown;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a goal, or edits the one named by the view parameter {@code id}. A new goal may come
 * with its checklist, one item a line (Markdown task-list markers are dropped, so a "Success
 * Metrics" list pastes as it is).
 */
@Named("goalEdit")
@ViewModel
public class GoalEditBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Map<String, String> FIELDS = Map.of(
      "title", "goalForm:title",
      "kind", "goalForm:kind",
      "targetDate", "goalForm:targetDate",
      "description", "goalForm:description",
      "items", "goalForm:checklist");

  private static final Pattern ITEM_ERROR = Pattern.compile("items\\[(\\d+)\\].*");
  private static final Pattern MARKER = Pattern.compile("^(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]\\]\\s+)?");

  @Inject GoalService goals;

  private Long id;
  private GoalDraft draft = newDraft();
  private String checklist;
  private boolean notFound;

  public void load() {
    if (id == null) {
      return;
    }
    try {
      Goal g = goals.get(id);
      GoalDraft loaded = new GoalDraft(g.getTitle(), g.getKind());
      loaded.setDescription(g.getDescription());
      loaded.setTargetDate(g.getTargetDate());
      draft = loaded;
    } catch (DomainException.NotFound e) {
      notFound = true;
      Messages.error(e.getMessage());
    }
  }

  private static GoalDraft newDraft() {
    return new GoalDraft(null, GoalKind.LEARNING);
  }

  /** The checklist text as items: one a line, list and task markers dropped, blanks skipped. */
  static List<ItemDraft> items(String checklist) {
    if (checklist == null) {
      return new ArrayList<>();
    }
    List<ItemDraft> items = new ArrayList<>();
    for (String line : checklist.split("\\R")) {
      String text = MARKER.matcher(line.strip()).replaceFirst("").strip();
      if (!text.isEmpty()) {
        items.add(new ItemDraft(text));
      }
    }
    return items;
  }

  public String save() {
    try {
      if (id == null) {
        draft.setItems(items(checklist));
      }
      Goal saved = id == null ? goals.create(draft) : goals.update(id, draft);
      Messages.info((id == null ? "Created" : "Saved") + " goal '" + saved.getTitle() + "'.");
      Messages.keepForRedirect();
      return "/goals/detail?faces-redirect=true&id=" + saved.getId();
    } catch (DomainException e) {
      Messages.add(withItemNumbers(e), FIELDS);
      return null;
    }
  }

  /** {@code items[2].text: too long} becomes {@code Item 3: too long} beside the checklist. */
  static DomainException withItemNumbers(DomainException e) {
    List<FieldError> errors = new ArrayList<>();
    boolean changed = false;
    for (FieldError error : e.errors()) {
      Matcher m = error.field() == null ? null : ITEM_ERROR.matcher(error.field());
      if (m != null && m.matches()) {
        errors.add(new FieldError("items",
            "Item " + (Integer.parseInt(m.group(1)) + 1) + ": " + error.message()));
        changed = true;
      } else {
        errors.add(error);
      }
    }
    return changed ? new DomainException.InvalidInput(e.getMessage(), errors) : e;
  }

  /** The description as the goal page will show it: rendered and sanitised. */
  public String getPreview() {
    return Markdown.toSafeHtml(draft.getDescription());
  }

  public List<GoalKind> getKinds() {
    return Arrays.asList(GoalKind.values());
  }

  public boolean isEditing() {
    return id != null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public GoalDraft getDraft() {
    return draft;
  }

  public String getChecklist() {
    return checklist;
  }

  public void setChecklist(String checklist) {
    this.checklist = checklist;
  }

  public boolean isNotFound() {
    return notFound;
  }
}
