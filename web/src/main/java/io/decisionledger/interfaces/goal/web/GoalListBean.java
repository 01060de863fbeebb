package io.decisionledger.interfaces.goal.web;

import io.decisionledger.application.goal.GoalService;
import io.decisionledger.application.goal.GoalSummary;
import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/** The goals list: a kind filter and a lazy model that pages, sorts and counts in SQL. */
@Named("goalList")
@ViewModel
public class GoalListBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject GoalService goals;

  private GoalKind kind;
  private LazyDataModel<GoalSummary> model;

  @PostConstruct
  void init() {
    model = new GoalLazyModel(q -> goals.list(q), this::getKind);
  }

  public void filterChanged() {
    UIComponent table =
        FacesContext.getCurrentInstance().getViewRoot().findComponent(":goalsForm:goals");
    if (table instanceof DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  public LazyDataModel<GoalSummary> getModel() {
    return model;
  }

  public GoalKind[] getKinds() {
    return GoalKind.values();
  }

  public GoalKind getKind() {
    return kind;
  }

  public void setKind(GoalKind kind) {
    this.kind = kind;
  }
}
