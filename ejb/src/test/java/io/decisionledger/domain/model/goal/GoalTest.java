package io.decisionledger.domain.model.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.experiment.Experiment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a goal's checklist: items, order, proofs, manual ticks and progress. */
class GoalTest {

  private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

  private static Goal goal(String... items) {
    Goal goal = new Goal("Deploy production-grade Kubernetes clusters", GoalKind.LEARNING, NOW);
    for (String item : items) {
      goal.addItem(item, NOW);
    }
    return goal;
  }

  private static List<String> texts(Goal goal) {
    return goal.getItems().stream().map(GoalItem::getText).toList();
  }

  private static List<Integer> positions(Goal goal) {
    return goal.getItems().stream().map(GoalItem::getPosition).toList();
  }

  private static Decision decision() {
    return new Decision(7, "Run VMs inside Kubernetes", NOW);
  }

  private static Experiment experiment() {
    return new Experiment("Path A vs Path B", null, null, "platform-team", NOW);
  }

  @Test
  void itemsAreAppendedInOrderAndStripped() {
    Goal goal = goal("  HA control plane ", "Persistent volumes");
    assertThat(texts(goal)).containsExactly("HA control plane", "Persistent volumes");
    assertThat(positions(goal)).containsExactly(0, 1);
    assertThat(goal.getItems()).allMatch(i -> i.getGoal() == goal);
  }

  @Test
  void blankOrDuplicateItemsAreRefusedNamingTheField() {
    Goal goal = goal("HA control plane");
    assertThatThrownBy(() -> goal.addItem("   ", NOW)).isInstanceOf(GoalRefused.class)
        .satisfies(e -> assertThat(((GoalRefused) e).field()).isEqualTo("text"));
    assertThatThrownBy(() -> goal.addItem("ha CONTROL plane", NOW))
        .isInstanceOf(GoalRefused.class).hasMessageContaining("already has");
    assertThatThrownBy(() -> goal.addItem("x".repeat(GoalItem.MAX_TEXT + 1), NOW))
        .isInstanceOf(GoalRefused.class);
    assertThat(texts(goal)).containsExactly("HA control plane");
  }

  @Test
  void aChecklistHoldsAtMostTheLimit() {
    Goal goal = goal();
    for (int i = 0; i < Goal.MAX_ITEMS; i++) {
      goal.addItem("item " + i, NOW);
    }
    assertThatThrownBy(() -> goal.addItem("one more", NOW)).isInstanceOf(GoalRefused.class)
        .satisfies(e -> assertThat(((GoalRefused) e).field()).isEqualTo("items"));
    assertThat(goal.getItems()).hasSize(Goal.MAX_ITEMS);
  }

  @Test
  void renamingKeepsTheItemButNotADuplicateOfAnother() {
    Goal goal = goal("a", "b");
    GoalItem a = goal.getItems().get(0);
    goal.changeItem(a, "A", false, null, NOW);
    assertThat(a.getText()).isEqualTo("A");
    assertThatThrownBy(() -> goal.changeItem(a, "B", false, null, NOW))
        .isInstanceOf(GoalRefused.class);
    assertThat(a.getText()).isEqualTo("A");
  }

