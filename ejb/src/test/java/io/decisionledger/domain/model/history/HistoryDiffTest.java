package io.decisionledger.domain.model.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryDiffTest {

  private static Map<String, String> items(String... keyValues) {
    Map<String, String> items = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      items.put(keyValues[i], keyValues[i + 1]);
    }
    return items;
  }

  @Test
  void aChangedValueIsOldToNewAndUnchangedFieldsAreLeftOut() {
    Snapshot before = Snapshot.builder().field("title", "Ingress").field("owner", "ops")
        .field("status", "PLANNED").build();
    Snapshot after = Snapshot.builder().field("title", "Ingress: NGINX vs Envoy")
        .field("owner", "ops").field("status", "RUNNING").build();

    assertThat(HistoryDiff.between(before, after)).containsExactly(
        FieldChange.of("title", "Ingress", "Ingress: NGINX vs Envoy"),
        FieldChange.of("status", "PLANNED", "RUNNING"));
  }

  @Test
  void settingAndClearingAValueGoFromAndToNothing() {
    Snapshot before = Snapshot.builder().field("hypothesis", null).field("notes", "slow disks")
        .build();
    Snapshot after = Snapshot.builder().field("hypothesis", "Envoy is faster")
        .field("notes", null).build();

    assertThat(HistoryDiff.between(before, after)).containsExactly(
        FieldChange.of("hypothesis", null, "Envoy is faster"),
        FieldChange.of("notes", "slow disks", null));
  }

  @Test
  void anEmptyTextCountsAsNothing() {
    Snapshot before = Snapshot.builder().field("description", null).build();
    Snapshot after = Snapshot.builder().field("description", "").build();
    assertThat(HistoryDiff.between(before, after)).isEmpty();
  }

  @Test
  void withoutAnEarlierStateEveryFieldWithAValueIsNew() {
    Snapshot created = Snapshot.builder().field("title", "Path A vs Path B").field("hypothesis", null)
        .items("parameters", items("nodes", "3")).items("tags", Map.of()).build();

    List<FieldChange> changes = HistoryDiff.between(null, created);

    assertThat(changes).extracting(FieldChange::field).containsExactly("title", "parameters");
    assertThat(changes.get(0).before()).isNull();
    assertThat(changes.get(1).added()).containsExactly("nodes");
    assertThat(changes.get(1).after()).isEqualTo("nodes: 3");
  }

  @Test
  void collectionsAreSummarisedByItem() {
    Snapshot before = Snapshot.builder().items("parameters",
        items("nodes", "3", "kernel", "6.8", "cni", "calico")).build();
    Snapshot after = Snapshot.builder().items("parameters",
        items("nodes", "5", "kernel", "6.8", "storage", "ceph")).build();

    List<FieldChange> changes = HistoryDiff.between(before, after);

    assertThat(changes).hasSize(1);
    FieldChange change = changes.get(0);
    assertThat(change.isCollection()).isTrue();
    assertThat(change.added()).containsExactly("storage");
    assertThat(change.removed()).containsExactly("cni");
    assertThat(change.changed()).containsExactly("nodes");
    assertThat(change.summary()).isEqualTo("added storage; removed cni; changed nodes");
    assertThat(change.before()).isEqualTo("nodes: 3\nkernel: 6.8\ncni: calico");
    assertThat(change.after()).isEqualTo("nodes: 5\nkernel: 6.8\nstorage: ceph");
  }

  @Test
  void theSameItemsInAnotherOrderAreAChangeWithoutItemSummary() {
    Snapshot before = Snapshot.builder().items("options", items("A", "a", "B", "b")).build();
    Snapshot after = Snapshot.builder().items("options", items("B", "b", "A", "a")).build();

    List<FieldChange> changes = HistoryDiff.between(before, after);

    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.isCollection()).isFalse();
      assertThat(c.summary()).isNull();
      assertThat(c.before()).isEqualTo("A: a\nB: b");
      assertThat(c.after()).isEqualTo("B: b\nA: a");
    });
  }

  @Test
  void identicalCollectionsAreNoChange() {
    Snapshot before = Snapshot.builder().items("options", items("A", "pros: fast")).build();
    Snapshot after = Snapshot.builder().items("options", items("A", "pros: fast")).build();
    assertThat(HistoryDiff.between(before, after)).isEmpty();
  }

  @Test
  void aCollectionEmptiedListsEveryItemAsRemoved() {
    Snapshot before = Snapshot.builder().items("options", items("A", "", "B", "")).build();
    Snapshot after = Snapshot.builder().items("options", Map.of()).build();

    FieldChange change = HistoryDiff.between(before, after).get(0);

    assertThat(change.removed()).containsExactly("A", "B");
    assertThat(change.before()).isEqualTo("A\nB");
    assertThat(change.after()).isNull();
  }

  @Test
  void fieldsOnlyTheEarlierStateHadComeLast() {
    Snapshot before = Snapshot.builder().field("legacy", "x").field("title", "a").build();
    Snapshot after = Snapshot.builder().field("title", "b").build();
    assertThat(HistoryDiff.between(before, after)).extracting(FieldChange::field)
        .containsExactly("title", "legacy");
  }

  @Test
  void labelsAreWordsAndSingleValuesHaveNoSummary() {
    FieldChange change = FieldChange.of("chosenOption", null, "Envoy");
    assertThat(change.label()).isEqualTo("Chosen option");
    assertThat(FieldChange.of("p95", null, "1").label()).isEqualTo("P95");
    assertThat(change.summary()).isNull();
  }

  @Test
  void anAfterStateIsRequired() {
    assertThatThrownBy(() -> HistoryDiff.between(Snapshot.builder().build(), null))
        .isInstanceOf(NullPointerException.class);
  }
}
