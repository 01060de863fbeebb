package io.decisionledger.application.configaudit;

import static io.decisionledger.application.configaudit.ConfigSourceKind.BUILT_IN_DEFAULT;
import static io.decisionledger.application.configaudit.ConfigSourceKind.ENVIRONMENT;
import static io.decisionledger.application.configaudit.ConfigSourceKind.MOUNTED_FILE;
import static io.decisionledger.application.configaudit.ConfigSourceKind.NOT_SET;
import static io.decisionledger.application.configaudit.ConfigSourceKind.OTHER;
import static io.decisionledger.application.configaudit.ConfigSourceKind.SERVER_CONFIGURATION;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The source names are the ones Open Liberty 26.0.0.5 (mpConfig-3.1) reports. */
class ConfigSourceKindTest {

  private static final String VARIABLES = "server.xml.variables.config.source";
  private static final String DEFAULTS = "server.xml.default.variables.config.source";
  private static final String PROPERTIES = "PropertiesConfigSource[source=wsjar:file:/opt/ol/wlp/"
      + "usr/servers/defaultServer/apps/expanded/decision-ledger.ear/decision-ledger-ejb.jar!"
      + "/META-INF/microprofile-config.properties]";

  @Test
  void aVariablesFileHoldingTheValueIsAMountedFile() {
    assertThat(ConfigSourceKind.classify(VARIABLES, 500, true)).isEqualTo(MOUNTED_FILE);
    assertThat(MOUNTED_FILE.label()).isEqualTo("Key Vault / mounted file");
  }

  @Test
  void aServerXmlVariableWithoutSuchAFileIsServerConfiguration() {
    assertThat(ConfigSourceKind.classify(VARIABLES, 500, false)).isEqualTo(SERVER_CONFIGURATION);
  }

  @Test
  void environmentVariables() {
    assertThat(ConfigSourceKind.classify("EnvConfigSource", 300, false)).isEqualTo(ENVIRONMENT);
  }

  @Test
  void systemPropertiesAndAppPropertiesAreServerConfiguration() {
    assertThat(ConfigSourceKind.classify("SysPropConfigSource", 400, false))
        .isEqualTo(SERVER_CONFIGURATION);
    assertThat(ConfigSourceKind.classify("server.xml.appproperties.config.source", 600, false))
        .isEqualTo(SERVER_CONFIGURATION);
  }

  @Test
  void serverXmlDefaultsAndBundledPropertiesAreBuiltInDefaults() {
    assertThat(ConfigSourceKind.classify(DEFAULTS, 1, false)).isEqualTo(BUILT_IN_DEFAULT);
    assertThat(ConfigSourceKind.classify(PROPERTIES, 100, false)).isEqualTo(BUILT_IN_DEFAULT);
  }

  @Test
  void noSourceIsNotSetAndAnUnknownSourceIsReportedAsOther() {
    assertThat(ConfigSourceKind.classify(null, 0, false)).isEqualTo(NOT_SET);
    assertThat(ConfigSourceKind.classify("VaultConfigSource", 270, false)).isEqualTo(OTHER);
    assertThat(ConfigSourceKind.classify("DirConfigSource[/mnt/secrets]", 100, true))
        .isEqualTo(MOUNTED_FILE);
  }
}
