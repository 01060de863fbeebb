package io.decisionledger.interfaces.decision.web;

import io.decisionledger.application.Page;
import io.decisionledger.application.decision.DecisionQuery;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.interfaces.web.PagedModel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;

/** One page of decisions at a time, newest number first, filtered by status in the database. */
public class DecisionLazyModel extends PagedModel<Decision> {

  private static final long serialVersionUID = 1L;

  /** Where pages come from (the service). */
  @FunctionalInterface
  public interface Source extends Function<DecisionQuery, Page<Decision>>, Serializable {}

  /** The current status filter. */
  @FunctionalInterface
  public interface StatusFilter extends Supplier<DecisionStatus>, Serializable {}

  private final Source source;
  private final StatusFilter status;

  public DecisionLazyModel(Source source, StatusFilter status) {
    this.source = source;
    this.status = status;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) source.apply(new DecisionQuery(status.get(), 0, 1)).total();
  }

  @Override
  public List<Decision> load(int first, int pageSize, Map<String, SortMeta> sortBy,
      Map<String, FilterMeta> filterBy) {
    Page<Decision> page = source.apply(new DecisionQuery(status.get(), first, pageSize));
    setRowCount((int) page.total());
    return page.items();
  }

  @Override
  public String getRowKey(Decision decision) {
    return String.valueOf(decision.getId());
  }

  @Override
  protected PagedModel<Decision> withoutRows() {
    return new DecisionLazyModel(source, status);
  }
}
