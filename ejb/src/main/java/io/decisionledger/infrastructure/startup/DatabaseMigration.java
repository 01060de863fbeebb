package io.decisionledger.infrastructure.startup;

import io.decisionledger.infrastructure.history.RevisionAuthor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway before anything else touches the database. Flyway owns
 * the schema: Hibernate only validates nothing and generates nothing.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = "jdbc/decisionledger")
  DataSource dataSource;

  @Inject DemoData demoData;
  @Inject DemoDecisions demoDecisions;

  private volatile boolean migrated;
  private volatile String failure;

  @PostConstruct
  void start() {
    ensureMigrated();
  }

  /**
   * Migrates if that has not succeeded yet (the database may have been unreachable at start-up;
   * the readiness check calls this again), then seeds the demo data into an empty database.
   *
   * @return whether the schema is up to date
   */
  public boolean ensureMigrated() {
    if (migrated) {
      return true;
    }
    try {
      MigrateResult result =
          Flyway.configure(DatabaseMigration.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .failOnMissingLocations(true)
              .load()
              .migrate();
      LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
          + result.migrationsExecuted + " migrations applied)");
      // No person starts this: the history records the demo data as written by "system".
      RevisionAuthor.actingAs(RevisionAuthor.SYSTEM, () -> {
        demoData.seedIfEnabledAndEmpty();
        demoDecisions.seedIfEnabledAndEmpty();
        return null;
      });
      migrated = true;
      failure = null;
    } catch (RuntimeException e) {
      // The server stays up with readiness DOWN and the cause in the health response and the log;
      // a later restart retries.
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.severe("Database migration failed: " + failure);
    }
    return migrated;
  }

  public boolean isMigrated() {
    return migrated;
  }

  public String failure() {
    return failure;
  }
}
