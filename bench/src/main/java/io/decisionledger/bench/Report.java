package io.decisionledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of a run with its reference, ratio and target; written as Markdown and JSON. */
public final class Report {

  /** How a figure is judged against its reference; INFO figures carry no target. */
  public enum Kind {
    INFO(""),
    RATIO_AT_LEAST("ratio ≥ "),
    RATIO_AT_MOST("ratio ≤ "),
    DIFF_AT_MOST("difference ≤ "),
    ZERO("= 0");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One measured figure. */
  public record Figure(
      String scenario,
      String name,
      double value,
      String unit,
      String reference,
      Double referenceValue,
      Double ratio,
      Double difference,
      String target,
      Boolean met,
      Map<String, Object> details) {}

  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Object> machine = new LinkedHashMap<>();
  private final Map<String, Object> versions = new LinkedHashMap<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final Instant started = Instant.now();
  private final String mode;

  public Report(String mode) {
    this.mode = mode;
  }

  public void machine(String key, Object value) {
    machine.put(key, value);
  }

  public void version(String key, Object value) {
    versions.put(key, value);
  }

  public void setting(String key, Object value) {
    settings.put(key, value);
  }

  public void note(String note) {
    notes.add(note);
  }

  /** A figure without a reference. */
  public void add(String scenario, String name, double value, String unit, Map<String, Object> d) {
    figures.add(new Figure(scenario, name, value, unit, null, null, null, null, null, null, d));
  }

  /** A figure against a reference, judged by {@code kind} and {@code bound} (INFO: not judged). */
  public void add(String scenario, String name, double value, String unit, String reference,
      double referenceValue, Kind kind, double bound, Map<String, Object> d) {
    Double ratio = referenceValue == 0 ? null : value / referenceValue;
    double difference = value - referenceValue;
    Boolean met = switch (kind) {
      case INFO -> null;
      case RATIO_AT_LEAST -> ratio != null && ratio >= bound;
      case RATIO_AT_MOST -> ratio != null && ratio <= bound;
      case DIFF_AT_MOST -> difference <= bound;
      case ZERO -> value == 0;
    };
    String target = switch (kind) {
      case INFO -> null;
      case ZERO -> "= 0";
      case DIFF_AT_MOST -> "≤ ref + " + number(bound) + " " + unit;
      default -> kind.label + number(bound);
    };
    figures.add(new Figure(scenario, name, value, unit, reference, referenceValue, ratio,
        kind == Kind.DIFF_AT_MOST ? difference : null, target, met, d));
  }

  public List<Figure> figures() {
    return figures;
  }

  public boolean allTargetsMet() {
    return figures.stream().allMatch(f -> f.met() == null || f.met());
  }

  /** Writes report.md and report.json into {@code dir}. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mode", mode);
    json.put("started", started.toString());
    json.put("durationSeconds", (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0);
    json.put("machine", machine);
    json.put("versions", versions);
    json.put("settings", settings);
    json.put("figures", figures);
    json.put("notes", notes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("report.json").toFile(), json);
    Files.writeString(dir.resolve("report.md"), markdown(json));
  }

  private String markdown(Map<String, Object> json) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark report (").append(mode).append(")\n\n");
    md.append("Started ").append(started).append(", took ")
        .append(number((Double) json.get("durationSeconds"))).append(" s.\n\n");
    md.append("**Machine:** ");
    machine.forEach((k, v) -> md.append(k).append(" ").append(v).append("; "));
    md.append("\n\n**Versions:** ");
    versions.forEach((k, v) -> md.append(k).append(" ").append(v).append("; "));
    md.append("\n\n**Settings:** ");
    settings.forEach((k, v) -> md.append(k).append(" ").append(v).append("; "));
    md.append("\n\n## Targets\n\n");
    md.append("| Scenario | Figure | Value | Reference | Ratio | Target | Status |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Figure f : figures) {
      if (f.met() != null) {
        row(md, f);
      }
    }
    Map<String, List<Figure>> byScenario = new LinkedHashMap<>();
    for (Figure f : figures) {
      byScenario.computeIfAbsent(f.scenario(), k -> new ArrayList<>()).add(f);
    }
    byScenario.forEach((scenario, list) -> {
      md.append("\n## ").append(scenario).append("\n\n");
      md.append("| Scenario | Figure | Value | Reference | Ratio | Target | Status |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      list.forEach(f -> row(md, f));
    });
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, Figure f) {
    md.append("| ").append(f.scenario()).append(" | ").append(f.name()).append(" | ")
        .append(number(f.value())).append(' ').append(f.unit()).append(" | ");
    if (f.reference() != null) {
      md.append(f.reference()).append(": ").append(number(f.referenceValue())).append(' ')
          .append(f.unit());
    }
    md.append(" | ");
    if (f.difference() != null) {
      md.append(String.format(Locale.ROOT, "%+.0f %s", f.difference(), f.unit()));
    } else if (f.ratio() != null) {
      md.append(String.format(Locale.ROOT, "%.2f×", f.ratio()));
    }
    md.append(" | ").append(f.target() == null ? "" : f.target()).append(" | ")
        .append(f.met() == null ? "" : f.met() ? "met" : "**missed**").append(" |\n");
  }

  static String number(double v) {
    if (Math.abs(v) >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
