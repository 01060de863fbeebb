package io.decisionledger.application.configaudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAuditorTest {

  private static final String VARIABLES = "server.xml.variables.config.source";
  private static final String DEFAULTS = "server.xml.default.variables.config.source";
  private static final String SECRET = "correct horse battery staple";
  private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

  @TempDir Path temp;

  private Path variables;
  private final Map<String, ConfigValue> config = new HashMap<>();

  /** What Config.getConfigValue returns. */
  private record Value(String name, String value, String source, int ordinal)
      implements ConfigValue {
    @Override public String getName() { return name; }
    @Override public String getValue() { return value; }
    @Override public String getRawValue() { return value; }
    @Override public String getSourceName() { return source; }
    @Override public int getSourceOrdinal() { return ordinal; }
  }

  @BeforeEach
  void variablesDirectory() throws IOException {
    variables = Files.createDirectories(temp.resolve("variables"));
  }

  private void set(String name, String value, String source, int ordinal) {
    config.put(name, new Value(name, value, source, ordinal));
  }

  private ConfigAuditReport audit(List<RegisteredProperty> registry) {
    return new ConfigAuditor(registry, new VariableFiles(List.of(variables)),
        name -> config.getOrDefault(name, new Value(name, null, null, 0)), config.keySet())
        .audit(NOW);
  }

  private static ConfigAuditEntry entry(ConfigAuditReport report, String name) {
    return report.properties().stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not in the report"));
  }

  @Test
  void aSecretFromAMountedFileShowsMaskFingerprintFileAndTimeButNeverTheValue()
      throws IOException {
    Path file = Files.writeString(variables.resolve("dl.db.password"), SECRET + "\n");
    Instant modified = Instant.parse("2026-10-30T08:00:00Z");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    set("dl.db.password", SECRET, VARIABLES, 500);

    ConfigAuditReport report = audit(ConfigRegistry.PROPERTIES);
    ConfigAuditEntry password = entry(report, "dl.db.password");

    assertThat(password.secret()).isTrue();
    assertThat(password.registered()).isTrue();
    assertThat(password.source()).isEqualTo(ConfigSourceKind.MOUNTED_FILE);
    assertThat(password.sourceLabel()).isEqualTo("Key Vault / mounted file");
    assertThat(password.set()).isTrue();
    assertThat(password.value()).isNull();
    assertThat(password.maskedValue()).isEqualTo("••••••");
    assertThat(password.fingerprint()).isEqualTo(Fingerprint.of(SECRET)).hasSize(12);
    assertThat(password.file()).isEqualTo(file.toString());
    assertThat(password.fileModifiedAt()).isEqualTo(modified);
    assertThat(report.toString()).doesNotContain(SECRET).doesNotContain("horse");
    assertThat(report.variableDirectories()).containsExactly(variables.toString());
    assertThat(report.generatedAt()).isEqualTo(NOW);
  }

  @Test
  void aSecretFromTheEnvironmentHasAFingerprintAndNoFile() {
    set("dl.admin.password", SECRET, "EnvConfigSource", 300);
    ConfigAuditEntry admin = entry(audit(ConfigRegistry.PROPERTIES), "dl.admin.password");
    assertThat(admin.source()).isEqualTo(ConfigSourceKind.ENVIRONMENT);
    assertThat(admin.fingerprint()).isEqualTo(Fingerprint.of(SECRET));
    assertThat(admin.file()).isNull();
    assertThat(admin.fileModifiedAt()).isNull();
  }

  @Test
  void anEmptyDefaultSecretIsNotSetAndHasNoFingerprint() {
    set("dl.db.password", "", DEFAULTS, 1);
    ConfigAuditEntry password = entry(audit(ConfigRegistry.PROPERTIES), "dl.db.password");
    assertThat(password.source()).isEqualTo(ConfigSourceKind.BUILT_IN_DEFAULT);
    assertThat(password.set()).isFalse();
    assertThat(password.maskedValue()).isNull();
    assertThat(password.fingerprint()).isNull();
  }

  @Test
  void aMissingSecretWithoutDefaultIsNotSet() {
    ConfigAuditEntry admin = entry(audit(ConfigRegistry.PROPERTIES), "dl.admin.password");
    assertThat(admin.source()).isEqualTo(ConfigSourceKind.NOT_SET);
    assertThat(admin.set()).isFalse();
    assertThat(admin.sourceName()).isNull();
    assertThat(admin.sourceOrdinal()).isNull();
  }

  @Test
  void aPlainValueIsShownWithItsSource() {
    set("dl.db.pool.max", "40", "EnvConfigSource", 300);
    set("dl.db.user", "decisionledger", VARIABLES, 500);
    set("mp.metrics.distribution.percentiles", "decisionledger.*=0.5", VARIABLES, 500);
    ConfigAuditReport report = audit(ConfigRegistry.PROPERTIES);

    ConfigAuditEntry pool = entry(report, "dl.db.pool.max");
    assertThat(pool.value()).isEqualTo("40");
    assertThat(pool.source()).isEqualTo(ConfigSourceKind.ENVIRONMENT);
    assertThat(pool.sourceName()).isEqualTo("EnvConfigSource");
    assertThat(pool.sourceOrdinal()).isEqualTo(300);
    assertThat(pool.defaultValue()).isEqualTo("20");
    assertThat(pool.set()).isTrue();
    assertThat(pool.maskedValue()).isNull();
    assertThat(pool.fingerprint()).isNull();
    // In server.xml's variables source, but no file holds it: server configuration.
    assertThat(entry(report, "dl.db.user").source())
        .isEqualTo(ConfigSourceKind.SERVER_CONFIGURATION);
    assertThat(entry(report, "mp.metrics.distribution.percentiles").source())
        .isEqualTo(ConfigSourceKind.SERVER_CONFIGURATION);
  }

  @Test
  void withoutAnySourceTheDefaultInTheCodeApplies() {
    ConfigAuditEntry seed = entry(audit(ConfigRegistry.PROPERTIES), "dl.demo.seed");
    assertThat(seed.source()).isEqualTo(ConfigSourceKind.BUILT_IN_DEFAULT);
    assertThat(seed.value()).isEqualTo("true");
    assertThat(seed.set()).isFalse();
  }

  @Test
  void everyRegisteredPropertyIsReportedInRegistryOrder() {
    assertThat(audit(ConfigRegistry.PROPERTIES).properties())
        .extracting(ConfigAuditEntry::name)
        .containsExactlyElementsOf(
            ConfigRegistry.PROPERTIES.stream().map(RegisteredProperty::name).toList());
  }

  @Test
  void unregisteredPropertiesAreListedAndSecretLookingOnesMasked() throws IOException {
    Files.writeString(variables.resolve("dl.backup.token"), SECRET);
    set("dl.backup.token", SECRET, VARIABLES, 500);
    set("dl.feature.colour", "blue", VARIABLES, 500);
    set("DL_STRAY_PASSWORD", SECRET, "EnvConfigSource", 300);
    set("DL_DB_POOL_MAX", "40", "EnvConfigSource", 300); // the environment form of a registered one
    set("server.config.dir", "/config/", "SysPropConfigSource", 400); // not ours

    ConfigAuditReport report = audit(ConfigRegistry.PROPERTIES);

    ConfigAuditEntry token = entry(report, "dl.backup.token");
    assertThat(token.registered()).isFalse();
    assertThat(token.secret()).isTrue();
    assertThat(token.source()).isEqualTo(ConfigSourceKind.MOUNTED_FILE);
    assertThat(token.fingerprint()).isEqualTo(Fingerprint.of(SECRET));
    assertThat(token.value()).isNull();
    assertThat(entry(report, "DL_STRAY_PASSWORD").secret()).isTrue();
    assertThat(entry(report, "DL_STRAY_PASSWORD").value()).isNull();
    assertThat(entry(report, "dl.feature.colour").value()).isEqualTo("blue");
    assertThat(report.properties()).extracting(ConfigAuditEntry::name)
        .doesNotContain("DL_DB_POOL_MAX", "server.config.dir");
    assertThat(report.toString()).doesNotContain(SECRET);
  }

  @Test
  void anEnvironmentVariableListedAlsoInItsDottedFormAppearsOnce() {
    // Liberty's Config.getPropertyNames() lists DL_STRAY_TOKEN and dl.stray.token for one variable.
    set("DL_STRAY_TOKEN", SECRET, "EnvConfigSource", 300);
    set("dl.stray.token", SECRET, "EnvConfigSource", 300);
    assertThat(audit(ConfigRegistry.PROPERTIES).properties()).extracting(ConfigAuditEntry::name)
        .contains("dl.stray.token").doesNotContain("DL_STRAY_TOKEN");
  }

  @Test
  void credentialsWrittenIntoAPlainValueAreMasked() {
    set("dl.db.url", "jdbc:postgresql://db:5432/dl?user=app&password=pa55word&sslmode=require",
        "EnvConfigSource", 300);
    String url = entry(audit(ConfigRegistry.PROPERTIES), "dl.db.url").value();
    assertThat(url).doesNotContain("pa55word")
        .isEqualTo("jdbc:postgresql://db:5432/dl?user=app&password=••••••&sslmode=require");
    assertThat(ConfigAuditor.redactEmbedded("https://bob:s3cr3t@example.org/x"))
        .isEqualTo("https://bob:••••••@example.org/x");
    assertThat(ConfigAuditor.redactEmbedded("jdbc:postgresql://db:5432/dl"))
        .isEqualTo("jdbc:postgresql://db:5432/dl");
  }

  @Test
  void anEntryRefusesToCarryASecretsValue() {
    assertThatThrownBy(() -> new ConfigAuditEntry("dl.db.password", true, true, "m", null,
        ConfigSourceKind.ENVIRONMENT, "EnvConfigSource", 300, true, SECRET, null, null, null,
        null)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(SECRET);
  }
}
