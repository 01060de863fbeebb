package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.Page;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.interfaces.web.PagedModel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;

/**
 * One page of an experiment's runs at a time, paged and counted by the database, with the
 * measurement count of each run on that page (from the rollups, one query a page).
 */
public class RunLazyModel extends PagedModel<Run> {

  private static final long serialVersionUID = 1L;

  /** Where pages come from: {@code (offset, limit)} to a page of runs (the service). */
  @FunctionalInterface
  public interface Source extends Serializable {
    Page<Run> page(int offset, int limit);
  }

  /** Measurement counts of the given runs (the service). */
  @FunctionalInterface
  public interface Counts extends Serializable {
    Map<Long, Long> of(List<Long> runIds);
  }

  /** Rows per page of the runs table. */
  public static final int PAGE_SIZE = 20;

  private final Source source;
  private final Counts counts;

  private transient Page<Run> last;
  private transient Map<Long, Long> lastCounts;

  public RunLazyModel(Source source, Counts counts) {
    this.source = source;
    this.counts = counts;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    // The table asks for the count before loading a page; the first page counts too.
    if (last == null) {
      remember(source.page(0, getPageSize() > 0 ? getPageSize() : PAGE_SIZE));
    }
    return (int) last.total();
  }

  @Override
  public List<Run> load(int first, int pageSize, Map<String, SortMeta> sortBy,
      Map<String, FilterMeta> filterBy) {
    if (last == null || last.offset() != first || last.limit() != pageSize) {
      remember(source.page(first, pageSize));
    }
    setRowCount((int) last.total());
    return last.items();
  }

  private void remember(Page<Run> page) {
    last = page;
    lastCounts = null;
  }

  /** Measurements of a run on the page loaded last (0 for a run with none). */
  public long measurementCount(Run run) {
    if (lastCounts == null) {
      List<Long> ids = last == null ? List.of() : last.items().stream().map(Run::getId).toList();
      lastCounts = ids.isEmpty() ? Map.of() : counts.of(ids);
    }
    return lastCounts.getOrDefault(run.getId(), 0L);
  }

  /** Whether there is no run at all (counts them if no page was loaded yet). */
  public boolean isNone() {
    return count(Map.of()) == 0;
  }

  /** Forgets the page loaded last: the next render reads the runs again. */
  public void refresh() {
    last = null;
    lastCounts = null;
  }

  @Override
  public String getRowKey(Run run) {
    return String.valueOf(run.getId());
  }

  @Override
  protected PagedModel<Run> withoutRows() {
    return new RunLazyModel(source, counts);
  }
}
