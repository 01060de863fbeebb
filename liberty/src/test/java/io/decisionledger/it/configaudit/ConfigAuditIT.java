package io.decisionledger.it.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.configaudit.ConfigRegistry;
import io.decisionledger.application.configaudit.RegisteredProperty;
import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import io.decisionledger.it.SecretLeakCheck;
import io.decisionledger.it.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The configuration audit as an auditor sees it, against the test server whose database password
 * is mounted as a file in its variables/ directory, as Key Vault's CSI driver mounts it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigAuditIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private Http http() {
    return new Http(Deployments.root(base));
  }

  /** What docs/audit.md tells auditors to run: printf %s "$value" | sha256sum | cut -c1-12. */
  private static String fingerprint(String value) {
    return TestDatabase.fingerprint(value);
  }

  private Map<String, JsonObject> audit() {
    Http.Response response = http().get("api/v1/config-audit");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    return response.json().getJsonArray("properties").stream().map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(p -> p.getString("name"), p -> p));
  }

  @Test
  void theMountedDatabasePasswordIsMaskedWithItsFingerprintFileAndTime() throws Exception {
    JsonObject password = audit().get("dl.db.password");

    assertThat(password.getBoolean("secret")).isTrue();
    assertThat(password.getBoolean("registered")).isTrue();
    assertThat(password.getBoolean("set")).isTrue();
    assertThat(password.getString("source")).isEqualTo("MOUNTED_FILE");
    assertThat(password.getString("sourceLabel")).isEqualTo("Key Vault / mounted file");
    assertThat(password.getString("sourceName")).isEqualTo("server.xml.variables.config.source");
    assertThat(password.isNull("value")).isTrue();
    assertThat(password.getString("maskedValue")).isEqualTo("••••••");
    assertThat(password.getString("fingerprint"))
        .isEqualTo(fingerprint(TestDatabase.DB_PASSWORD));
    Path file = TestDatabase.variablesDirectory().resolve("dl.db.password");
    assertThat(Path.of(password.getString("file"))).isEqualTo(file);
    assertThat(Instant.parse(password.getString("fileModifiedAt")))
        .isEqualTo(Files.getLastModifiedTime(file).toInstant());
  }

  @Test
  void everyRegisteredPropertyIsListedWithItsSource() {
    Map<String, JsonObject> audit = audit();
    assertThat(audit.keySet()).containsAll(
        ConfigRegistry.PROPERTIES.stream().map(RegisteredProperty::name).toList());

    // Non-secrets show their value: from a mounted file, the server.xml defaults, server.xml
    // values, the bundled microprofile-config.properties and the code.
    JsonObject url = audit.get("dl.db.url");
    assertThat(url.getString("source")).isEqualTo("MOUNTED_FILE");
    assertThat(url.getString("value")).isEqualTo(TestDatabase.get().jdbcUrl());
    assertThat(url.isNull("fingerprint")).isTrue();
    JsonObject pool = audit.get("dl.db.pool.max");
    assertThat(pool.getString("source")).isEqualTo("BUILT_IN_DEFAULT");
    assertThat(pool.getString("value")).isEqualTo("20");
    assertThat(pool.getBoolean("set")).isFalse();
    assertThat(audit.get("mp.metrics.distribution.percentiles").getString("source"))
        .isEqualTo("SERVER_CONFIGURATION");
    assertThat(audit.get("mp.openapi.scan.disable").getString("source"))
        .isEqualTo("BUILT_IN_DEFAULT");
    JsonObject maxRows = audit.get("dl.ingest.max-rows");
    assertThat(maxRows.getString("source")).isEqualTo("BUILT_IN_DEFAULT");
    assertThat(maxRows.isNull("sourceName")).isTrue();
    assertThat(maxRows.getString("value")).isEqualTo("100000");
    // Every secret the registry knows shows no value, whether set or not.
    for (RegisteredProperty property : ConfigRegistry.PROPERTIES) {
      if (property.secret()) {
        assertThat(audit.get(property.name()).isNull("value")).as(property.name()).isTrue();
      }
    }
  }

  @Test
  void theJsonDownloadsAsAFile() {
    Http.Response response = http().get("api/v1/config-audit?download=true");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        value -> assertThat(value).startsWith("attachment; filename=\"config-audit-")
            .endsWith(".json\""));
    assertThat(response.json().getString("fingerprintMethod")).contains("sha256sum");
  }

  @Test
  void thePageShowsSourcesMaskAndFingerprintAndLinksTheJson() throws Exception {
    Http.Response page = http().get("admin/config-audit.xhtml", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Configuration audit")
        .contains("dl.db.password")
        .contains("Key Vault / mounted file")
        .contains("••••••")
        .contains(fingerprint(TestDatabase.DB_PASSWORD))
        .contains(TestDatabase.variablesDirectory().resolve("dl.db.password").toString())
        .contains("api/v1/config-audit?download=true")
        .contains("built-in default");
    assertThat(http().get("", "text/html").body()).contains("admin/config-audit.xhtml");
  }

  @Test
  void theMountedSecretAppearsNowhere() {
    SecretLeakCheck leaks = SecretLeakCheck.ofThisTestRun();
    assertThat(leaks.secrets()).containsEntry("dl.db.password", TestDatabase.DB_PASSWORD);
    leaks.assertNotIn(http(),
        "api/v1/config-audit", "api/v1/config-audit?download=true", "admin/config-audit.xhtml",
        "", "metrics", "openapi", "health", "health/ready", "health/started");
    leaks.assertNotInServerLogs();
  }
}
