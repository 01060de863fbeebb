package io.decisionledger.application.goal;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.InputValidator;
import io.decisionledger.application.Page;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.goal.Goal;
import io.decisionledger.domain.model.goal.GoalItem;
import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.domain.model.goal.GoalRefused;
import io.decisionledger.domain.model.goal.Progress;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learning and success goals and their checklists: writing them, proving items by linking a
 * decision or an experiment, and their progress (docs/architecture.md D14). Reads and writes are
 * separate methods; each write is one transaction, and a refused one writes nothing.
 */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
@Stateless
public class GoalService {

  /** An item counts when it is proven (a decision or an experiment linked) or done by hand. */
  private static final String COMPLETE =
      "case when i.decision.id is not null or i.experiment.id is not null"
          + " or i.doneAt is not null then 1 else 0 end";

  private static final Map<String, String> ORDER = Map.of(
      "createdAt", "g.createdAt",
      "title", "lower(g.title)",
      "kind", "g.kind",
      "targetDate", "g.targetDate",
      "progress", "case when count(i.id) = 0 then 0.0 else sum(" + COMPLETE
          + ") * 1.0 / count(i.id) end",
      "updatedAt", "g.updatedAt");

  @PersistenceContext EntityManager em;

  @Inject InputValidator inputs;

  // --- reads ---

  /**
   * A page of goals with their progress, counted in the database in the same query (one query
   * for the page, one for the total, whatever the number of items).
   */
  public Page<GoalSummary> list(GoalQuery query) {
    String order = ORDER.get(query.sort());
    if (order == null) {
      throw DomainException.InvalidInput.of("sort", "Sort must be one of "
          + String.join(", ", GoalQuery.SORTS.stream().sorted().toList()));
    }
    String where = query.kind() == null ? "" : " where g.kind = :kind";
    String direction = query.ascending() ? " asc" : " desc";
    String nulls = "targetDate".equals(query.sort()) ? " nulls last" : "";
    TypedQuery<Object[]> select = em.createQuery(
        "select g.id, g.title, g.kind, g.targetDate, g.createdAt, g.updatedAt, count(i.id),"
            + " coalesce(sum(" + COMPLETE + "), 0)"
            + " from Goal g left join g.items i" + where
            + " group by g.id, g.title, g.kind, g.targetDate, g.createdAt, g.updatedAt"
            + " order by " + order + direction + nulls + ", g.id" + direction, Object[].class);
    TypedQuery<Long> count = em.createQuery("select count(g) from Goal g" + where, Long.class);
    if (query.kind() != null) {
      select.setParameter("kind", query.kind());
      count.setParameter("kind", query.kind());
    }
    List<GoalSummary> items = select.setFirstResult(query.offset())
        .setMaxResults(query.limit())
        .getResultStream()
        .map(GoalService::summary)
        .toList();
    return new Page<>(items, count.getSingleResult(), query.offset(), query.limit());
  }

  private static GoalSummary summary(Object[] row) {
    return new GoalSummary(((Number) row[0]).longValue(), (String) row[1], (GoalKind) row[2],
        (LocalDate) row[3], (Instant) row[4], (Instant) row[5],
        new Progress(((Number) row[7]).longValue(), ((Number) row[6]).longValue()));
  }

  /** One goal with its checklist and the decisions and experiments that prove its items. */
  public Goal get(long id) {
    List<Goal> found = em.createQuery(
            "select g from Goal g left join fetch g.items i left join fetch i.decision"
                + " left join fetch i.experiment where g.id = :id order by i.position",
            Goal.class)
        .setParameter("id", id)
        .getResultList();
    if (found.isEmpty()) {
      throw new DomainException.NotFound("Goal", id);
    }
    return found.get(0);
  }

  /** One item of a goal's checklist, with its proof. */
  public GoalItem item(long goalId, long itemId) {
    return item(get(goalId), itemId);
  }

  /** The checklist items the decision proves, by goal. */
  public List<ProvenItem> provenByDecision(long decisionId) {
    return proven("i.decision.id", decisionId);
  }

  /** The checklist items the experiment proves, by goal. */
  public List<ProvenItem> provenByExperiment(long experimentId) {
    return proven("i.experiment.id", experimentId);
  }

  private List<ProvenItem> proven(String link, long id) {
    return em.createQuery("select g.id, g.title, i.id, i.position, i.text from GoalItem i"
                + " join i.goal g where " + link + " = :id"
                + " order by lower(g.title), g.id, i.position", Object[].class)
        .setParameter("id", id)
        .setMaxResults(200)
        .getResultStream()
        .map(r -> new ProvenItem(((Number) r[0]).longValue(), (String) r[1],
            ((Number) r[2]).longValue(), ((Number) r[3]).intValue(), (String) r[4]))
        .toList();
  }

  // --- writes: the goal ---

  /** Writes a goal, with the checklist it comes with. */
  @RolesAllowed(Roles.EDITOR)
  public Goal create(GoalDraft draft) {
    inputs.validate(draft);
    Instant now = Instant.now();
    Goal goal = new Goal(draft.getTitle(), kindOr(draft.getKind(), GoalKind.LEARNING), now);
    goal.describe(draft.getTitle(), draft.getDescription(), goal.getKind(), draft.getTargetDate(),
        now);
    List<ItemDraft> items = draft.getItems();
    for (int i = 0; i < items.size(); i++) {
      ItemDraft item = items.get(i);
      if (item == null) {
        throw DomainException.InvalidInput.of("items[" + i + "]", "An item is required");
      }
      String prefix = "items[" + i + "].";
      refusedAs(prefix, () -> {
        GoalItem added = goal.addItem(item.getText(), now);
        if (item.isDone()) {
          goal.markDone(added, item.getNote(), now);
        }
      });
    }
    em.persist(goal);
    return goal;
  }

