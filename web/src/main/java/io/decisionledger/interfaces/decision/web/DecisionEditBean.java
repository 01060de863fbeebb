package io.decisionledger.interfaces.decision.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.decision.DecisionDraft;
import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.application.decision.OptionDraft;
import io.decisionledger.domain.model.decision.ConsideredOption;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
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

/** Writes a decision, or edits the one named by the view parameter {@code id}. */
@Named("decisionEdit")
@ViewModel
public class DecisionEditBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("number", "decisionForm:number"),
      Map.entry("title", "decisionForm:title"),
      Map.entry("status", "decisionForm:status"),
      Map.entry("date", "decisionForm:date"),
      Map.entry("deciders", "decisionForm:deciders"),
      Map.entry("context", "decisionForm:context"),
      Map.entry("drivers", "decisionForm:drivers"),
      Map.entry("chosenOption", "decisionForm:chosenOption"),
      Map.entry("justification", "decisionForm:justification"),
      Map.entry("consequences", "decisionForm:consequences"),
      Map.entry("body", "decisionForm:body"));

  @Inject DecisionService decisions;

  private Long id;
  private DecisionDraft draft = newDraft();
  private boolean notFound;
  private String label;

  public void load() {
    if (id == null) {
      return;
    }
    try {
      Decision d = decisions.get(id);
      label = d.label();
      DecisionDraft loaded = new DecisionDraft(d.getTitle());
      loaded.setNumber(d.getNumber());
      loaded.setStatus(d.getStatus());
      loaded.setDate(d.getDate());
      loaded.setDeciders(d.getDeciders());
      loaded.setContext(d.getContext());
      loaded.setDrivers(d.getDrivers());
      List<OptionDraft> options = new ArrayList<>();
      for (ConsideredOption o : d.getOptions()) {
        options.add(new OptionDraft(o.getName(), o.getDescription(), o.getPros(), o.getCons()));
      }
      loaded.setOptions(options);
      loaded.setChosenOption(d.getChosenOption());
      loaded.setJustification(d.getJustification());
      loaded.setConsequences(d.getConsequences());
      loaded.setBody(d.getBody());
      draft = loaded;
    } catch (DomainException.NotFound e) {
      notFound = true;
      Messages.error(e.getMessage());
    }
  }

  private static DecisionDraft newDraft() {
    DecisionDraft d = new DecisionDraft();
    d.setStatus(DecisionStatus.PROPOSED);
    d.setDate(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    return d;
  }

  public String save() {
    try {
      Decision saved = id == null ? decisions.create(draft) : decisions.update(id, draft);
      Messages.info((id == null ? "Created " : "Saved ") + saved.label() + " '"
          + saved.getTitle() + "'.");
      Messages.keepForRedirect();
      return "/decisions/detail?faces-redirect=true&id=" + saved.getId();
    } catch (DomainException e) {
      Messages.add(e, optionFields(e));
      return null;
    }
  }

  /** Field errors of the options ({@code options[1].name}) go beside the option's input. */
  private Map<String, String> optionFields(DomainException e) {
    Map<String, String> fields = new java.util.HashMap<>(FIELDS);
    e.errors().forEach(error -> {
      String f = error.field();
      if (f != null && f.startsWith("options[")) {
        int close = f.indexOf(']');
        String index = f.substring("options[".length(), close);
        String rest = f.substring(close + 1);
        String input = rest.startsWith(".pros") ? "optionPros"
            : rest.startsWith(".cons") ? "optionCons"
            : rest.startsWith(".description") ? "optionDescription" : "optionName";
        fields.put(f, "decisionForm:options:" + index + ":" + input);
      }
    });
    return fields;
  }

  public void addOption() {
    draft.getOptions().add(new OptionDraft());
  }

  public void removeOption(int index) {
    if (index >= 0 && index < draft.getOptions().size()) {
      draft.getOptions().remove(index);
    }
  }

  /** The body as the decision page will show it: rendered and sanitised. */
  public String getPreview() {
    return Markdown.toSafeHtml(draft.getBody());
  }

  public List<DecisionStatus> getStatuses() {
    boolean superseded = draft.getStatus() == DecisionStatus.SUPERSEDED;
    return Arrays.stream(DecisionStatus.values())
        .filter(s -> s != DecisionStatus.SUPERSEDED || superseded).toList();
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

  public DecisionDraft getDraft() {
    return draft;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public String getLabel() {
    return label;
  }
}
