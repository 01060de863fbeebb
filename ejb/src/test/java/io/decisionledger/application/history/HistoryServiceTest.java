package io.decisionledger.application.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.Page;
import io.decisionledger.domain.model.decision.ConsideredOption;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import io.decisionledger.domain.model.goal.Goal;
import io.decisionledger.domain.model.goal.GoalItem;
import io.decisionledger.domain.model.goal.GoalKind;
import io.decisionledger.domain.model.history.ChangeKind;
import io.decisionledger.domain.model.history.FieldChange;
import io.decisionledger.infrastructure.history.RevisionAuthor;
import io.decisionledger.testing.PersistenceUnitOnPostgres;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history service on the real persistence unit and PostgreSQL, outside the server: changes
 * made through JPA come back as timelines with field-by-field diffs. (The REST and page tests in
 * the liberty module show the same inside Liberty.)
 */
class HistoryServiceTest {

  private static PersistenceUnitOnPostgres postgres;
  private static SessionFactory factory;

  private EntityManager em;
  private HistoryService history;

  @BeforeAll
  static void start() throws Exception {
    postgres = new PersistenceUnitOnPostgres();
    factory = PersistenceUnitOnPostgres.validated(postgres.migrated("history", null));
  }

  @AfterAll
  static void stop() throws Exception {
    if (factory != null) {
      factory.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void open() {
    em = factory.createEntityManager();
    history = new HistoryService();
    history.em = em;
  }

  @AfterEach
  void close() {
    em.close();
  }

  /** One transaction in its own persistence context, as one service call would be. */
  private static void inTransaction(Consumer<EntityManager> work) {
    EntityManager writer = factory.createEntityManager();
    try {
      writer.getTransaction().begin();
      work.accept(writer);
      writer.getTransaction().commit();
    } finally {
      writer.close();
    }
  }

  private static <T> T find(EntityManager em, Class<T> type, long id) {
    return em.find(type, id);
  }

  @Test
  void anExperimentsTimelineHoldsItsChangesAndThoseOfItsVariantsAndRuns() {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    long[] ids = new long[3];
    inTransaction(w -> {
      Experiment e = new Experiment("Ingress", null, null, "ops", t);
      w.persist(e);
      ids[0] = e.getId();
    });
    inTransaction(w -> find(w, Experiment.class, ids[0])
        .describe("Ingress: NGINX vs Envoy", "Envoy is faster", null, "ops", t));
    inTransaction(w -> find(w, Experiment.class, ids[0]).changeStatus(ExperimentStatus.RUNNING, t));
    inTransaction(w -> {
      Variant v = new Variant(find(w, Experiment.class, ids[0]), "nginx", null);
      v.markBaseline();
      w.persist(v);
      ids[1] = v.getId();
    });
    inTransaction(w -> {
      Run r = new Run(find(w, Variant.class, ids[1]), RunSource.API, t, t);
      r.replaceParameters(Map.of("nodes", "3", "cni", "calico"));
      w.persist(r);
      ids[2] = r.getId();
    });
    inTransaction(w -> find(w, Run.class, ids[2]).replaceParameters(Map.of("nodes", "5", "cni", "calico")));
    inTransaction(w -> find(w, Run.class, ids[2]).recordMeasurements(1000));
    // Touching alone (updated_at is not audited) records nothing.
    inTransaction(w -> find(w, Experiment.class, ids[0]).touch(t.plusSeconds(60)));

    Page<HistoryEntry> timeline = history.timeline("experiment", ids[0], 0, 50);

    assertThat(timeline.total()).isEqualTo(7);
    assertThat(timeline.items()).extracting(HistoryEntry::type, HistoryEntry::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("run", ChangeKind.CHANGED),
            org.assertj.core.groups.Tuple.tuple("run", ChangeKind.CHANGED),
            org.assertj.core.groups.Tuple.tuple("run", ChangeKind.CREATED),
            org.assertj.core.groups.Tuple.tuple("variant", ChangeKind.CREATED),
            org.assertj.core.groups.Tuple.tuple("experiment", ChangeKind.CHANGED),
            org.assertj.core.groups.Tuple.tuple("experiment", ChangeKind.CHANGED),
            org.assertj.core.groups.Tuple.tuple("experiment", ChangeKind.CREATED));
    List<HistoryEntry> entries = timeline.items();
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.author()).isEqualTo(RevisionAuthor.ANONYMOUS);
      assertThat(e.at()).isNotNull();
      assertThat(e.firstRecorded()).isFalse();
    });
    assertThat(entries.get(0).changes())
        .containsExactly(FieldChange.of("measurementCount", "0", "1000"));
    FieldChange parameters = entries.get(1).changes().get(0);
    assertThat(parameters.field()).isEqualTo("parameters");
    assertThat(parameters.summary()).isEqualTo("changed nodes");
    assertThat(parameters.before()).isEqualTo("cni: calico\nnodes: 3");
    assertThat(entries.get(2).label()).isEqualTo("Run #" + ids[2]);
    assertThat(entries.get(3).label()).isEqualTo("nginx");
    assertThat(entries.get(3).changes()).contains(FieldChange.of("experiment", null,
        "Ingress: NGINX vs Envoy (experiment #" + ids[0] + ")"));
    assertThat(entries.get(4).changes())
        .containsExactly(FieldChange.of("status", "PLANNED", "RUNNING"));
    assertThat(entries.get(5).changes()).containsExactly(
        FieldChange.of("title", "Ingress", "Ingress: NGINX vs Envoy"),
        FieldChange.of("hypothesis", null, "Envoy is faster"));
    assertThat(entries.get(6).changes()).extracting(FieldChange::field)
        .containsExactly("title", "status", "owner", "createdAt");
    assertThat(entries.get(0).revision()).isGreaterThan(entries.get(1).revision());

