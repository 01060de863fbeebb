package io.decisionledger.infrastructure.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.decisionledger.testing.PersistenceUnitOnPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flyway owns the schema and Hibernate generates nothing, so nothing at run time says when a
 * mapping and the tables disagree until a query fails. This test migrates a real PostgreSQL with
 * the application's migrations and has Hibernate validate the persistence unit of persistence.xml,
 * Envers included, against it: an audited entity without its {@code _aud} table or a column fails
 * here. It also checks that every history table refuses changes.
 */
class SchemaMappingTest {

  private static PersistenceUnitOnPostgres postgres;

  @BeforeAll
  static void start() throws IOException {
    postgres = new PersistenceUnitOnPostgres();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void everyMappedAndAuditedTableMatchesTheMigratedSchema() throws Exception {
    DataSource db = migrated("current", null);
    try (SessionFactory factory = validated(db)) {
      var audit = AuditReaderFactory.get(factory.createEntityManager());
      for (String entity : List.of("experiment.Experiment", "experiment.Variant",
          "experiment.Metric", "experiment.Run", "decision.Decision", "decision.Evidence",
          "goal.Goal", "goal.GoalItem")) {
        assertThat(audit.isEntityClassAudited(
            Class.forName("io.decisionledger.domain.model." + entity))).as(entity).isTrue();
      }
      assertThat(historyTables(factory)).contains("revision", "experiment_aud", "variant_aud",
          "metric_aud", "run_aud", "run_parameter_aud", "decision_aud", "decision_option_aud",
          "decision_evidence_aud", "goal_aud", "goal_item_aud");
    }
  }

  @Test
  void aSchemaWithoutTheHistoryTablesIsRefused() throws Exception {
    // Everything migrated, then one history table gone: validation must name it.
    DataSource db = migrated("before_history", null);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE experiment_aud CASCADE");
    }
    assertThatThrownBy(() -> validated(db).close())
        .hasMessageContaining("_aud");
  }

  @Test
  void everyHistoryTableIsAppendOnly() throws Exception {
    DataSource db = migrated("append_only", null);
    Set<String> tables;
    try (SessionFactory factory = validated(db)) {
      tables = historyTables(factory);
    }
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      Set<String> guarded = new TreeSet<>();
      try (ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_trigger t"
          + " JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = c.relname || '_append_only'")) {
        while (rs.next()) {
          guarded.add(rs.getString(1));
        }
      }
      assertThat(guarded).as("tables with the append-only trigger").containsAll(tables);

