package io.decisionledger.interfaces.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.Page;
import io.decisionledger.application.search.SearchHit;
import io.decisionledger.application.search.SearchKind;
import io.decisionledger.application.search.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchLazyModelTest {

  private final List<SearchQuery> pages = new ArrayList<>();
  private final List<String> counts = new ArrayList<>();
  private String query;

  private final SearchHit hit = new SearchHit(SearchKind.DECISION, 7, "ADR-0007", "t", "ACCEPTED",
      Instant.EPOCH, 0.5, "<mark>t</mark>");

  private final SearchLazyModel model = new SearchLazyModel(q -> {
    pages.add(q);
    return new Page<>(List.of(hit), 42, q.offset(), q.limit());
  }, t -> {
    counts.add(t);
    return 41;
  }, () -> query);

  @Test
  void withoutAQueryNothingIsAsked() {
    assertThat(model.count(Map.of())).isZero();
    assertThat(model.load(0, 20, Map.of(), Map.of())).isEmpty();
    assertThat(pages).isEmpty();
    assertThat(counts).isEmpty();
  }

  @Test
  void pagesAreCutByTheServiceAndTheTotalServesTheNextCount() {
    query = "kubevirt";
    assertThat(model.count(Map.of())).isEqualTo(41);
    assertThat(model.load(40, 20, Map.of(), Map.of())).containsExactly(hit);
    assertThat(pages.get(0)).isEqualTo(new SearchQuery("kubevirt", 40, 20));
    assertThat(model.getRowCount()).isEqualTo(42);
    // Paging on: the count of the same query comes from the last page, not another query.
    assertThat(model.count(Map.of())).isEqualTo(42);
    assertThat(counts).containsExactly("kubevirt");

    query = "envoy";
    model.count(Map.of());
    assertThat(counts).containsExactly("kubevirt", "envoy");
  }

  @Test
  void rowsAreKeyedByKindAndId() {
    assertThat(model.getRowKey(hit)).isEqualTo("DECISION-7");
  }
}
