package io.decisionledger.interfaces.history.rest;

import io.decisionledger.application.Page;
import io.decisionledger.application.history.HistoryEntry;
import io.decisionledger.domain.model.history.ChangeKind;
import io.decisionledger.domain.model.history.FieldChange;
import io.decisionledger.interfaces.experiment.rest.Dtos.PageDto;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the history API returns. */
public final class HistoryDtos {

  private HistoryDtos() {}

  @Schema(name = "HistoryEntry", description = "One recorded change of one entity")
  public record HistoryEntryDto(
      @Schema(description = "The revision (one per transaction); newer ones are larger") long revision,
      Instant at,
      @Schema(description = "Who made the change: the signed-in caller, 'system' for start-up"
          + " jobs, 'anonymous' otherwise") String author,
      @Schema(description = "The X-Request-Id of the request that made it, when there was one")
          String requestId,
      @Schema(description = "experiment, variant, metric, run, decision, evidence, …") String type,
      long id,
      @Schema(description = "How people know the entity as of this revision") String label,
      ChangeKind change,
      @Schema(description = "No earlier state is recorded (the entity predates the history):"
          + " the changes list its whole state then") boolean firstRecorded,
      @Schema(description = "Field by field against the previous recorded state; empty for a"
          + " deletion") List<FieldChangeDto> changes) {
    static HistoryEntryDto of(HistoryEntry e) {
      return new HistoryEntryDto(e.revision(), e.at(), e.author(), e.requestId(), e.type(), e.id(),
          e.label(), e.kind(), e.firstRecorded(),
          e.changes().stream().map(FieldChangeDto::of).toList());
    }
  }

  @Schema(name = "FieldChange", description = "How one field differs from the previous state")
  public record FieldChangeDto(String field, String label, String before, String after,
      @Schema(description = "For a collection: 'added X; removed Y; changed Z'") String summary,
      List<String> added, List<String> removed, List<String> changed) {
    static FieldChangeDto of(FieldChange c) {
      return new FieldChangeDto(c.field(), c.label(), c.before(), c.after(), c.summary(),
          c.added(), c.removed(), c.changed());
    }
  }

  static PageDto<HistoryEntryDto> page(Page<HistoryEntry> page) {
    return new PageDto<>(page.items().stream().map(HistoryEntryDto::of).toList(), page.total(),
        page.offset(), page.limit());
  }
}
