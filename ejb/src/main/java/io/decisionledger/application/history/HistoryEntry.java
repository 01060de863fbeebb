package io.decisionledger.application.history;

import io.decisionledger.domain.model.history.ChangeKind;
import io.decisionledger.domain.model.history.FieldChange;
import java.time.Instant;
import java.util.List;

/**
 * One recorded change of one entity: which revision, when, by whom (and on which request), what
 * kind of change, and field by field what differs from the entity's previous recorded state.
 *
 * @param type the audited entity's name ({@code experiment}, {@code run}, {@code evidence})
 * @param label how people know the entity as of this revision ({@code ADR-0003 Use Path A})
 * @param firstRecorded a change with no earlier state in the history (the entity predates the
 *     history): its changes list its whole state then, not what that change altered
 * @param changes empty for a deletion; for a creation, every field that was set
 */
public record HistoryEntry(long revision, Instant at, String author, String requestId,
    String type, long id, String label, ChangeKind kind, boolean firstRecorded,
    List<FieldChange> changes) {

  public HistoryEntry {
    changes = List.copyOf(changes);
  }
}
