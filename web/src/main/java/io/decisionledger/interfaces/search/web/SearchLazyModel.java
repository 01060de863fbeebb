package io.decisionledger.interfaces.search.web;

import io.decisionledger.application.Page;
import io.decisionledger.application.search.SearchHit;
import io.decisionledger.application.search.SearchQuery;
import io.decisionledger.interfaces.web.PagedModel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;

/** One page of search hits at a time, ranked and cut in the database; no query, no rows. */
public class SearchLazyModel extends PagedModel<SearchHit> {

  private static final long serialVersionUID = 1L;

  /** Where pages come from (the service). */
  @FunctionalInterface
  public interface Source extends Function<SearchQuery, Page<SearchHit>>, Serializable {}

  /** How many hits a query has. */
  @FunctionalInterface
  public interface Counter extends ToLongFunction<String>, Serializable {}

  /** The checked query, or null when there is none to run. */
  @FunctionalInterface
  public interface Query extends Supplier<String>, Serializable {}

  private final Source source;
  private final Counter counter;
  private final Query query;

  /** The query of the page loaded last and its total, which answer the next count of it. */
  private String lastQuery;
  private long lastTotal;

  public SearchLazyModel(Source source, Counter counter, Query query) {
    this.source = source;
    this.counter = counter;
    this.query = query;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    // The table asks for the count before each page; the last page of the same query counted
    // already, so only a new query costs a count.
    String text = query.get();
    if (text == null) {
      return 0;
    }
    if (!text.equals(lastQuery)) {
      remember(text, counter.applyAsLong(text));
    }
    return (int) Math.min(Integer.MAX_VALUE, lastTotal);
  }

  @Override
  public List<SearchHit> load(int first, int pageSize, Map<String, SortMeta> sortBy,
      Map<String, FilterMeta> filterBy) {
    String text = query.get();
    if (text == null) {
      setRowCount(0);
      return List.of();
    }
    Page<SearchHit> page = source.apply(new SearchQuery(text, first, pageSize));
    remember(text, page.total());
    setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
    return page.items();
  }

  private void remember(String text, long total) {
    lastQuery = text;
    lastTotal = total;
  }

  @Override
  public String getRowKey(SearchHit hit) {
    return hit.kind().name() + "-" + hit.id();
  }

  @Override
  protected PagedModel<SearchHit> withoutRows() {
    return new SearchLazyModel(source, counter, query);
  }
}
