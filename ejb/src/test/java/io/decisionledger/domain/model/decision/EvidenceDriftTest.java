package io.decisionledger.domain.model.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.domain.model.comparison.SampleSummary;
import io.decisionledger.domain.model.comparison.Verdict;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.comparison.WelchTest;
import io.decisionledger.domain.model.experiment.MetricDirection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift rule of D11 on plain values and on frozen evidence. */
class EvidenceDriftTest {

  private static final String H1 = "a".repeat(64);
  private static final String H2 = "b".repeat(64);

  @Test
  void sameVerdictInsideTheIntervalAndSameDataIsNoDrift() {
    EvidenceDrift d = EvidenceDrift.compare(Verdict.WORSE, 0.7, 5.3, H1, Verdict.WORSE, 3.0, H1);
    assertThat(d).isEqualTo(EvidenceDrift.NONE);
    assertThat(d.drifted()).isFalse();
    assertThat(d.reasons()).isEmpty();
  }

  @Test
  void newDataInsideTheIntervalWithTheSameVerdictIsOnlyInformational() {
    EvidenceDrift d = EvidenceDrift.compare(Verdict.WORSE, 0.7, 5.3, H1, Verdict.WORSE, 5.29, H2);
    assertThat(d.dataChanged()).isTrue();
    assertThat(d.drifted()).isFalse();
    assertThat(d.reasons()).containsExactly("the measurements changed since citation");
  }

  @Test
  void aChangedVerdictDrifts() {
    EvidenceDrift d = EvidenceDrift.compare(Verdict.WORSE, 0.7, 5.3, H1,
        Verdict.NO_SIGNIFICANT_DIFFERENCE, 1.0, H2);
    assertThat(d.verdictChanged()).isTrue();
    assertThat(d.outsideInterval()).isFalse();
    assertThat(d.drifted()).isTrue();
  }

  @Test
  void aDifferenceOutsideTheFrozenIntervalDriftsEvenWithTheSameVerdict() {
    assertThat(EvidenceDrift.compare(Verdict.WORSE, 0.7, 5.3, H1, Verdict.WORSE, 5.31, H2)
        .outsideInterval()).isTrue();
    assertThat(EvidenceDrift.compare(Verdict.WORSE, 0.7, 5.3, H1, Verdict.WORSE, 0.69, H2)
        .drifted()).isTrue();
    // The bounds belong to the interval.
    assertThat(EvidenceDrift.compare(Verdict.WORSE, 0.7, 5.3, H1, Verdict.WORSE, 0.7, H1)
        .drifted()).isFalse();
  }

  @Test
  void withoutAFrozenIntervalOnlyTheVerdictCounts() {
    EvidenceDrift d = EvidenceDrift.compare(Verdict.NOT_ENOUGH_DATA, null, null, H1,
        Verdict.NOT_ENOUGH_DATA, 100.0, H2);
    assertThat(d.drifted()).isFalse();
    assertThat(EvidenceDrift.compare(Verdict.BASELINE, null, null, H1, Verdict.BASELINE, null, H2)
        .drifted()).isFalse();
  }

  @Test
  void frozenEvidenceAgainstCurrentStatistics() {
    Decision decision = new Decision(1, "Platform", Instant.EPOCH);
    WelchTest frozenTest = WelchTest.compare(SampleSummary.of(13, 14, 15),
        SampleSummary.of(10, 11, 12), MetricDirection.LOWER_IS_BETTER);
    assertThat(frozenTest.verdict()).isEqualTo(Verdict.WORSE);
    Evidence evidence = new Evidence(decision, 1, "Exp", 7, "boot", "s",
        MetricDirection.LOWER_IS_BETTER, stats(14, frozenTest), H1, Instant.EPOCH);
    assertThat(evidence.getCiLower()).isLessThan(3.0);
    assertThat(evidence.getCiUpper()).isGreaterThan(3.0);

    // The same numbers: nothing to flag.
    assertThat(evidence.driftAgainst(stats(14, frozenTest), H1).drifted()).isFalse();

    // Three fast new runs of the variant: the verdict flips and the difference leaves the interval.
    WelchTest flipped = WelchTest.compare(SampleSummary.of(13, 14, 15, 1, 1, 1),
        SampleSummary.of(10, 11, 12), MetricDirection.LOWER_IS_BETTER);
    EvidenceDrift drift = evidence.driftAgainst(stats(7.5, flipped), H2);
    assertThat(drift.verdictChanged()).isTrue();
    assertThat(drift.outsideInterval()).isTrue();
    assertThat(drift.dataChanged()).isTrue();
    assertThat(drift.drifted()).isTrue();

    // The variant or metric is gone.
    assertThat(evidence.driftAgainst(null, null)).isEqualTo(EvidenceDrift.MISSING);
    assertThat(EvidenceDrift.MISSING.drifted()).isTrue();
  }

  private static VariantStatistics stats(double mean, WelchTest test) {
    return new VariantStatistics(2, "B", false, 3, 30, mean, mean, mean, mean, mean, 1.0,
        List.of(), test);
  }
}
