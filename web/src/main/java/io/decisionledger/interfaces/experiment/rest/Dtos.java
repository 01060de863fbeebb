package io.decisionledger.interfaces.experiment.rest;

import io.decisionledger.application.IngestionResult;
import io.decisionledger.application.Page;
import io.decisionledger.domain.model.comparison.Comparison;
import io.decisionledger.domain.model.comparison.MetricComparison;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.comparison.WelchTest;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.MetricDirection;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API returns: plain records built from the entities and value objects. */
public final class Dtos {

  private Dtos() {}

  @Schema(name = "Experiment")
  public record ExperimentDto(long id, String title, String hypothesis, String description,
      ExperimentStatus status, String owner, Instant createdAt, Instant updatedAt, long version) {
    static ExperimentDto of(Experiment e) {
      return new ExperimentDto(e.getId(), e.getTitle(), e.getHypothesis(), e.getDescription(),
          e.getStatus(), e.getOwner(), e.getCreatedAt(), e.getUpdatedAt(), e.getVersion());
    }
  }

  @Schema(name = "Variant")
  public record VariantDto(long id, long experimentId, String name, String description,
      boolean baseline) {
    static VariantDto of(Variant v) {
      return new VariantDto(v.getId(), v.getExperiment().getId(), v.getName(), v.getDescription(),
          v.isBaseline());
    }
  }

  @Schema(name = "Metric")
  public record MetricDto(long id, long experimentId, String name, String unit,
      MetricDirection direction, String description) {
    static MetricDto of(Metric m) {
      return new MetricDto(m.getId(), m.getExperiment().getId(), m.getName(), m.getUnit(),
          m.getDirection(), m.getDescription());
    }
  }

  @Schema(name = "Run")
  public record RunDto(long id, long variantId, Instant startedAt, Instant finishedAt,
      RunSource source, String notes, Map<String, String> parameters, Instant createdAt) {
    static RunDto of(Run r) {
      return new RunDto(r.getId(), r.getVariant().getId(), r.getStartedAt(), r.getFinishedAt(),
          r.getSource(), r.getNotes(), Map.copyOf(r.getParameters()), r.getCreatedAt());
    }
  }

  @Schema(name = "Page", description = "One page of a list and the length of the whole list")
  public record PageDto<T>(List<T> items, long total, int offset, int limit) {
    static <E, T> PageDto<T> of(Page<E> page, Function<E, T> map) {
      return new PageDto<>(page.items().stream().map(map).toList(), page.total(), page.offset(),
          page.limit());
    }
  }

  @Schema(name = "IngestionResult")
  public record IngestionResultDto(long runId, int rowsWritten, int metrics, boolean replayed) {
    static IngestionResultDto of(IngestionResult r) {
      return new IngestionResultDto(r.runId(), r.rowsWritten(), r.metrics(), r.replayed());
    }
  }

  /** Numbers that do not exist (no data, no interval) are null, never NaN. */
  private static Double num(double d) {
    return Double.isFinite(d) ? d : null;
  }

  @Schema(name = "VsBaseline", description = "Welch's t on run means against the baseline")
  public record VsBaselineDto(Double difference, Double ciLower, Double ciUpper,
      Double degreesOfFreedom, Double pValue, Double ratio) {
    static VsBaselineDto of(WelchTest t) {
      return t == null ? null : new VsBaselineDto(num(t.difference()), num(t.lower()),
          num(t.upper()), num(t.degreesOfFreedom()), num(t.pValue()), num(t.ratio()));
    }
  }

  @Schema(name = "VariantStatistics")
  public record VariantStatisticsDto(long variantId, String variant, boolean baseline, long runs,
      long n, Double mean, Double median, Double p95, Double min, Double max,
      Double standardDeviation, String verdict, VsBaselineDto vsBaseline) {
    static VariantStatisticsDto of(VariantStatistics s) {
      return new VariantStatisticsDto(s.variantId(), s.variant(), s.baseline(), s.runs(), s.n(),
          num(s.mean()), num(s.median()), num(s.p95()), num(s.min()), num(s.max()),
          num(s.standardDeviation()), s.verdict().name(), VsBaselineDto.of(s.vsBaseline()));
    }
  }

  @Schema(name = "MetricComparison")
  public record MetricComparisonDto(long metricId, String metric, String unit,
      MetricDirection direction, List<VariantStatisticsDto> variants) {
    static MetricComparisonDto of(MetricComparison m) {
      return new MetricComparisonDto(m.metricId(), m.metric(), m.unit(), m.direction(),
          m.variants().stream().map(VariantStatisticsDto::of).toList());
    }
  }

  @Schema(name = "Comparison")
  public record ComparisonDto(long experimentId, Long baselineVariantId, long measurements,
      List<MetricComparisonDto> metrics) {
    static ComparisonDto of(Comparison c) {
      return new ComparisonDto(c.experimentId(), c.baselineVariantId(), c.measurements(),
          c.metrics().stream().map(MetricComparisonDto::of).toList());
    }
  }
}
