package io.decisionledger.interfaces.experiment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.ExperimentQuery;
import io.decisionledger.application.Page;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class ExperimentLazyModelTest {

  private final List<ExperimentQuery> queries = new ArrayList<>();
  private String text;
  private ExperimentStatus status;

  private final ExperimentLazyModel model =
      new ExperimentLazyModel(q -> {
        queries.add(q);
        return new Page<Experiment>(List.of(), 42, q.offset(), q.limit());
      }, () -> text, () -> status);

  @Test
  void pagesSortsAndFiltersInTheQuery() {
    text = "  kubevirt ";
    status = ExperimentStatus.RUNNING;
    model.load(40, 20, Map.of("title",
        SortMeta.builder().field("title").order(SortOrder.ASCENDING).build()), Map.of());

    ExperimentQuery q = queries.get(0);
    assertThat(q.offset()).isEqualTo(40);
    assertThat(q.limit()).isEqualTo(20);
    assertThat(q.sort()).isEqualTo("title");
    assertThat(q.ascending()).isTrue();
    assertThat(q.text()).isEqualTo("kubevirt");
    assertThat(q.status()).isEqualTo(ExperimentStatus.RUNNING);
    assertThat(model.getRowCount()).isEqualTo(42);
  }

  @Test
  void defaultsToNewestChangeFirstAndIgnoresUnknownSortFields() {
    text = " ";
    model.load(0, 10, Map.of("x",
        SortMeta.builder().field("hypothesis").order(SortOrder.ASCENDING).build()), Map.of());

    ExperimentQuery q = queries.get(0);
    assertThat(q.sort()).isEqualTo("updatedAt");
    assertThat(q.ascending()).isFalse();
    assertThat(q.text()).isNull();
  }

  @Test
  void countReusesTheTotalOfTheSameFilterAndAsksAgainWhenItChanges() {
    assertThat(model.count(Map.of())).isEqualTo(42);
    model.load(0, 20, Map.of(), Map.of());
    assertThat(model.count(Map.of())).isEqualTo(42);
    assertThat(queries).hasSize(2);

    status = ExperimentStatus.CONCLUDED;
    model.count(Map.of());
    assertThat(queries).hasSize(3);
    assertThat(queries.get(2).status()).isEqualTo(ExperimentStatus.CONCLUDED);
  }
}
