package io.decisionledger.interfaces.decision.web;

import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/** The decisions list: a status filter and a lazy model that pages in SQL. */
@Named("decisionList")
@ViewModel
public class DecisionListBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DecisionService decisions;

  private DecisionStatus status;
  private LazyDataModel<Decision> model;

  @PostConstruct
  void init() {
    model = new DecisionLazyModel(q -> decisions.list(q), this::getStatus);
  }

  public void filterChanged() {
    UIComponent table =
        FacesContext.getCurrentInstance().getViewRoot().findComponent(":decisionsForm:decisions");
    if (table instanceof DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  public LazyDataModel<Decision> getModel() {
    return model;
  }

  public DecisionStatus[] getStatuses() {
    return DecisionStatus.values();
  }

  public DecisionStatus getStatus() {
    return status;
  }

  public void setStatus(DecisionStatus status) {
    this.status = status;
  }
}
