package io.decisionledger.interfaces.goal.rest;

import io.decisionledger.application.goal.GoalSummary;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.goal.Goal;
import io.decisionledger.domain.model.goal.GoalItem;
import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.domain.model.goal.Progress;
import io.decisionledger.infrastructure.markdown.Markdown;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the goals API returns. */
public final class GoalDtos {

  private GoalDtos() {}

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @Schema(name = "Progress", description = "Complete items (proven or done by hand) of all items;"
      + " the percent is rounded down, so 100 means every item is complete")
  public record ProgressDto(long completed, long total, int percent, boolean complete) {
    static ProgressDto of(Progress p) {
      return new ProgressDto(p.completed(), p.total(), p.percent(), p.complete());
    }
  }

  @Schema(name = "Proof", description = "The decision or experiment that proves an item")
  public record ProofDto(
      @Schema(enumeration = {"DECISION", "EXPERIMENT"}) String type, long id,
      @Schema(description = "ADR-0007 for a decision, the title for an experiment") String label,
      String title, @Schema(description = "The decision's or experiment's status") String status) {
    static ProofDto of(GoalItem item) {
      Decision d = item.getDecision();
      if (d != null) {
        return new ProofDto("DECISION", d.getId(), d.label(), d.getTitle(), d.getStatus().name());
      }
      Experiment e = item.getExperiment();
      if (e != null) {
        return new ProofDto("EXPERIMENT", e.getId(), e.getTitle(), e.getTitle(),
            e.getStatus().name());
      }
      return null;
    }
  }

  @Schema(name = "GoalItem", description = "One line of a goal's checklist")
  public record GoalItemDto(long id, int position, String text,
      @Schema(description = "Proven or done by hand") boolean complete, boolean proven,
      ProofDto proof, Instant provenAt,
      @Schema(description = "Ticked by hand") boolean done,
      @Schema(description = "How it was done (given when done by hand)") String note,
      Instant doneAt) {
    static GoalItemDto of(GoalItem i) {
      return new GoalItemDto(i.getId(), i.getPosition(), i.getText(), i.isComplete(),
          i.isProven(), ProofDto.of(i), i.getProvenAt(), i.isDone(), i.getDoneNote(),
          i.getDoneAt());
    }
  }

  @Schema(name = "Goal")
  public record GoalDto(long id, String title, GoalKind kind, LocalDate targetDate,
      @Schema(description = "Past the target date (UTC) and not complete") boolean overdue,
      @Schema(description = "Markdown as written") String description,
      @Schema(description = "The description rendered to sanitised HTML") String descriptionHtml,
      ProgressDto progress, List<GoalItemDto> items, Instant createdAt, Instant updatedAt,
      long version) {
    static GoalDto of(Goal g) {
      return new GoalDto(g.getId(), g.getTitle(), g.getKind(), g.getTargetDate(),
          g.isOverdue(today()), g.getDescription(), Markdown.toSafeHtml(g.getDescription()),
          ProgressDto.of(g.progress()), g.getItems().stream().map(GoalItemDto::of).toList(),
          g.getCreatedAt(), g.getUpdatedAt(), g.getVersion());
    }
  }

  @Schema(name = "GoalSummary")
  public record GoalSummaryDto(long id, String title, GoalKind kind, LocalDate targetDate,
      boolean overdue, ProgressDto progress, Instant createdAt, Instant updatedAt) {
    static GoalSummaryDto of(GoalSummary s) {
      return new GoalSummaryDto(s.id(), s.title(), s.kind(), s.targetDate(), s.overdue(today()),
          ProgressDto.of(s.progress()), s.createdAt(), s.updatedAt());
    }
  }
}
