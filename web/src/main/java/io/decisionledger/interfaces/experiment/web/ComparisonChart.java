package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.domain.model.comparison.MetricComparison;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.experiment.MetricDirection;
import java.util.List;
import java.util.Locale;

/**
 * The Chart.js configuration that {@code p:chart} draws for one metric: one group of bars per run
 * (oldest first), one bar per variant in it, each the mean of that run. A glance shows both the
 * level of each variant and how much its runs vary. Written by hand (a few keys) so that it needs
 * no JSON provider and stays testable without a container.
 */
public final class ComparisonChart {

  /** Baseline in slate, then hues that stay apart for common colour-vision deficiencies. */
  static final List<String> COLOURS =
      List.of("#64748b", "#2563eb", "#d97706", "#059669", "#7c3aed", "#db2777", "#0891b2");

  private ComparisonChart() {}

  /** True when at least one variant has a run mean to draw. */
  public static boolean hasData(MetricComparison metric) {
    return metric.variants().stream().anyMatch(v -> !v.runMeans().isEmpty());
  }

  public static String json(MetricComparison metric) {
    int runs = metric.variants().stream().mapToInt(v -> v.runMeans().size()).max().orElse(0);
    StringBuilder labels = new StringBuilder("[");
    for (int i = 1; i <= runs; i++) {
      labels.append(i > 1 ? "," : "").append(string("Run " + i));
    }
    labels.append(']');
    StringBuilder datasets = new StringBuilder("[");
    int colour = 0;
    for (VariantStatistics v : metric.variants()) {
      String c = COLOURS.get(v.baseline() ? 0 : 1 + (colour++ % (COLOURS.size() - 1)));
      StringBuilder data = new StringBuilder("[");
      for (int i = 0; i < v.runMeans().size(); i++) {
        data.append(i > 0 ? "," : "").append(number(v.runMeans().get(i)));
      }
      data.append(']');
      datasets.append(datasets.length() > 1 ? "," : "")
          .append("{\"label\":").append(string(v.baseline() ? v.variant() + " (baseline)" : v.variant()))
          .append(",\"data\":").append(data)
          .append(",\"backgroundColor\":").append(string(c))
          .append(",\"borderColor\":").append(string(c))
          .append(",\"borderWidth\":1}");
    }
    datasets.append(']');
    String unit = metric.unit() == null ? "" : metric.unit().strip();
    String direction = metric.direction() == MetricDirection.HIGHER_IS_BETTER
        ? "higher is better" : "lower is better";
    String title = "Mean per run: " + metric.metric() + (unit.isEmpty() ? "" : " (" + unit + ")")
        + ", " + direction;
    return "{\"type\":\"bar\",\"data\":{\"labels\":" + labels + ",\"datasets\":" + datasets + "},"
        + "\"options\":{\"responsive\":true,\"maintainAspectRatio\":false,\"animation\":false,"
        + "\"plugins\":{\"title\":{\"display\":true,\"text\":" + string(title) + "},"
        + "\"legend\":{\"position\":\"bottom\"}},"
        + "\"scales\":{\"y\":{\"beginAtZero\":true,\"title\":{\"display\":" + !unit.isEmpty()
        + ",\"text\":" + string(unit) + "}},"
        + "\"x\":{\"title\":{\"display\":true,\"text\":\"runs, oldest first\"}}}}}";
  }

  static String number(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return "null";
    }
    double v = value;
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }

  /** A JSON string literal; also safe inside an HTML script block ({@code <} is escaped). */
  static String string(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : (s == null ? "" : s).toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        default -> {
          if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
