package io.decisionledger.interfaces.web;

import io.decisionledger.domain.model.comparison.Verdict;
import io.decisionledger.domain.model.comparison.WelchTest;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import io.decisionledger.domain.model.experiment.MetricDirection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers, times and states read on the pages, as {@code #{fmt.num(x)}} and the like. Times
 * are shown in UTC, labelled so; missing numbers (NaN) read as a dash.
 */
@Named("fmt")
@ApplicationScoped
public class Format {

  public static final String NONE = "—";

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A value with as many decimals as its magnitude needs. */
  public String num(double value) {
    if (!Double.isFinite(value)) {
      return NONE;
    }
    double abs = Math.abs(value);
    String pattern = abs >= 1000 ? "#,##0.#" : abs >= 1 ? "#,##0.##" : abs == 0 ? "0" : "0.####";
    String text = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(value);
    return "-0".equals(text) ? "0" : text;
  }

  /** A count with thousands separators. */
  public String count(long value) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
  }

  /** Mean ± standard deviation; the deviation is left out when there is none. */
  public String meanSd(double mean, double sd) {
    if (!Double.isFinite(mean)) {
      return NONE;
    }
    return Double.isFinite(sd) ? num(mean) + " ± " + num(sd) : num(mean);
  }

  /** The ratio of the variant's mean to the baseline's, as {@code 1.23×}. */
  public String ratio(WelchTest test) {
    if (test == null || !Double.isFinite(test.ratio())) {
      return NONE;
    }
    return new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(test.ratio()) + "×";
  }

  /** The difference to the baseline with its 95% interval, as {@code +1.2 [0.4, 2.0]}. */
  public String interval(WelchTest test) {
    if (test == null || !Double.isFinite(test.lower()) || !Double.isFinite(test.upper())) {
      return NONE;
    }
    String sign = test.difference() > 0 ? "+" : "";
    return sign + num(test.difference()) + " [" + num(test.lower()) + ", " + num(test.upper()) + "]";
  }

  public String instant(Instant instant) {
    return instant == null ? NONE : INSTANT.format(instant) + " UTC";
  }

  public String verdictClass(Verdict verdict) {
    return "badge verdict-" + (verdict == null ? "none" : verdict.name().toLowerCase(Locale.ROOT));
  }

  public String verdictLabel(Verdict verdict) {
    return verdict == null ? NONE : verdict.label();
  }

  public String statusClass(ExperimentStatus status) {
    return "badge status-" + (status == null ? "none" : status.name().toLowerCase(Locale.ROOT));
  }

  public String statusLabel(ExperimentStatus status) {
    if (status == null) {
      return NONE;
    }
    String name = status.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  public String direction(MetricDirection direction) {
    return direction == null ? NONE
        : direction == MetricDirection.LOWER_IS_BETTER ? "lower is better" : "higher is better";
  }
}
