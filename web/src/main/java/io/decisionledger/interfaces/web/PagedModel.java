package io.decisionledger.interfaces.web;

import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * A lazy data model for a view-scoped bean. The bean is kept with the HTTP session, which is
 * written to PostgreSQL after every request (so any replica can continue the view); PrimeFaces
 * keeps the page of rows it last loaded inside the model, and those rows (often entities) are
 * neither Serializable nor worth storing. The model therefore serializes as an empty copy of
 * itself ({@link #withoutRows()}): its source and filters, no rows. The table loads its page
 * again on the next request, wherever that runs.
 */
public abstract class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** The row of the page loaded last whose {@link #getRowKey} is {@code rowKey}, if any. */
  @Override
  public T getRowData(String rowKey) {
    List<T> rows = getWrappedData();
    return rows == null ? null
        : rows.stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
  }

  /** A new model with the same source and filters and no rows loaded. */
  protected abstract PagedModel<T> withoutRows();

  /** What the session stores instead of this model. */
  protected final Object writeReplace() {
    PagedModel<T> copy = withoutRows();
    copy.setRowCount(getRowCount());
    copy.setPageSize(getPageSize());
    return (Serializable) copy;
  }
}
