package io.decisionledger.interfaces.decision.rest;

import io.decisionledger.application.decision.CitedEvidence;
import io.decisionledger.application.decision.EvidenceReport;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.decision.ConsideredOption;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.domain.model.decision.Evidence;
import io.decisionledger.domain.model.decision.EvidenceDrift;
import io.decisionledger.infrastructure.markdown.Markdown;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the decisions API returns. */
public final class DecisionDtos {

  private DecisionDtos() {}

  @Schema(name = "ConsideredOption")
  public record OptionDto(String name, String description, List<String> pros, List<String> cons) {
    static OptionDto of(ConsideredOption o) {
      return new OptionDto(o.getName(), o.getDescription(), o.proList(), o.conList());
    }
  }

  @Schema(name = "DecisionRef", description = "Another decision, by id, number and title")
  public record DecisionRefDto(long id, int number, String label, String title) {
    static DecisionRefDto of(Decision d) {
      return d == null ? null : new DecisionRefDto(d.getId(), d.getNumber(), d.label(), d.getTitle());
    }
  }

  @Schema(name = "Decision")
  public record DecisionDto(long id, int number, String label, String title, DecisionStatus status,
      LocalDate date, String deciders, String context, String drivers, List<OptionDto> options,
      String chosenOption, String justification, String consequences,
      @Schema(description = "Markdown as written") String body,
      @Schema(description = "The body rendered to sanitised HTML") String bodyHtml,
      DecisionRefDto supersededBy, List<DecisionRefDto> supersedes, Instant createdAt,
      Instant updatedAt, long version) {
    static DecisionDto of(Decision d, List<Decision> supersedes) {
      return new DecisionDto(d.getId(), d.getNumber(), d.label(), d.getTitle(), d.getStatus(),
          d.getDate(), d.getDeciders(), d.getContext(), d.getDrivers(),
          d.getOptions().stream().map(OptionDto::of).toList(), d.getChosenOption(),
          d.getJustification(), d.getConsequences(), d.getBody(), Markdown.toSafeHtml(d.getBody()),
          DecisionRefDto.of(d.getSupersededBy()),
          supersedes.stream().map(DecisionRefDto::of).toList(), d.getCreatedAt(),
          d.getUpdatedAt(), d.getVersion());
    }
  }

  @Schema(name = "DecisionSummary")
  public record DecisionSummaryDto(long id, int number, String label, String title,
      DecisionStatus status, LocalDate date, String deciders, DecisionRefDto supersededBy,
      Instant updatedAt) {
    static DecisionSummaryDto of(Decision d) {
      return new DecisionSummaryDto(d.getId(), d.getNumber(), d.label(), d.getTitle(),
          d.getStatus(), d.getDate(), d.getDeciders(), DecisionRefDto.of(d.getSupersededBy()),
          d.getUpdatedAt());
    }
  }

  private static Double num(double d) {
    return Double.isFinite(d) ? d : null;
  }

  @Schema(name = "EvidenceNumbers", description = "The statistics of one variant for one metric")
  public record NumbersDto(long runs, long n, Double mean, Double median, Double p95,
      Double standardDeviation, String verdict, Double difference, Double ciLower, Double ciUpper,
      Double ratio, String dataSha256) {
    static NumbersDto frozen(Evidence e) {
      return new NumbersDto(e.getRuns(), e.getN(), e.getMean(), e.getMedian(), e.getP95(),
          e.getStandardDeviation(), e.getVerdict().name(), e.getDifference(), e.getCiLower(),
          e.getCiUpper(), e.getRatio(), e.getDataSha256());
    }

    static NumbersDto current(VariantStatistics s, String sha256) {
      if (s == null) {
        return null;
      }
      var t = s.vsBaseline();
      return new NumbersDto(s.runs(), s.n(), num(s.mean()), num(s.median()), num(s.p95()),
          num(s.standardDeviation()), s.verdict().name(), t == null ? null : num(t.difference()),
          t == null ? null : num(t.lower()), t == null ? null : num(t.upper()),
          t == null ? null : num(t.ratio()), sha256);
    }
  }

  @Schema(name = "Drift", description = "How the current numbers stand against the frozen ones (D11)")
  public record DriftDto(boolean drifted, boolean verdictChanged, boolean outsideInterval,
      boolean dataChanged, boolean missing, List<String> reasons) {
    static DriftDto of(EvidenceDrift d) {
      return new DriftDto(d.drifted(), d.verdictChanged(), d.outsideInterval(), d.dataChanged(),
          d.missing(), d.reasons());
    }
  }

  @Schema(name = "Evidence", description = "One cited metric and variant: frozen beside current")
  public record EvidenceDto(long id, Long experimentId, String experiment, Long metricId,
      String metric, String unit, String direction, Long variantId, String variant,
      boolean baseline, Instant citedAt, NumbersDto frozen, NumbersDto current, DriftDto drift) {
    static EvidenceDto of(CitedEvidence c) {
      Evidence e = c.frozen();
      return new EvidenceDto(e.getId(), e.getExperimentId(), e.getExperimentTitle(),
          e.getMetricId(), e.getMetricName(), e.getUnit(), e.getDirection().name(),
          e.getVariantId(), e.getVariantName(), e.isBaseline(), e.getCitedAt(),
          NumbersDto.frozen(e), NumbersDto.current(c.current(), c.currentSha256()),
          DriftDto.of(c.drift()));
    }
  }

  @Schema(name = "EvidenceReport")
  public record EvidenceReportDto(long decisionId, String label, DecisionStatus status,
      boolean drifted, boolean dataChanged, List<String> reasons, List<EvidenceDto> evidence) {
    static EvidenceReportDto of(EvidenceReport r) {
      return new EvidenceReportDto(r.decision().getId(), r.decision().label(),
          r.decision().getStatus(), r.drifted(), r.dataChanged(), r.reasons(),
          r.rows().stream().map(EvidenceDto::of).toList());
    }
  }

  @Schema(name = "DriftedDecision")
  public record DriftedDecisionDto(DecisionRefDto decision, long driftedRows, List<String> reasons) {
    static DriftedDecisionDto of(EvidenceReport r) {
      return new DriftedDecisionDto(DecisionRefDto.of(r.decision()), r.driftedRows(), r.reasons());
    }
  }

  @Schema(name = "Supersession")
  public record SupersedeRequest(
      @Schema(description = "Id of the decision that replaces this one") Long supersededBy) {}
}
