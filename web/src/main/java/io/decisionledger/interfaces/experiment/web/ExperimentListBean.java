package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.ExperimentService;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/** The experiments list: the filter the person typed and a lazy model that pages in SQL. */
@Named("experimentList")
@ViewModel
public class ExperimentListBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String TABLE = ":experimentsForm:experiments";

  @Inject ExperimentService experiments;

  private String text;
  private ExperimentStatus status;
  private LazyDataModel<Experiment> model;

  @PostConstruct
  void init() {
    model = new ExperimentLazyModel(q -> experiments.list(q), this::getText, this::getStatus);
  }

  /** A changed filter starts again at the first page. */
  public void filterChanged() {
    UIComponent table =
        FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
    if (table instanceof DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  public LazyDataModel<Experiment> getModel() {
    return model;
  }

  public ExperimentStatus[] getStatuses() {
    return ExperimentStatus.values();
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public ExperimentStatus getStatus() {
    return status;
  }

  public void setStatus(ExperimentStatus status) {
    this.status = status;
  }
}
