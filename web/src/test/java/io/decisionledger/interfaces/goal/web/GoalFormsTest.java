package io.decisionledger.interfaces.goal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.Page;
import io.decisionledger.application.goal.GoalQuery;
import io.decisionledger.application.goal.GoalSummary;
import io.decisionledger.application.goal.ItemDraft;
import io.decisionledger.domain.model.goal.GoalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The goal pages' own logic: the pasted checklist, item errors, and the list's queries. */
class GoalFormsTest {

  @Test
  void aPastedChecklistBecomesItemsWithoutMarkers() {
    List<ItemDraft> items = GoalEditBean.items("""
        ### Technical Mastery
        - [ ] Deploy production-grade Kubernetes clusters from scratch
        - [x] Implement enterprise security patterns (RBAC, network policies, secrets)

        * Design and implement software-defined networking
        2. Automate full infrastructure lifecycle
          plain line\t
        -no space is text
        """);
    assertThat(items).extracting(ItemDraft::getText).containsExactly(
        "### Technical Mastery",
        "Deploy production-grade Kubernetes clusters from scratch",
        "Implement enterprise security patterns (RBAC, network policies, secrets)",
        "Design and implement software-defined networking",
        "Automate full infrastructure lifecycle",
        "plain line",
        "-no space is text");
    assertThat(items).noneMatch(ItemDraft::isDone);
    assertThat(GoalEditBean.items(null)).isEmpty();
    assertThat(GoalEditBean.items(" \n\n ")).isEmpty();
  }

  @Test
  void itemErrorsNameTheLineBesideTheChecklist() {
    DomainException e = new DomainException.InvalidInput("bad", List.of(
        new FieldError("title", "Title is required"),
        new FieldError("items[2].text", "Text must be at most 500 characters")));
    DomainException shown = GoalEditBean.withItemNumbers(e);
    assertThat(shown.errors()).containsExactly(
        new FieldError("title", "Title is required"),
        new FieldError("items", "Item 3: Text must be at most 500 characters"));
    DomainException untouched = DomainException.InvalidInput.of("title", "Title is required");
    assertThat(GoalEditBean.withItemNumbers(untouched)).isSameAs(untouched);
  }

  @Test
  void theListPagesSortsAndFiltersInTheQuery() {
    List<GoalQuery> queries = new ArrayList<>();
    GoalKind[] kind = {GoalKind.SUCCESS};
    GoalLazyModel model = new GoalLazyModel(q -> {
      queries.add(q);
      return new Page<GoalSummary>(List.of(), 12, q.offset(), q.limit());
    }, () -> kind[0]);

    model.load(20, 10, Map.of("progress",
        SortMeta.builder().field("progress").order(SortOrder.DESCENDING).build()), Map.of());
    GoalQuery q = queries.get(0);
    assertThat(q.offset()).isEqualTo(20);
    assertThat(q.limit()).isEqualTo(10);
    assertThat(q.sort()).isEqualTo("progress");
    assertThat(q.ascending()).isFalse();
    assertThat(q.kind()).isEqualTo(GoalKind.SUCCESS);
    assertThat(model.getRowCount()).isEqualTo(12);

    kind[0] = null;
    model.load(0, 20, Map.of("x",
        SortMeta.builder().field("description").order(SortOrder.ASCENDING).build()), Map.of());
    GoalQuery fallback = queries.get(1);
    assertThat(fallback.sort()).as("unknown fields fall back to the order written")
        .isEqualTo("createdAt");
    assertThat(fallback.ascending()).isTrue();
    assertThat(fallback.kind()).isNull();
  }
}
