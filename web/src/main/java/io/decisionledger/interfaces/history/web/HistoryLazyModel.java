package io.decisionledger.interfaces.history.web;

import io.decisionledger.application.Page;
import io.decisionledger.application.history.HistoryEntry;
import io.decisionledger.interfaces.web.PagedModel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;

/**
 * One page of history entries at a time, from the service (which pages in SQL). The page loaded
 * last answers the table's count of the same rows, so a page costs one count, not two.
 */
public class HistoryLazyModel extends PagedModel<HistoryEntry> {

  private static final long serialVersionUID = 1L;

  /** Where pages come from: (offset, limit) to a page. */
  @FunctionalInterface
  public interface Source extends Serializable {
    Page<HistoryEntry> page(int offset, int limit);
  }

  private final Source source;
  private transient Page<HistoryEntry> last;

  public HistoryLazyModel(Source source) {
    this.source = source;
  }

  /** Forgets the page loaded last (the filter changed). */
  public void reset() {
    last = null;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    if (last == null) {
      last = source.page(0, 1);
    }
    return (int) last.total();
  }

  @Override
  public List<HistoryEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
      Map<String, FilterMeta> filterBy) {
    Page<HistoryEntry> page = source.page(first, pageSize);
    last = page;
    setRowCount((int) page.total());
    return page.items();
  }

  @Override
  public String getRowKey(HistoryEntry entry) {
    return rowKey(entry);
  }

  static String rowKey(HistoryEntry entry) {
    return entry.revision() + "-" + entry.type() + "-" + entry.id();
  }

  @Override
  protected PagedModel<HistoryEntry> withoutRows() {
    return new HistoryLazyModel(source);
  }
}
