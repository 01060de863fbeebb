package io.decisionledger.interfaces.experiment.web;

import java.io.Serializable;

/** One environment parameter being entered: a name and a value. */
public class ParameterRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String value;

  public ParameterRow() {}

  public ParameterRow(String name, String value) {
    this.name = name;
    this.value = value;
  }

  boolean isBlank() {
    return (name == null || name.isBlank()) && (value == null || value.isBlank());
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
