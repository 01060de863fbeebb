package io.decisionledger.interfaces.decision.web;

import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.interfaces.web.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How decisions read on the pages ({@code #{dfmt.status(d.status)}}). Numbers that may be absent
 * take a {@link Double}: EL would turn a null into 0 for a {@code double} parameter.
 */
@Named("dfmt")
@ApplicationScoped
public class DecisionFormat {

  @Inject Format fmt;

  public String statusClass(DecisionStatus status) {
    return "badge decision-status decision-" + (status == null ? "none"
        : status.name().toLowerCase(Locale.ROOT));
  }

  public String statusLabel(DecisionStatus status) {
    return status == null ? Format.NONE : status.label();
  }

  public String num(Double value) {
    return value == null ? Format.NONE : fmt.num(value);
  }

  /** {@code +1.2 [0.4, 2.0]}, or a dash without an interval. */
  public String interval(Double difference, Double lower, Double upper) {
    if (lower == null || upper == null) {
      return difference == null ? Format.NONE : signed(difference);
    }
    return signed(difference) + " [" + fmt.num(lower) + ", " + fmt.num(upper) + "]";
  }

  private String signed(Double d) {
    if (d == null) {
      return Format.NONE;
    }
    return (d > 0 ? "+" : "") + fmt.num(d);
  }

  public String ratio(Double ratio) {
    return ratio == null ? Format.NONE : String.format(Locale.ROOT, "%.2f×", ratio);
  }

  public String date(LocalDate date) {
    return date == null ? Format.NONE : date.toString();
  }

  public String shortHash(String sha256) {
    return sha256 == null ? Format.NONE : sha256.substring(0, Math.min(12, sha256.length()));
  }
}
