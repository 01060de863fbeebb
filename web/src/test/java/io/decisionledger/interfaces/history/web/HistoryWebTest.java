package io.decisionledger.interfaces.history.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.Page;
import io.decisionledger.application.history.HistoryEntry;
import io.decisionledger.domain.model.history.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryWebTest {

  private static HistoryEntry entry(String type, long id, ChangeKind kind, boolean first) {
    return new HistoryEntry(7, Instant.parse("2026-03-01T10:00:00Z"), "alice", null, type, id,
        "label", kind, first, List.of());
  }

  @Test
  void entriesLinkToTheirPageWhileItExistsAndToTheirTimelineOtherwise() {
    HistoryView view = new HistoryView();
    assertThat(view.outcome(entry("experiment", 3, ChangeKind.CHANGED, false)))
        .isEqualTo("/experiments/detail");
    assertThat(view.outcome(entry("decision", 3, ChangeKind.CREATED, false)))
        .isEqualTo("/decisions/detail");
    HistoryEntry deleted = entry("decision", 3, ChangeKind.DELETED, false);
    assertThat(view.outcome(deleted)).isEqualTo("/history/timeline");
    assertThat(view.toTimeline(deleted)).isTrue();
    assertThat(view.outcome(entry("run", 9, ChangeKind.CHANGED, false)))
        .isEqualTo("/history/timeline");
    assertThat(view.outcome(entry("goal", 4, ChangeKind.CHANGED, false)))
        .isEqualTo("/goals/detail");
    assertThat(view.outcome(entry("goal", 4, ChangeKind.DELETED, false)))
        .isEqualTo("/history/timeline");
    assertThat(view.outcome(entry("goal-item", 5, ChangeKind.CREATED, false)))
        .isEqualTo("/history/timeline");
  }

  @Test
  void kindsAndTypesReadAsWords() {
    HistoryView view = new HistoryView();
    assertThat(view.kindLabel(entry("run", 1, ChangeKind.CHANGED, false))).isEqualTo("Changed");
    assertThat(view.kindLabel(entry("run", 1, ChangeKind.CHANGED, true)))
        .isEqualTo("First recorded");
    assertThat(view.kindLabel(entry("run", 1, ChangeKind.DELETED, false))).isEqualTo("Deleted");
    assertThat(view.kindClass(entry("run", 1, ChangeKind.CREATED, false)))
        .isEqualTo("badge history-created");
    assertThat(view.typeLabel("goal-item")).isEqualTo("Goal item");
  }

  @Test
  void theLazyModelAsksForOnePageAndCountsFromIt() {
    List<int[]> asked = new ArrayList<>();
    HistoryLazyModel model = new HistoryLazyModel((offset, limit) -> {
      asked.add(new int[] {offset, limit});
      return new Page<>(List.of(entry("run", 5, ChangeKind.CREATED, false)), 41, offset, limit);
    });

    List<HistoryEntry> rows = model.load(20, 20, Map.of(), Map.of());

    assertThat(rows).hasSize(1);
    assertThat(model.count(Map.of())).isEqualTo(41);
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0)).containsExactly(20, 20);
    assertThat(model.getRowKey(rows.get(0))).isEqualTo("7-run-5");

    model.reset();
    assertThat(model.count(Map.of())).isEqualTo(41);
    assertThat(asked).hasSize(2);
  }
}
