package io.decisionledger.application.configaudit;

import static io.decisionledger.application.configaudit.RegisteredProperty.plain;
import static io.decisionledger.application.configaudit.RegisteredProperty.secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every MicroProfile Config property the application reads: the single list the configuration
 * audit page, the README's configuration table and the build agree on. {@code ConfigRegistryTest}
 * fails when code, {@code server.xml}, {@code microprofile-config.properties}, the Helm chart or the
 * kustomize manifests use a property that is not here, when a default here differs from the one in
 * the code, and when the README table misses an entry. Add a property here first.
 */
public final class ConfigRegistry {

  /** In the order the README table and the audit page show them. */
  public static final List<RegisteredProperty> PROPERTIES = List.of(
      // Database (server.xml dataSource; Liberty variables are MicroProfile Config properties too)
      plain("dl.db.url", null,
          "JDBC URL of PostgreSQL, e.g. `jdbc:postgresql://db:5432/decisionledger`; unset, the run"
              + " command starts an embedded PostgreSQL"),
      plain("dl.db.user", null, "Database user"),
      new RegisteredProperty("dl.db.password", "", true,
          "Database password (empty: trust or certificate authentication); mount it as a file"),
      plain("dl.db.ssl-mode", "prefer",
          "PostgreSQL `sslmode` (`require`, `verify-full` in production)"),
      plain("dl.db.pool.max", "20", "Largest number of pooled connections"),
      plain("dl.db.pool.min", "2", "Connections kept open when idle"),
      plain("dl.db.connect-timeout", "5",
          "Seconds to wait when opening a connection (readiness goes DOWN after that)"),
      plain("dl.jdbc.driver", "${shared.resource.dir}/jdbc/postgresql.jar",
          "Location of the PostgreSQL JDBC driver"),
      // HTTP
      plain("dl.http.port", "9080", "HTTP port"),
      plain("dl.https.port", "9443", "HTTPS port"),
      // Application
      plain("dl.ingest.max-rows", "100000",
          "Most measurements one ingestion request may carry (more: 413)"),
      plain("dl.demo.seed", "true",
          "Allow loading the Path A vs Path B demo into an empty ledger (an editor's `POST /api/v1/demo` or the home page button; the run command asks for it); set `false` in production"),
      // Sign-in and roles (issue #4; the security work reconciles names and defaults)
      plain("dl.mode", "production",
          "`production` refuses to start without an administrator or `dl.admin.password`;"
              + " `development` only warns"),
      plain("dl.admin.username", "admin",
          "User name of the first administrator, created on first start when none exists"),
      secret("dl.admin.password",
          "Password of the first administrator (used once, when none exists); mount it as a file"),
      plain("dl.auth.mode", "form",
          "`form` (user name and password, the database identity store) or `oidc` (OpenID Connect:"
              + " people sign in at the provider; password sign-in is off; API tokens work in both)"),
      plain("dl.auth.oidc.provider-uri", null,
          "The OpenID Connect provider's issuer URL (discovery at"
              + " `<uri>/.well-known/openid-configuration`), e.g."
              + " `https://login.microsoftonline.com/<tenant-id>/v2.0`"),
      plain("dl.auth.oidc.client-id", null, "The application's client id at the provider"),
      secret("dl.auth.oidc.client-secret",
          "The application's client secret at the provider; mount it as a file"),
      plain("dl.auth.oidc.redirect-uri", null,
          "Where the provider sends people back: `https://<host>/oidc/callback` (register it at the"
              + " provider); empty derives it from the request"),
      plain("dl.auth.oidc.username-claim", "preferred_username",
          "The ID token claim that names the user (their `app_user` name)"),
      plain("dl.auth.oidc.roles-claim", "groups",
          "The ID token claim whose values `dl.auth.oidc.role-map` maps: `groups` (Entra ID group"
              + " object ids) or `roles` (app roles)"),
      plain("dl.auth.oidc.role-map", null,
          "Claim values to roles, comma-separated `value=role` (a value may repeat), e.g."
              + " `<group-id>=editor,<group-id>=viewer`; unmapped values give no role"),
      plain("dl.security.pbkdf2.iterations", "210000",
          "PBKDF2-HMAC-SHA512 iterations for new password hashes"),
      plain("dl.session.timeout", "30m", "Idle time after which a signed-in session ends"),
      plain("dl.session.cookie-secure", "true",
          "Session cookie only over HTTPS (browsers also keep it on `http://localhost`)"),
      plain("dl.security.lockout.attempts", "5",
          "Failed sign-ins in a row after which an account is locked"),
      plain("dl.security.lockout.duration", "PT15M",
          "How long a locked account stays locked (ISO-8601 duration)"),
      // MicroProfile settings of the runtime, bundled or in server.xml
      plain("mp.openapi.scan.disable", "true",
          "Liberty does not scan the classes at start-up: it serves the OpenAPI document generated"
              + " when the WAR is built (which also describes the EJB module's request types)"),
      plain("mp.openapi.extensions.liberty.merged.include", "all",
          "The OpenAPI document covers every module of the application"),
      plain("mp.metrics.distribution.timer.buckets",
          "decisionledger.*=5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s;"
              + "http.server.request.duration=5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s",
          "Histogram buckets of the latency timers, for `histogram_quantile`"),
      plain("mp.metrics.distribution.percentiles", "decisionledger.*=0.5,0.95,0.99",
          "Quantiles reported for the application's timers"));

  private static final Map<String, RegisteredProperty> BY_NAME;

  static {
    Map<String, RegisteredProperty> byName = new LinkedHashMap<>();
    for (RegisteredProperty property : PROPERTIES) {
      if (byName.put(property.name(), property) != null) {
        throw new IllegalStateException("registered twice: " + property.name());
      }
    }
    BY_NAME = Map.copyOf(byName);
  }

  private ConfigRegistry() {}

  public static Optional<RegisteredProperty> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The registered property whose environment form is {@code environmentName}, if any. */
  public static Optional<RegisteredProperty> findByEnvironmentName(String environmentName) {
    return PROPERTIES.stream()
        .filter(p -> p.environmentName().equals(environmentName))
        .findFirst();
  }
}
