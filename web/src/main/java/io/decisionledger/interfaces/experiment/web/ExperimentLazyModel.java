package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.ExperimentQuery;
import io.decisionledger.application.Page;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import io.decisionledger.interfaces.web.PagedModel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * One page of experiments at a time, filtered, sorted and counted by the database. The filters
 * come from the page's own inputs (text and status), read when a page is loaded.
 */
public class ExperimentLazyModel extends PagedModel<Experiment> {

  private static final long serialVersionUID = 1L;

  static final Set<String> SORTABLE = Set.of("title", "owner", "status", "createdAt", "updatedAt");

  /** Where pages come from (the service). */
  @FunctionalInterface
  public interface Source extends Function<ExperimentQuery, Page<Experiment>>, Serializable {}

  /** The current value of a filter input. */
  @FunctionalInterface
  public interface Filter<T> extends Supplier<T>, Serializable {}

  private final Source source;
  private final Filter<String> text;
  private final Filter<ExperimentStatus> status;

  /** The page loaded last, whose total serves the next count of the same filter. */
  private transient Page<Experiment> last;
  private transient ExperimentQuery lastQuery;

  public ExperimentLazyModel(Source source, Filter<String> text, Filter<ExperimentStatus> status) {
    this.source = source;
    this.text = text;
    this.status = status;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    // The table asks for the count before each page; the page query of the same filter already
    // counted, so its total answers without another round trip.
    ExperimentQuery query = query(0, 1, Map.of());
    if (last == null || !sameFilter(query, lastQuery)) {
      remember(query, source.apply(query));
    }
    return (int) last.total();
  }

  @Override
  public List<Experiment> load(int first, int pageSize, Map<String, SortMeta> sortBy,
      Map<String, FilterMeta> filterBy) {
    ExperimentQuery query = query(first, pageSize, sortBy);
    Page<Experiment> page = source.apply(query);
    remember(query, page);
    setRowCount((int) page.total());
    return page.items();
  }

  @Override
  public String getRowKey(Experiment experiment) {
    return String.valueOf(experiment.getId());
  }

  ExperimentQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
    String sort = "updatedAt";
    boolean ascending = false;
    if (sortBy != null) {
      for (SortMeta meta : sortBy.values()) {
        if (meta.getOrder() != null && meta.getOrder() != SortOrder.UNSORTED
            && SORTABLE.contains(meta.getField())) {
          sort = meta.getField();
          ascending = meta.getOrder() == SortOrder.ASCENDING;
          break;
        }
      }
    }
    String t = text.get();
    return new ExperimentQuery(t == null || t.isBlank() ? null : t.strip(), status.get(), sort,
        ascending, first, pageSize);
  }

  private void remember(ExperimentQuery query, Page<Experiment> page) {
    last = page;
    lastQuery = query;
  }

  private static boolean sameFilter(ExperimentQuery a, ExperimentQuery b) {
    return Objects.equals(a.text(), b.text()) && a.status() == b.status();
  }

  @Override
  protected PagedModel<Experiment> withoutRows() {
    return new ExperimentLazyModel(source, text, status);
  }
}
