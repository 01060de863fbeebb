package io.decisionledger.interfaces.search.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.search.SearchHit;
import io.decisionledger.application.search.SearchKind;
import io.decisionledger.application.search.SearchService;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.LazyDataModel;

/**
 * The search page, {@code search.xhtml?q=...}: the header's search box and the page's own field
 * both arrive here by GET, so a search is a link. The query is checked once when the page opens
 * (an empty or word-less one is an error beside the field); the table then pages in the database.
 */
@Named("search")
@ViewModel
public class SearchBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String FIELD = "searchForm:q";

  @Inject SearchService searches;

  /** What was typed (view parameter {@code q}, and the page's field). */
  private String q;

  /** The query as checked, or null: nothing typed yet, or refused. */
  private String query;

  private LazyDataModel<SearchHit> model;

  @PostConstruct
  void init() {
    model = new SearchLazyModel(s -> searches.search(s), t -> searches.count(t), this::getQuery);
  }

  /** On opening the page: no {@code q} at all is the empty state; anything else is checked. */
  public void open() {
    FacesContext context = FacesContext.getCurrentInstance();
    if (q == null && !context.getExternalContext().getRequestParameterMap().containsKey("q")) {
      return;
    }
    query = check(q);
  }

  /** The page's own form: a valid query reloads the page with it in the address, by GET. */
  public String submit() {
    query = check(q);
    return query == null ? null : "/search?faces-redirect=true&includeViewParams=true";
  }

  private String check(String text) {
    try {
      return searches.checkQuery(text);
    } catch (DomainException e) {
      Messages.add(e, Map.of("q", FIELD));
      return null;
    }
  }

  /** The page a hit opens; a new kind does not compile until it is named here. */
  public String outcome(SearchKind kind) {
    return switch (kind) {
      case EXPERIMENT -> "/experiments/detail";
      case DECISION -> "/decisions/detail";
      case GOAL -> "/goals/detail";
    };
  }

  /** The badge class of a hit's kind: {@code badge kind-decision}. */
  public String kindClass(SearchKind kind) {
    return "badge kind-" + kind.name().toLowerCase(Locale.ROOT);
  }

  /** The badge class of a hit's status (a goal's kind), as on the pages of each kind. */
  public String statusClass(SearchHit hit) {
    String status = hit.status() == null ? "none" : hit.status().toLowerCase(Locale.ROOT);
    return switch (hit.kind()) {
      case EXPERIMENT -> "badge status-" + status;
      case DECISION -> "badge decision-status decision-" + status;
      case GOAL -> "badge goal-" + status;
    };
  }

  /** {@code ACCEPTED} reads {@code Accepted}. */
  public String statusLabel(String status) {
    if (status == null || status.isEmpty()) {
      return "";
    }
    String lower = status.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  public LazyDataModel<SearchHit> getModel() {
    return model;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getQuery() {
    return query;
  }
}