  @Test
  void removingAnItemMovesTheLaterOnesUp() {
    Goal goal = goal("a", "b", "c");
    goal.removeItem(goal.getItems().get(1), NOW.plusSeconds(5));
    assertThat(texts(goal)).containsExactly("a", "c");
    assertThat(positions(goal)).containsExactly(0, 1);
    assertThat(goal.getUpdatedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void reorderingTakesEveryItemExactlyOnce() {
    Goal goal = goal("a", "b", "c");
    List<GoalItem> items = goal.getItems();
    goal.reorder(List.of(items.get(2), items.get(0), items.get(1)), NOW);
    assertThat(texts(goal)).containsExactly("c", "a", "b");
    assertThat(positions(goal)).containsExactly(0, 1, 2);

    List<GoalItem> now = goal.getItems();
    assertThatThrownBy(() -> goal.reorder(List.of(now.get(0), now.get(1)), NOW))
        .isInstanceOf(GoalRefused.class).hasMessageContaining("all 3");
    assertThatThrownBy(() -> goal.reorder(List.of(now.get(0), now.get(0), now.get(1)), NOW))
        .isInstanceOf(GoalRefused.class).hasMessageContaining("twice");
    GoalItem foreign = goal("x").getItems().get(0);
    assertThatThrownBy(() -> goal.reorder(List.of(now.get(0), now.get(1), foreign), NOW))
        .isInstanceOf(GoalRefused.class)
        .satisfies(e -> assertThat(((GoalRefused) e).field()).isEqualTo("itemIds"));
    assertThat(texts(goal)).containsExactly("c", "a", "b");
  }

  @Test
  void anItemOfAnotherGoalIsNotChangedThroughThisOne() {
    Goal goal = goal("a");
    GoalItem foreign = goal("x").getItems().get(0);
    assertThatThrownBy(() -> goal.markDone(foreign, "note", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(foreign.isDone()).isFalse();
  }

  @Test
  void progressCountsProvenAndDoneItemsOnce() {
    Goal goal = goal("proven by a decision", "proven by an experiment", "done by hand",
        "proven and done", "open");
    List<GoalItem> items = goal.getItems();
    assertThat(goal.progress()).isEqualTo(new Progress(0, 5));
    goal.prove(items.get(0), decision(), NOW);
    goal.prove(items.get(1), experiment(), NOW);
    goal.markDone(items.get(2), "Rebuilt the lab from Terraform twice", NOW);
    goal.prove(items.get(3), decision(), NOW);
    goal.markDone(items.get(3), "also ticked", NOW);
    Progress progress = goal.progress();
    assertThat(progress.completed()).isEqualTo(4);
    assertThat(progress.total()).isEqualTo(5);
    assertThat(progress.percent()).isEqualTo(80);
    assertThat(items.get(4).isComplete()).isFalse();
  }

  @Test
  void oneProofAtATimeAndUnprovingLeavesAManualTick() {
    Goal goal = goal("a");
    GoalItem item = goal.getItems().get(0);
    Decision decision = decision();
    goal.prove(item, decision, NOW);
    assertThat(item.getDecision()).isSameAs(decision);
    assertThat(item.getProvenAt()).isEqualTo(NOW);
    Experiment experiment = experiment();
    goal.prove(item, experiment, NOW.plusSeconds(1));
    assertThat(item.getDecision()).isNull();
    assertThat(item.getExperiment()).isSameAs(experiment);
    assertThat(item.getProvenAt()).isEqualTo(NOW.plusSeconds(1));

    goal.markDone(item, "demonstrated in the lab", NOW);
    goal.unprove(item, NOW);
    assertThat(item.isProven()).isFalse();
    assertThat(item.getProvenAt()).isNull();
    assertThat(item.isDone()).isTrue();
    assertThat(goal.progress().complete()).isTrue();
  }

  @Test
  void doneByHandNeedsANoteAndReopeningClearsIt() {
    Goal goal = goal("a");
    GoalItem item = goal.getItems().get(0);
    assertThatThrownBy(() -> goal.markDone(item, "  ", NOW)).isInstanceOf(GoalRefused.class)
        .satisfies(e -> assertThat(((GoalRefused) e).field()).isEqualTo("note"));
    assertThatThrownBy(() -> goal.changeItem(item, "renamed", true, null, NOW))
        .isInstanceOf(GoalRefused.class);
    assertThat(item.getText()).as("a refused change changes nothing").isEqualTo("a");
    assertThat(item.isDone()).isFalse();

    goal.changeItem(item, "a", true, " restored etcd from a snapshot ", NOW);
    assertThat(item.getDoneNote()).isEqualTo("restored etcd from a snapshot");
    assertThat(item.getDoneAt()).isEqualTo(NOW);
    // A new note keeps the time it was first ticked.
    goal.changeItem(item, "a", true, "restored twice", NOW.plusSeconds(60));
    assertThat(item.getDoneAt()).isEqualTo(NOW);
    goal.changeItem(item, "a", false, "ignored", NOW);
    assertThat(item.isDone()).isFalse();
    assertThat(item.getDoneNote()).isNull();
    assertThat(goal.progress().completed()).isZero();
  }

  @Test
  void overdueOnlyPastTheTargetDateAndWhileIncomplete() {
    LocalDate today = LocalDate.of(2026, 11, 1);
    Goal goal = goal("a");
    assertThat(goal.isOverdue(today)).as("no target date").isFalse();
    goal.describe(goal.getTitle(), null, GoalKind.SUCCESS, today, NOW);
    assertThat(goal.isOverdue(today)).as("due today").isFalse();
    assertThat(goal.isOverdue(today.plusDays(1))).isTrue();
    goal.markDone(goal.getItems().get(0), "done", NOW);
    assertThat(goal.isOverdue(today.plusDays(1))).as("complete").isFalse();
    assertThat(Goal.isOverdue(today, new Progress(0, 0), today.plusDays(1)))
        .as("an empty checklist is not complete").isTrue();
  }

  @Test
  void describingNeedsATitleAndKeepsTheChecklist() {
    Goal goal = goal("a");
    assertThatThrownBy(() -> goal.describe(" ", null, GoalKind.LEARNING, null, NOW))
        .isInstanceOf(GoalRefused.class);
    goal.describe(" GitOps ", "  ", GoalKind.SUCCESS, LocalDate.of(2027, 1, 1), NOW);
    assertThat(goal.getTitle()).isEqualTo("GitOps");
    assertThat(goal.getDescription()).isNull();
    assertThat(goal.getKind()).isEqualTo(GoalKind.SUCCESS);
    assertThat(texts(goal)).containsExactly("a");
  }
}
