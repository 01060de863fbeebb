package io.decisionledger.domain.model.decision;

import io.decisionledger.domain.model.comparison.Verdict;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * How the current comparison stands against one frozen evidence row (docs/architecture.md D11).
 * The evidence has <em>drifted</em> when
 *
 * <ul>
 *   <li>the verdict changed (for example worse → no significant difference), or
 *   <li>the current difference of run means to the baseline (variant − baseline) lies outside the
 *       95% confidence interval of that difference frozen at citation, or
 *   <li>the cited metric or variant no longer exists (the evidence can no longer be checked).
 * </ul>
 *
 * A changed hash of the underlying rollups ({@code dataChanged}) alone is informational: new runs
 * that leave the verdict and the interval intact do not flag the decision.
 *
 * @param missing the metric or variant (or its experiment) is gone
 * @param verdictChanged the current verdict differs from the frozen one
 * @param outsideInterval the current difference lies outside the frozen 95% interval
 * @param dataChanged the rollups behind the metric changed since citation
 */
public record EvidenceDrift(
    boolean missing, boolean verdictChanged, boolean outsideInterval, boolean dataChanged) {

  public static final EvidenceDrift NONE = new EvidenceDrift(false, false, false, false);
  public static final EvidenceDrift MISSING = new EvidenceDrift(true, false, false, true);

  public boolean drifted() {
    return missing || verdictChanged || outsideInterval;
  }

  /** Why, in words, for the page and the API; empty when nothing changed. */
  public List<String> reasons() {
    List<String> reasons = new ArrayList<>();
    if (missing) {
      reasons.add("the cited metric or variant no longer exists");
    }
    if (verdictChanged) {
      reasons.add("the verdict changed");
    }
    if (outsideInterval) {
      reasons.add("the difference to the baseline moved outside the frozen 95% interval");
    }
    if (dataChanged && !missing) {
      reasons.add("the measurements changed since citation");
    }
    return reasons;
  }

  /**
   * Compares the frozen row with the current statistics of the same variant and metric.
   *
   * @param current null when the variant or metric is gone
   * @param currentSha256 the hash of the metric's rollups now; null when gone
   */
  public static EvidenceDrift of(Evidence frozen, VariantStatistics current, String currentSha256) {
    if (current == null || currentSha256 == null) {
      return MISSING;
    }
    Double currentDifference = current.vsBaseline() == null ? null
        : Double.isFinite(current.vsBaseline().difference())
            ? current.vsBaseline().difference() : null;
    return compare(frozen.getVerdict(), frozen.getCiLower(), frozen.getCiUpper(),
        frozen.getDataSha256(), current.verdict(), currentDifference, currentSha256);
  }

  /** The rule itself, on plain values (nulls are absent numbers). */
  public static EvidenceDrift compare(Verdict frozenVerdict, Double frozenLower, Double frozenUpper,
      String frozenSha256, Verdict currentVerdict, Double currentDifference,
      String currentSha256) {
    boolean verdictChanged = frozenVerdict != currentVerdict;
    boolean outside = frozenLower != null && frozenUpper != null && currentDifference != null
        && (currentDifference < frozenLower || currentDifference > frozenUpper);
    boolean dataChanged = !java.util.Objects.equals(frozenSha256, currentSha256);
    return new EvidenceDrift(false, verdictChanged, outside, dataChanged);
  }
}
