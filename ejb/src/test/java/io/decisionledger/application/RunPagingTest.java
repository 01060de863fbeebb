package io.decisionledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.MetricDirection;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import io.decisionledger.testing.PersistenceUnitOnPostgres;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The experiment page's runs, one page at a time, on the real persistence unit and PostgreSQL:
 * the same order as all runs, parameters loaded, and a fixed number of SQL statements a page
 * whatever the number of runs (no statement per run).
 */
class RunPagingTest {

  private static PersistenceUnitOnPostgres postgres;
  private static SessionFactory factory;
  private static long big;
  private static long small;
  private static long metric;

  private EntityManager em;
  private RunService runs;
  private Statistics statistics;

  @BeforeAll
  static void start() throws Exception {
    postgres = new PersistenceUnitOnPostgres();
    factory = PersistenceUnitOnPostgres.validated(postgres.migrated("runpaging", null));
    factory.getStatistics().setStatisticsEnabled(true);
    EntityManager w = factory.createEntityManager();
    try {
      w.getTransaction().begin();
      Instant t = Instant.parse("2026-03-01T10:00:00Z");
      Experiment e = new Experiment("Paged runs", null, null, "ops", t);
      w.persist(e);
      Metric m = new Metric(e, "boot", "s", MetricDirection.LOWER_IS_BETTER, null);
      w.persist(m);
      Variant a = new Variant(e, "a", null);
      a.markBaseline();
      Variant b = new Variant(e, "b", null);
      w.persist(a);
      w.persist(b);
      for (int i = 0; i < 45; i++) {
        Run r = new Run(i % 3 == 0 ? a : b, RunSource.API, t.plusSeconds(i), t);
        r.replaceParameters(Map.of("nodes", String.valueOf(i), "cni", "calico"));
        w.persist(r);
      }
      Experiment s = new Experiment("Few runs", null, null, "ops", t);
      w.persist(s);
      Variant c = new Variant(s, "c", null);
      w.persist(c);
      for (int i = 0; i < 3; i++) {
        w.persist(new Run(c, RunSource.API, t.plusSeconds(i), t));
      }
      w.flush();
      big = e.getId();
      small = s.getId();
      metric = m.getId();
      w.getTransaction().commit();
    } finally {
      w.close();
    }
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
    runs = new RunService();
    runs.em = em;
    ExperimentService experiments = new ExperimentService();
    experiments.em = em;
    runs.experiments = experiments;
    statistics = factory.getStatistics();
  }

  @AfterEach
  void close() {
    em.close();
  }

  private long statementsOf(Runnable work) {
    em.clear();
    statistics.clear();
    work.run();
    return statistics.getPrepareStatementCount();
  }

  @Test
  void pagesFollowTheOrderOfAllRunsWithTheirParameters() {
    List<Long> all = runs.runsOf(big).stream().map(Run::getId).toList();
    em.clear();

    Page<Run> first = runs.runsPage(big, 0, 20);
    Page<Run> last = runs.runsPage(big, 40, 20);

    assertThat(first.total()).isEqualTo(45);
    assertThat(first.items()).extracting(Run::getId).containsExactlyElementsOf(all.subList(0, 20));
    assertThat(last.items()).extracting(Run::getId).containsExactlyElementsOf(all.subList(40, 45));
    assertThat(last.total()).isEqualTo(45);
    for (Run r : first.items()) {
      assertThat(Hibernate.isInitialized(r.getVariant())).isTrue();
      assertThat(Hibernate.isInitialized(r.getParameters())).isTrue();
      assertThat(r.getParameters()).containsEntry("cni", "calico");
    }
  }

  @Test
  void aPageCostsAFixedNumberOfStatements() {
    // Full page: the runs with their variants, their parameters, the count.
    assertThat(statementsOf(() -> runs.runsPage(big, 0, 20).items()
        .forEach(r -> r.getParameters().size()))).isEqualTo(3);
    // A first page that is not full tells the total itself: no count.
    assertThat(statementsOf(() -> runs.runsPage(small, 0, 20).items()
        .forEach(r -> r.getParameters().size()))).isEqualTo(2);
    // The measurement counts of a page: one statement.
    List<Long> ids = runs.runsPage(big, 0, 20).items().stream().map(Run::getId).toList();
    assertThat(statementsOf(() -> runs.measurementCounts(ids))).isEqualTo(1);
  }

  @Test
  void measurementCountsComeFromTheRollupsOfThePagesRuns() {
    List<Long> ids = runs.runsPage(big, 0, 20).items().stream().map(Run::getId).toList();
    em.getTransaction().begin();
    em.createNativeQuery("insert into run_metric_stats (run_id, metric_id, n, mean, m2, min_value,"
            + " max_value, sketch) values (?1, ?2, 1000, 1, 0, 1, 1, ?3)")
        .setParameter(1, ids.get(0)).setParameter(2, metric).setParameter(3, new byte[] {0})
        .executeUpdate();
    em.getTransaction().commit();

    Map<Long, Long> counts = runs.measurementCounts(ids);

    assertThat(counts).containsExactly(Map.entry(ids.get(0), 1000L));
    assertThat(runs.measurementCounts(List.of())).isEmpty();
  }
}