    Page<HistoryEntry> second = history.timeline("experiment", ids[0], 5, 5);
    assertThat(second.items()).extracting(HistoryEntry::revision)
        .containsExactly(entries.get(5).revision(), entries.get(6).revision());

    assertThat(history.timeline("run", ids[2], 0, 10).items()).hasSize(3)
        .allMatch(e -> e.type().equals("run"));
  }

  @Test
  void aDecisionsOptionsAreSummarisedByNameAndDeletionsAreRecorded() {
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    long[] id = new long[1];
    inTransaction(w -> {
      Decision d = new Decision(901, "Ingress controller", t);
      d.describe("Ingress controller", null, "board", null, null,
          List.of(new ConsideredOption("NGINX", null, "known", null),
              new ConsideredOption("Traefik", null, null, null)), null, null, null, null, t);
      w.persist(d);
      id[0] = d.getId();
    });
    RevisionAuthor.actingAs("alice", () -> {
      inTransaction(w -> {
        Decision d = find(w, Decision.class, id[0]);
        d.describe("Ingress controller", null, "board", null, null,
            List.of(new ConsideredOption("NGINX", null, "known\ncheap", null),
                new ConsideredOption("Envoy Gateway", null, "Gateway API", null)),
            "Envoy Gateway", null, null, null, t);
        d.changeStatus(DecisionStatus.ACCEPTED, t);
      });
      return null;
    });
    inTransaction(w -> w.remove(find(w, Decision.class, id[0])));

    List<HistoryEntry> entries = history.timeline("decision", id[0], 0, 10).items();

    assertThat(entries).extracting(HistoryEntry::kind)
        .containsExactly(ChangeKind.DELETED, ChangeKind.CHANGED, ChangeKind.CREATED);
    assertThat(entries.get(0).changes()).isEmpty();
    assertThat(entries.get(0).label()).isEqualTo("ADR-0901 Ingress controller");
    HistoryEntry changed = entries.get(1);
    assertThat(changed.author()).isEqualTo("alice");
    assertThat(changed.changes()).extracting(FieldChange::field)
        .containsExactly("status", "options", "chosenOption");
    FieldChange options = changed.changes().get(1);
    assertThat(options.summary())
        .isEqualTo("added Envoy Gateway; removed Traefik; changed NGINX");
    assertThat(options.after()).isEqualTo("NGINX: pros: known\ncheap\nEnvoy Gateway: pros: Gateway API");
    assertThat(entries.get(2).author()).isEqualTo(RevisionAuthor.ANONYMOUS);

    assertThat(history.recent("decision", 0, 200).items())
        .extracting(HistoryEntry::id).contains(id[0]);
  }

  @Test
  void aGoalsTimelineHoldsItsChangesAndThoseOfItsItemsButNotTheProvingDecisions() {
    Instant t = Instant.parse("2026-03-03T10:00:00Z");
    long[] ids = new long[3];
    inTransaction(w -> {
      Decision d = new Decision(902, "Use Path A", t);
      w.persist(d);
      ids[0] = d.getId();
      Goal g = new Goal("Deploy a cluster", GoalKind.SUCCESS, t);
      g.addItem("Choose the path", t);
      w.persist(g);
      ids[1] = g.getId();
    });
    RevisionAuthor.actingAs("bob", () -> {
      inTransaction(w -> find(w, Goal.class, ids[1]).describe("Deploy a production cluster",
          "Three nodes", GoalKind.SUCCESS, LocalDate.parse("2026-06-30"), t));
      return null;
    });
    inTransaction(w -> {
      Goal g = find(w, Goal.class, ids[1]);
      GoalItem item = g.getItems().get(0);
      ids[2] = item.getId();
      g.prove(item, find(w, Decision.class, ids[0]), t);
    });
    // Touching alone (updated_at is not audited) records nothing.
    inTransaction(w -> find(w, Goal.class, ids[1]).touch(t.plusSeconds(60)));

    List<HistoryEntry> entries = history.timeline("goal", ids[1], 0, 50).items();

    // Newest revision first; within one revision (goal and item created together) by type.
    assertThat(entries).extracting(e -> e.type() + ":" + e.kind()).containsExactly(
        "goal-item:CHANGED", "goal:CHANGED", "goal:CREATED", "goal-item:CREATED");
    assertThat(entries.get(0).label()).isEqualTo("Choose the path");
    assertThat(entries.get(0).changes()).extracting(FieldChange::field)
        .containsExactly("decision", "provenAt");
    assertThat(entries.get(0).changes().get(0).after())
        .isEqualTo("ADR-0902 Use Path A (decision #" + ids[0] + ")");
    assertThat(entries.get(1).author()).isEqualTo("bob");
    assertThat(entries.get(1).changes()).containsExactly(
        FieldChange.of("title", "Deploy a cluster", "Deploy a production cluster"),
        FieldChange.of("description", null, "Three nodes"),
        FieldChange.of("targetDate", null, "2026-06-30"));
    assertThat(entries.get(2).changes()).extracting(FieldChange::field)
        .containsExactly("title", "kind", "createdAt");
    assertThat(entries.get(3).changes()).contains(FieldChange.of("goal", null,
        "Deploy a cluster (goal #" + ids[1] + ")"));

    // The proof is a reference, not ownership: the decision's timeline is its own.
    assertThat(history.timeline("decision", ids[0], 0, 50).items())
        .extracting(HistoryEntry::type).containsOnly("decision");
    assertThat(history.label("goal", ids[1])).isEqualTo("Deploy a production cluster");
    assertThat(history.types()).contains("goal", "goal-item");
  }

  @Test
  void recentChangesAreNewestFirstAndFilteredByType() {
    inTransaction(w -> w.persist(new Experiment("Recent", null, null, "ops", Instant.now())));

    Page<HistoryEntry> all = history.recent(null, 0, 5);
    Page<HistoryEntry> experiments = history.recent("EXPERIMENT", 0, 200);

    assertThat(all.items()).isNotEmpty();
    assertThat(all.items()).extracting(HistoryEntry::revision)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(experiments.items()).allMatch(e -> e.type().equals("experiment"));
    assertThat(experiments.items().get(0).label()).isEqualTo("Recent");
    assertThat(all.total()).isGreaterThanOrEqualTo(experiments.total());
  }

  @Test
  void badRequestsAreRefusedWithTheFieldNamed() {
    assertThat(history.types()).contains("decision", "evidence", "experiment", "metric", "run",
        "variant");
    assertThatThrownBy(() -> history.recent("measurement", 0, 10))
        .isInstanceOf(DomainException.InvalidInput.class)
        .satisfies(e -> assertThat(((DomainException) e).errors().get(0).field())
            .isEqualTo("type"));
    assertThatThrownBy(() -> history.recent(null, -1, 10))
        .isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> history.recent(null, 0, HistoryService.MAX_LIMIT + 1))
        .isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> history.timeline("experiment", 987_654_321L, 0, 10))
        .isInstanceOf(DomainException.NotFound.class);
  }
}
