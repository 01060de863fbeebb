package io.decisionledger.interfaces.goal.web;

import io.decisionledger.application.Page;
import io.decisionledger.application.goal.GoalQuery;
import io.decisionledger.application.goal.GoalSummary;
import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.interfaces.web.PagedModel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * One page of goals at a time with their progress, filtered by kind, sorted and counted by the
 * database; by default in the order they were written.
 */
public class GoalLazyModel extends PagedModel<GoalSummary> {

  private static final long serialVersionUID = 1L;

  /** Where pages come from (the service). */
  @FunctionalInterface
  public interface Source extends Function<GoalQuery, Page<GoalSummary>>, Serializable {}

  /** The current kind filter. */
  @FunctionalInterface
  public interface KindFilter extends Supplier<GoalKind>, Serializable {}

  private final Source source;
  private final KindFilter kind;

  public GoalLazyModel(Source source, KindFilter kind) {
    this.source = source;
    this.kind = kind;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) source.apply(query(0, 1, Map.of())).total();
  }

  @Override
  public List<GoalSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
      Map<String, FilterMeta> filterBy) {
    Page<GoalSummary> page = source.apply(query(first, pageSize, sortBy));
    setRowCount((int) page.total());
    return page.items();
  }

  GoalQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
    String sort = "createdAt";
    boolean ascending = true;
    if (sortBy != null) {
      for (SortMeta meta : sortBy.values()) {
        if (meta.getOrder() != null && meta.getOrder() != SortOrder.UNSORTED
            && GoalQuery.SORTS.contains(meta.getField())) {
          sort = meta.getField();
          ascending = meta.getOrder() == SortOrder.ASCENDING;
          break;
        }
      }
    }
    return new GoalQuery(kind.get(), sort, ascending, first, pageSize);
  }

  @Override
  public String getRowKey(GoalSummary goal) {
    return String.valueOf(goal.id());
  }

  @Override
  protected PagedModel<GoalSummary> withoutRows() {
    return new GoalLazyModel(source, kind);
  }
}
