package io.decisionledger.interfaces.health;

import io.decisionledger.infrastructure.startup.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Ready while PostgreSQL answers and the schema is migrated; started once the schema has been
 * migrated. The response names the failure, never a credential or URL.
 */
public final class DatabaseHealth {

  private DatabaseHealth() {}

  /** Readiness: a connection from the pool that answers within two seconds. */
  @Readiness
  @ApplicationScoped
  public static class Ready implements HealthCheck {

    @Resource(lookup = "jdbc/decisionledger")
    DataSource dataSource;

    @Inject DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
      try (Connection connection = dataSource.getConnection()) {
        if (!connection.isValid(2)) {
          return down("database did not answer within 2 s");
        }
      } catch (SQLException e) {
        return down("database unreachable (SQLState " + e.getSQLState() + ")");
      }
      if (!migration.ensureMigrated()) {
        return down("database schema not migrated: " + migration.failure());
      }
      return HealthCheckResponse.named("database").up().build();
    }

    private static HealthCheckResponse down(String reason) {
      return HealthCheckResponse.named("database").down().withData("reason", reason).build();
    }
  }

  /** Started: the schema migration has run. */
  @Startup
  @ApplicationScoped
  public static class Started implements HealthCheck {

    @Inject DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
      return HealthCheckResponse.named("schema-migrated").status(migration.isMigrated()).build();
    }
  }
}
