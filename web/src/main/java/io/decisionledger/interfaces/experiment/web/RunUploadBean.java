package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.MeasurementCsv;
import io.decisionledger.application.MeasurementInput;
import io.decisionledger.application.RowLocator;
import io.decisionledger.application.RunDraft;
import io.decisionledger.application.RunService;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import io.decisionledger.interfaces.web.Format;
import io.decisionledger.interfaces.web.Messages;
import jakarta.annotation.PreDestroy;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.primefaces.model.file.UploadedFile;

/**
 * Uploads a CSV of measurements: preview first (the first rows and every line's error), then,
 * only when nothing is wrong, write them into a new run of a variant or an existing run. Between
 * the two steps the file waits in a temporary file, not in the session.
 */
@Named("runUpload")
@ViewModel
public class RunUploadBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int PREVIEW_ROWS = 20;
  static final int MAX_ERRORS = 100;
  static final String VARIANT_PREFIX = "variant:";
  static final String RUN_PREFIX = "run:";
  /** How many lines an unknown metric's error lists before "and n more". */
  static final int LINES_SHOWN = 5;
  private static final Pattern LINE_NUMBER = Pattern.compile("lines? (\\d+)");

  @Inject ExperimentService experiments;
  @Inject RunService runService;
  @Inject RunRecorder recorder;

  private Long experimentId;
  private boolean notFound;
  // A snapshot, not the entity: the bean is kept with the session, which must serialize it.
  private String experimentTitle;
  private List<SelectItem> targets = List.of();
  private Set<String> metricNames = Set.of();

  private String target;
  private transient UploadedFile file;

  private String tempFile;
  private String fileName;
  private int total;
  private boolean tooLarge;
  private List<MeasurementInput> previewRows = List.of();
  private List<FieldError> errors = List.of();

  /** View action: the experiment and where the measurements may go. */
  public void load() {
    if (experimentId == null) {
      notFound = true;
      Messages.error("No experiment was named: open one from the list.");
      return;
    }
    try {
      experimentTitle = experiments.get(experimentId).getTitle();
      List<Variant> variants = experiments.variants(experimentId);
      List<Run> runs = runService.runsOf(experimentId);
      metricNames = Set.copyOf(experiments.metrics(experimentId).stream()
          .map(Metric::getName).toList());
      targets = targets(variants, runs);
      if (target == null && !variants.isEmpty()) {
        target = VARIANT_PREFIX + variants.get(0).getId();
      }
    } catch (DomainException.NotFound e) {
      notFound = true;
      Messages.error(e.getMessage());
    }
  }

  static List<SelectItem> targets(List<Variant> variants, List<Run> runs) {
    List<SelectItem> items = new ArrayList<>();
    if (!variants.isEmpty()) {
      SelectItemGroup group = new SelectItemGroup("New run of variant");
      group.setSelectItems(variants.stream()
          .map(v -> new SelectItem(VARIANT_PREFIX + v.getId(),
              v.isBaseline() ? v.getName() + " (baseline)" : v.getName()))
          .toArray(SelectItem[]::new));
      items.add(group);
    }
    if (!runs.isEmpty()) {
      Format fmt = new Format();
      SelectItemGroup group = new SelectItemGroup("Add to existing run");
      group.setSelectItems(runs.stream()
          .map(r -> new SelectItem(RUN_PREFIX + r.getId(), "Run #" + r.getId() + " of "
              + r.getVariant().getName() + ", started " + fmt.instant(r.getStartedAt())))
          .toArray(SelectItem[]::new));
      items.add(group);
    }
    return items;
  }

  /** Reads the chosen file and shows what it holds; writes nothing. */
  public void preview() {
    clear();
    if (file == null || file.getSize() == 0) {
      Messages.fieldError("uploadForm:file", "Choose a CSV file to upload");
      return;
    }
    try {
      Path path = Files.createTempFile("decision-ledger-upload-", ".csv");
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
      }
      tempFile = path.toString();
      fileName = file.getFileName();
      MeasurementCsv.Result result = read(path);
      total = result.rows().size();
      tooLarge = result.tooLarge();
      previewRows = List.copyOf(result.rows().subList(0, Math.min(PREVIEW_ROWS, total)));
      errors = errors(result, metricNames);
      if (tooLarge) {
        Messages.error("The file has more than " + recorder.maxRows()
            + " measurements: split it into several uploads.");
      } else if (!errors.isEmpty()) {
        Messages.error("The file has errors (listed below); nothing was written.");
      } else if (total == 0) {
        Messages.warn("The file holds no measurements.");
      } else {
        Messages.info("The file is valid: " + total + " measurements ready to save.");
      }
    } catch (IOException e) {
      clear();
      Messages.error("The file could not be read.");
    }
  }

  /** Writes the previewed measurements; only a file without errors gets here. */
  public String confirm() {
    if (!isValid()) {
      Messages.error("Upload a valid file first.");
      return null;
    }
    if (target == null || !(target.startsWith(VARIANT_PREFIX) || target.startsWith(RUN_PREFIX))) {
      Messages.fieldError("uploadForm:target", "Choose where the measurements go");
      return null;
    }
    try {
      MeasurementCsv.Result result = read(Path.of(tempFile));
      if (!result.valid()) {
        Messages.error("The file has changed since the preview; upload it again.");
        return null;
      }
      List<MeasurementInput> rows = result.rows();
      RowLocator byLine = result.locator();
      RunRecorder.Recorded recorded;
      long id = Long.parseLong(target.substring(target.indexOf(':') + 1));
      if (target.startsWith(VARIANT_PREFIX)) {
        RunDraft draft = new RunDraft();
        rows.stream().map(MeasurementInput::recordedAt).filter(Objects::nonNull)
            .min(Instant::compareTo).ifPresent(draft::setStartedAt);
        rows.stream().map(MeasurementInput::recordedAt).filter(Objects::nonNull)
            .max(Instant::compareTo).ifPresent(draft::setFinishedAt);
        draft.setNotes("Uploaded from " + fileName);
        recorded = recorder.record(id, draft, RunSource.CSV, rows, byLine);
      } else {
        recorded = recorder.append(id, rows, byLine);
      }
      Messages.info("Saved " + recorded.measurements() + " measurements into run #"
          + recorded.runId() + ".");
      Messages.keepForRedirect();
      clear();
      return "/experiments/detail?faces-redirect=true&id=" + experimentId;
    } catch (DomainException e) {
      Messages.add(e, Map.of());
      return null;
    } catch (IOException e) {
      Messages.error("The uploaded file is no longer available; upload it again.");
      return null;
    }
  }

  private MeasurementCsv.Result read(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return MeasurementCsv.read(reader, recorder.maxRows(), MAX_ERRORS);
    }
  }

  /**
   * Every error of a file in line order: the lines that did not parse, and per unknown metric name
   * one error naming its lines.
   */
  static List<FieldError> errors(MeasurementCsv.Result result, Set<String> known) {
    record Located(long line, FieldError error) {}
    List<Located> all = new ArrayList<>();
    for (FieldError error : result.errors()) {
      all.add(new Located(firstLine(error.field()), error));
    }
    for (Map.Entry<String, Lines> unknown : unknownMetrics(result, known).entrySet()) {
      Lines lines = unknown.getValue();
      all.add(new Located(lines.first().get(0), new FieldError(lines.describe(),
          "unknown metric '" + unknown.getKey() + "' in this experiment; known metrics: "
              + (known.isEmpty() ? "none yet" : String.join(", ", new TreeSet<>(known))))));
    }
    all.sort(Comparator.comparingLong(Located::line));
    return all.stream().map(Located::error).toList();
  }

  /** Where a metric name occurs: its first {@link #LINES_SHOWN} lines and how many in all. */
  record Lines(List<Long> first, int count) {

    Lines add(long line) {
      List<Long> more = first;
      if (first.size() < LINES_SHOWN) {
        more = new ArrayList<>(first);
        more.add(line);
      }
      return new Lines(more, count + 1);
    }

    /** {@code line 3}, {@code lines 3, 5 and 9}, {@code lines 3, 5, 9, 12, 15 and 7 more}. */
    String describe() {
      if (count == 1) {
        return "line " + first.get(0);
      }
      String listed = first.stream().map(String::valueOf).collect(Collectors.joining(", "));
      if (first.size() < count) {
        return "lines " + listed + " and " + (count - first.size()) + " more";
      }
      int last = listed.lastIndexOf(", ");
      return "lines " + listed.substring(0, last) + " and " + listed.substring(last + 2);
    }
  }

  /** Per unknown metric name, in order of first use, the lines that name it. */
  static Map<String, Lines> unknownMetrics(MeasurementCsv.Result result, Set<String> known) {
    Map<String, Lines> unknown = new LinkedHashMap<>();
    List<MeasurementInput> rows = result.rows();
    for (int i = 0; i < rows.size(); i++) {
      if (!known.contains(rows.get(i).metric())) {
        long line = result.lineOf(i);
        unknown.merge(rows.get(i).metric(), new Lines(List.of(line), 1),
            (seen, next) -> seen.add(line));
      }
    }
    return unknown;
  }

  /** The number in a field such as {@code line 12} (0 for {@code file} and the like). */
  private static long firstLine(String field) {
    Matcher m = LINE_NUMBER.matcher(field == null ? "" : field);
    return m.lookingAt() ? Long.parseLong(m.group(1)) : 0;
  }

  private void clear() {
    if (tempFile != null) {
      try {
        Files.deleteIfExists(Path.of(tempFile));
      } catch (IOException ignored) {
        // A temporary file; the OS cleans up what remains.
      }
    }
    tempFile = null;
    fileName = null;
    total = 0;
    tooLarge = false;
    previewRows = List.of();
    errors = List.of();
  }

  @PreDestroy
  void discard() {
    clear();
  }

  public boolean isPreviewed() {
    return tempFile != null;
  }

  public boolean isValid() {
    return tempFile != null && errors.isEmpty() && !tooLarge && total > 0;
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

  public List<SelectItem> getTargets() {
    return targets;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }

  public String getFileName() {
    return fileName;
  }

  public int getTotal() {
    return total;
  }

  public boolean isTooLarge() {
    return tooLarge;
  }

  public List<MeasurementInput> getPreviewRows() {
    return previewRows;
  }

  public List<FieldError> getErrors() {
    return errors;
  }

  public int getPreviewLimit() {
    return PREVIEW_ROWS;
  }
}
