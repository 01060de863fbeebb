package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.MeasurementInput;
import io.decisionledger.application.RunDraft;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds a run by hand: the variant, when it ran, its environment parameters and its measurements,
 * written together (the run and its measurements, or nothing).
 */
@Named("runNew")
@ViewModel
public class RunNewBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String FORM = "runForm";

  static final Map<String, String> FIELDS =
      Map.of(
          "variant", FORM + ":variant",
          "startedAt", FORM + ":started",
          "finishedAt", FORM + ":finished",
          "notes", FORM + ":notes",
          "parameters", FORM + ":addParameter");

  @Inject ExperimentService experiments;
  @Inject RunRecorder recorder;

  private Long experimentId;
  private boolean notFound;
  // Small snapshots, not entities: the bean is kept with the session, which must serialize it.
  private String experimentTitle;
  private List<VariantChoice> variants = List.of();
  private List<String> metricNames = List.of();

  private Long variantId;
  private LocalDateTime started = Times.nowToTheMinute();
  private LocalDateTime finished;
  private String notes;
  private final List<ParameterRow> parameters = new ArrayList<>();
  private final List<MeasurementRow> measurements = new ArrayList<>();

  /** View action: the experiment, its variants, and one measurement row per metric. */
  public void load() {
    if (experimentId == null) {
      notFound = true;
      Messages.error("No experiment was named: open one from the list.");
      return;
    }
    try {
      experimentTitle = experiments.get(experimentId).getTitle();
      variants = experiments.variants(experimentId).stream().map(VariantChoice::of).toList();
      metricNames = experiments.metrics(experimentId).stream().map(Metric::getName).toList();
    } catch (DomainException.NotFound e) {
      notFound = true;
      Messages.error(e.getMessage());
      return;
    }
    if (variantId == null && variants.size() == 1) {
      variantId = variants.get(0).id();
    }
    if (measurements.isEmpty()) {
      metricNames.forEach(name -> measurements.add(new MeasurementRow(name)));
    }
    if (parameters.isEmpty()) {
      parameters.add(new ParameterRow());
    }
  }

  public void addParameter() {
    parameters.add(new ParameterRow());
  }

  public void removeParameter(int index) {
    if (index >= 0 && index < parameters.size()) {
      parameters.remove(index);
    }
  }

  public void addMeasurement() {
    measurements.add(new MeasurementRow(metricNames.isEmpty() ? null : metricNames.get(0)));
  }

  public void removeMeasurement(int index) {
    if (index >= 0 && index < measurements.size()) {
      measurements.remove(index);
    }
  }

  public String save() {
    List<FieldError> errors = new ArrayList<>();
    if (variantId == null || variants.stream().noneMatch(v -> v.id() == variantId)) {
      errors.add(new FieldError(FIELDS.get("variant"), "Choose the variant this run executed"));
    }
    if (started != null && finished != null && finished.isBefore(started)) {
      errors.add(new FieldError(FIELDS.get("finishedAt"), "Finished must not be before started"));
    }
    Map<String, String> params = parameterMap(parameters, errors);
    List<MeasurementInput> inputs = measurementInputs(measurements, Set.copyOf(metricNames), errors);
    if (!errors.isEmpty()) {
      errors.forEach(e -> Messages.fieldError(e.field(), e.message()));
      Messages.error("Please correct the marked fields.");
      return null;
    }
    RunDraft draft = new RunDraft();
    draft.setStartedAt(Times.toInstant(started));
    draft.setFinishedAt(Times.toInstant(finished));
    draft.setNotes(notes);
    draft.setParameters(params);
    try {
      RunRecorder.Recorded recorded = recorder.record(variantId, draft, RunSource.MANUAL, inputs);
      Messages.info("Saved run #" + recorded.runId() + " with " + recorded.measurements()
          + (recorded.measurements() == 1 ? " measurement." : " measurements."));
      Messages.keepForRedirect();
      return "/experiments/detail?faces-redirect=true&id=" + experimentId;
    } catch (DomainException e) {
      Map<String, String> fields = new HashMap<>(FIELDS);
      // Ingestion names rows as "[i].metric" / "[i].value": point at the row that was sent.
      List<Integer> sent = sentRows(measurements);
      for (FieldError error : e.errors()) {
        String field = error.field();
        if (field != null && field.startsWith("[")) {
          int close = field.indexOf(']');
          int index = Integer.parseInt(field.substring(1, close));
          String part = field.substring(close + 2);
          if (index < sent.size()) {
            fields.put(field, measurementClientId(sent.get(index), part));
          }
        }
      }
      Messages.add(e, fields);
      return null;
    }
  }

  /** The parameters by name; a row with a value needs a name, and names must differ. */
  static Map<String, String> parameterMap(List<ParameterRow> rows, List<FieldError> errors) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ParameterRow row = rows.get(i);
      if (row.isBlank()) {
        continue;
      }
      String name = row.getName() == null ? "" : row.getName().strip();
      if (name.isEmpty()) {
        errors.add(new FieldError(parameterClientId(i, "name"), "Name is required"));
      } else if (name.length() > 120) {
        errors.add(new FieldError(parameterClientId(i, "name"), "At most 120 characters"));
      } else if (map.containsKey(name)) {
        errors.add(new FieldError(parameterClientId(i, "name"), "Already named above"));
      } else if (row.getValue() != null && row.getValue().length() > 1000) {
        errors.add(new FieldError(parameterClientId(i, "value"), "At most 1000 characters"));
      } else {
        map.put(name, row.getValue() == null ? "" : row.getValue().strip());
      }
    }
    return map;
  }

  /** The filled measurement rows; each needs a known metric and a finite value. */
  static List<MeasurementInput> measurementInputs(List<MeasurementRow> rows, Set<String> metrics,
      List<FieldError> errors) {
    List<MeasurementInput> inputs = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      MeasurementRow row = rows.get(i);
      if (row.isEmpty()) {
        continue;
      }
      if (row.getMetric() == null || !metrics.contains(row.getMetric())) {
        errors.add(new FieldError(measurementClientId(i, "metric"), "Choose a metric"));
      } else if (row.getValue() == null) {
        errors.add(new FieldError(measurementClientId(i, "value"), "Value is required"));
      } else if (!Double.isFinite(row.getValue())) {
        errors.add(new FieldError(measurementClientId(i, "value"), "Value must be a finite number"));
      } else {
        inputs.add(new MeasurementInput(row.getMetric(), row.getValue(), row.getStep(), null));
      }
    }
    return inputs;
  }

  /** Positions in the form of the rows that were sent, in the order sent. */
  private static List<Integer> sentRows(List<MeasurementRow> rows) {
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).isEmpty()) {
        sent.add(i);
      }
    }
    return sent;
  }

  static String parameterClientId(int index, String input) {
    return FORM + ":parameters:" + index + ":parameter" + capitalise(input);
  }

  static String measurementClientId(int index, String input) {
    return FORM + ":measurements:" + index + ":measurement" + capitalise(input);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The measurements filled in so far, for the page's summary line. */
  public String getSummary() {
    long filled = measurements.stream().filter(r -> !r.isEmpty()).count();
    return filled + " of " + measurements.size() + " rows filled";
  }

  /** A variant as the form offers it. */
  public record VariantChoice(long id, String label) implements Serializable {

    static VariantChoice of(Variant v) {
      return new VariantChoice(v.getId(), v.isBaseline() ? v.getName() + " (baseline)" : v.getName());
    }
  }

  public Long getExperimentId() {
    return experimentId;
  }

  public void setExperimentId(Long experimentId) {
    this.experimentId = experimentId;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public String getExperimentTitle() {
    return experimentTitle;
  }

  public List<VariantChoice> getVariants() {
    return variants;
  }

  public List<String> getMetricNames() {
    return metricNames;
  }

  public Long getVariantId() {
    return variantId;
  }

  public void setVariantId(Long variantId) {
    this.variantId = variantId;
  }

  public LocalDateTime getStarted() {
    return started;
  }

  public void setStarted(LocalDateTime started) {
    this.started = started;
  }

  public LocalDateTime getFinished() {
    return finished;
  }

  public void setFinished(LocalDateTime finished) {
    this.finished = finished;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }

  public List<ParameterRow> getParameters() {
    return parameters;
  }

  public List<MeasurementRow> getMeasurements() {
    return measurements;
  }
}