      s.execute("INSERT INTO revision (changed_at, changed_by) VALUES (now(), 'test')");
      s.execute("INSERT INTO experiment_aud (id, rev, revtype, title)"
          + " SELECT 1, max(id), 0, 'x' FROM revision");
      for (String change : List.of("UPDATE revision SET changed_by = 'someone else'",
          "DELETE FROM experiment_aud", "TRUNCATE run_aud")) {
        assertThatThrownBy(() -> s.execute(change)).as(change)
            .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      }
      try (ResultSet rs = s.executeQuery("SELECT changed_by FROM revision")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("test");
      }
    }
  }

  @Test
  void rowsWrittenBeforeTheHistoryBeganGetTheirStateAsTheFirstRevision() throws Exception {
    DataSource db = migrated("baseline", "2");
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO experiment (id, title, status, owner, created_at, updated_at)"
          + " VALUES (7, 'Path A vs Path B', 'RUNNING', 'ops', now(), now())");
      s.execute("INSERT INTO variant (id, experiment_id, name, baseline) VALUES (8, 7, 'A', true)");
      s.execute("INSERT INTO run (id, variant_id, started_at, source, created_at)"
          + " VALUES (9, 8, now(), 'API', now())");
      s.execute("INSERT INTO run_parameter (run_id, name, value) VALUES (9, 'nodes', '3')");
      s.execute("INSERT INTO metric (id, experiment_id, name, unit, direction)"
          + " VALUES (10, 7, 'boot', 's', 'LOWER_IS_BETTER')");
      s.execute("INSERT INTO run_metric_stats (run_id, metric_id, n, mean, m2, min_value,"
          + " max_value, sketch) VALUES (9, 10, 40, 1, 0, 1, 1, '\\x00')");
      s.execute("INSERT INTO decision (id, number, title, status, created_at, updated_at)"
          + " VALUES (11, 1, 'Use Path A', 'PROPOSED', now(), now())");
      s.execute("INSERT INTO decision_option (decision_id, position, name, pros)"
          + " VALUES (11, 0, 'Path A', 'known')");
    }
    PersistenceUnitOnPostgres.migrate(db, null);

    try (SessionFactory factory = validated(db); var session = factory.openSession()) {
      var audit = AuditReaderFactory.get(session);
      List<Number> revisions = audit.getRevisions(
          io.decisionledger.domain.model.experiment.Run.class, 9L);
      assertThat(revisions).hasSize(1);
      var run = audit.find(io.decisionledger.domain.model.experiment.Run.class, 9L,
          revisions.get(0));
      assertThat(run.getMeasurementCount()).isEqualTo(40);
      assertThat(run.getParameters()).containsEntry("nodes", "3");
      var decision = audit.find(io.decisionledger.domain.model.decision.Decision.class, 11L,
          revisions.get(0));
      assertThat(decision.getOptions()).extracting(o -> o.getName() + "/" + o.getPros())
          .containsExactly("Path A/known");
      assertThat(audit.getRevisions(
          io.decisionledger.domain.model.experiment.Experiment.class, 7L)).isEqualTo(revisions);
    }
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), min(changed_by) FROM revision")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getString(2)).isEqualTo("system");
    }
  }

  @Test
  void goalsWrittenBeforeTheirHistoryBeganGetTheirStateAsTheFirstRevision() throws Exception {
    // A decision from before any history (V3 records it), then a goal from before V7.
    DataSource db = migrated("goal_baseline", "2");
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO decision (id, number, title, status, created_at, updated_at)"
          + " VALUES (21, 1, 'Use Path A', 'ACCEPTED', now(), now())");
    }
    PersistenceUnitOnPostgres.migrate(db, "6");
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO goal (id, title, kind, created_at, updated_at)"
          + " VALUES (22, 'Deploy a cluster', 'SUCCESS', now(), now())");
      s.execute("INSERT INTO goal_item (id, goal_id, position, text, decision_id, proven_at)"
          + " VALUES (23, 22, 0, 'Choose the path', 21, now())");
    }
    PersistenceUnitOnPostgres.migrate(db, null);

    try (SessionFactory factory = validated(db); var session = factory.openSession()) {
      var audit = AuditReaderFactory.get(session);
      List<Number> revisions = audit.getRevisions(
          io.decisionledger.domain.model.goal.Goal.class, 22L);
      assertThat(revisions).hasSize(1);
      var goal = audit.find(io.decisionledger.domain.model.goal.Goal.class, 22L,
          revisions.get(0));
      assertThat(goal.getTitle()).isEqualTo("Deploy a cluster");
      var item = audit.find(io.decisionledger.domain.model.goal.GoalItem.class, 23L,
          revisions.get(0));
      assertThat(item.getText()).isEqualTo("Choose the path");
      assertThat(item.getDecision().getTitle()).isEqualTo("Use Path A");
    }
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), max(changed_by) FROM revision")) {
      rs.next();
      // V3's revision for the decision, V7's for the goal.
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.getString(2)).isEqualTo("system");
    }
  }

  @Test
  void anEmptyDatabaseStartsWithNoRevision() throws Exception {
    DataSource db = migrated("empty", null);
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM revision")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  /** The tables Envers writes: the revision table and every table of an audit entity or collection. */
  private static Set<String> historyTables(SessionFactory factory) {
    var metamodel = factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
    Set<String> tables = new TreeSet<>();
    metamodel.forEachEntityDescriptor(p -> tables.add(((AbstractEntityPersister) p).getTableName()));
    metamodel.forEachCollectionDescriptor(
        p -> tables.add(((AbstractCollectionPersister) p).getTableName()));
    tables.removeIf(t -> !t.endsWith("_aud") && !t.equals("revision"));
    return tables;
  }

  private static DataSource migrated(String name, String target) throws SQLException {
    return postgres.migrated(name, target);
  }

  private static SessionFactory validated(DataSource db) throws Exception {
    return PersistenceUnitOnPostgres.validated(db);
  }
}
