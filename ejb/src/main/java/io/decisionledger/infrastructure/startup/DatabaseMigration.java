package io.decisionledger.infrastructure.startup;

import io.decisionledger.application.security.AdminBootstrap;
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

  @Inject AdminBootstrap adminBootstrap;

  private volatile boolean migrated;
  private volatile String failure;
  private volatile AdminBootstrap.StartupRefused refused;

  @PostConstruct
  void start() {
    ensureMigrated();
    if (refused != null) {
      // Fails the application's start: production without a way to sign in is not a state to run in.
      throw refused;
    }
  }

  /**
   * Migrates if that has not succeeded yet (the database may have been unreachable at start-up;
   * the readiness check calls this again), then makes sure an administrator exists.
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
              // Liberty creates its session table (dl_http_session) as soon as the web module
              // starts, which can be before this runs: a schema holding only that is baselined at
              // version 0 and then migrated from V1. A schema with application tables but no
              // history still fails, at V1, on the existing tables.
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .load()
              .migrate();
      LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
          + result.migrationsExecuted + " migrations applied)");
      adminBootstrap.ensureAdministrator();
      migrated = true;
      failure = null;
    } catch (jakarta.ejb.EJBException e) {
      if (e.getCause() instanceof AdminBootstrap.StartupRefused startupRefused) {
        refused = startupRefused;
        failure = startupRefused.getMessage();
        LOG.severe("Refusing to start: " + failure);
      } else {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.severe("Database migration failed: " + failure);
      }
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
