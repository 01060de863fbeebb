package io.decisionledger.interfaces.history.web;

import io.decisionledger.application.history.HistoryService;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.component.datatable.DataTable;

/** The recent-changes page: every recorded change, newest first, optionally of one kind. */
@Named("recentChanges")
@ViewModel
public class RecentChangesBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String TABLE = ":historyForm:changes";

  @Inject HistoryService history;

  private String type;
  private List<String> types = List.of();
  private HistoryLazyModel model;

  @PostConstruct
  void init() {
    types = history.types();
    model = new HistoryLazyModel((offset, limit) -> history.recent(type, offset, limit));
  }

  /** A changed filter starts again at the first page. */
  public void filterChanged() {
    model.reset();
    UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
    if (table instanceof DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  public HistoryLazyModel getModel() {
    return model;
  }

  public List<String> getTypes() {
    return types;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type == null || type.isBlank() || !types.contains(type) ? null : type;
  }
}
