package io.decisionledger.interfaces.experiment.web;

import java.io.Serializable;

/** One measurement being entered by hand: which metric, the value, an optional step. */
public class MeasurementRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private String metric;
  private Double value;
  private Long step;

  public MeasurementRow() {}

  public MeasurementRow(String metric) {
    this.metric = metric;
  }

  /** A row without a value is left out: the form offers one row per metric to fill or not. */
  boolean isEmpty() {
    return value == null && step == null;
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public Double getValue() {
    return value;
  }

  public void setValue(Double value) {
    this.value = value;
  }

  public Long getStep() {
    return step;
  }

  public void setStep(Long step) {
    this.step = step;
  }
}