  /** Changes what the goal says; its checklist stays as it is. */
  @RolesAllowed(Roles.EDITOR)
  public Goal update(long id, GoalDraft draft) {
    inputs.validate(draft);
    Goal goal = get(id);
    refusedAs("", () -> goal.describe(draft.getTitle(), draft.getDescription(),
        kindOr(draft.getKind(), goal.getKind()), draft.getTargetDate(), Instant.now()));
    return goal;
  }

  /** Deletes a goal and its checklist; the decisions and experiments it links stay. */
  @RolesAllowed(Roles.EDITOR)
  public void delete(long id) {
    em.remove(get(id));
  }

  // --- writes: the checklist ---

  /** Appends an item to the checklist. */
  @RolesAllowed(Roles.EDITOR)
  public GoalItem addItem(long goalId, ItemDraft draft) {
    inputs.validate(draft);
    Goal goal = get(goalId);
    Instant now = Instant.now();
    GoalItem[] added = new GoalItem[1];
    refusedAs("", () -> {
      added[0] = goal.addItem(draft.getText(), now);
      if (draft.isDone()) {
        goal.markDone(added[0], draft.getNote(), now);
      }
    });
    em.persist(added[0]);
    return added[0];
  }

  /** Changes an item's text and whether it is done by hand (with a note). */
  @RolesAllowed(Roles.EDITOR)
  public GoalItem updateItem(long goalId, long itemId, ItemDraft draft) {
    inputs.validate(draft);
    Goal goal = get(goalId);
    GoalItem item = item(goal, itemId);
    refusedAs("", () -> goal.changeItem(item, draft.getText(), draft.isDone(), draft.getNote(),
        Instant.now()));
    return item;
  }

  @RolesAllowed(Roles.EDITOR)
  public void removeItem(long goalId, long itemId) {
    Goal goal = get(goalId);
    goal.removeItem(item(goal, itemId), Instant.now());
  }

  /** Puts the checklist in the order given by the ids of all its items. */
  @RolesAllowed(Roles.EDITOR)
  public Goal reorder(long goalId, OrderDraft draft) {
    inputs.validate(draft);
    Goal goal = get(goalId);
    List<GoalItem> order = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    Map<Long, GoalItem> byId = new HashMap<>();
    goal.getItems().forEach(i -> byId.put(i.getId(), i));
    List<Long> ids = draft.getItemIds();
    for (int i = 0; i < ids.size(); i++) {
      GoalItem item = ids.get(i) == null ? null : byId.get(ids.get(i));
      if (item == null) {
        errors.add(new FieldError("itemIds[" + i + "]",
            "Item " + ids.get(i) + " is not on the checklist of goal " + goalId));
      }
      order.add(item);
    }
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput("The order names unknown items", errors);
    }
    refusedAs("", () -> goal.reorder(order, Instant.now()));
    return goal;
  }

  /** Links the decision or the experiment that proves an item, replacing any earlier proof. */
  @RolesAllowed(Roles.EDITOR)
  public GoalItem prove(long goalId, long itemId, ProofDraft draft) {
    if (draft == null) {
      throw DomainException.InvalidInput.of("body", "A request body is required");
    }
    boolean byDecision = draft.getDecisionId() != null;
    boolean byExperiment = draft.getExperimentId() != null;
    if (byDecision == byExperiment) {
      String message = byDecision
          ? "Name a decision or an experiment, not both"
          : "Name the decision (decisionId) or the experiment (experimentId) that proves the item";
      throw new DomainException.InvalidInput(message, List.of(
          new FieldError("decisionId", message), new FieldError("experimentId", message)));
    }
    Goal goal = get(goalId);
    GoalItem item = item(goal, itemId);
    Instant now = Instant.now();
    if (byDecision) {
      Decision decision = em.find(Decision.class, draft.getDecisionId());
      if (decision == null) {
        throw DomainException.InvalidInput.of("decisionId",
            "Decision " + draft.getDecisionId() + " does not exist");
      }
      goal.prove(item, decision, now);
    } else {
      Experiment experiment = em.find(Experiment.class, draft.getExperimentId());
      if (experiment == null) {
        throw DomainException.InvalidInput.of("experimentId",
            "Experiment " + draft.getExperimentId() + " does not exist");
      }
      goal.prove(item, experiment, now);
    }
    return item;
  }

  /** Drops an item's proof; the item stays, done by hand if it was. */
  @RolesAllowed(Roles.EDITOR)
  public GoalItem unprove(long goalId, long itemId) {
    Goal goal = get(goalId);
    GoalItem item = item(goal, itemId);
    goal.unprove(item, Instant.now());
    return item;
  }

  // --- helpers ---

  private static GoalItem item(Goal goal, long itemId) {
    return goal.item(itemId).orElseThrow(
        () -> new DomainException.NotFound("Item " + itemId + " of goal", goal.getId()));
  }

  private static GoalKind kindOr(GoalKind given, GoalKind otherwise) {
    return given == null ? otherwise : given;
  }

  /** Runs a change of the goal, reporting a refusal beside its field (with the prefix). */
  private static void refusedAs(String prefix, Runnable change) {
    try {
      change.run();
    } catch (GoalRefused e) {
      throw DomainException.InvalidInput.of(prefix + e.field(), e.getMessage());
    }
  }
}
