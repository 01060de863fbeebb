package io.decisionledger.application.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"dl.db.password", "DL_DB_PASSWORD", "dl.auth.oidc.client-secret",
      "dl.api.token", "dl.signing.key", "dl.keystore.passwd", "dl.storage.credentials"})
  void namesThatMentionASecretAreSecrets(String name) {
    assertThat(SecretNames.looksSecret(name)).isTrue();
    assertThat(SecretNames.isSecret(name, null)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dl.db.url", "dl.db.user", "dl.http.port", "dl.mode"})
  void ordinaryNamesAreNot(String name) {
    assertThat(SecretNames.looksSecret(name)).isFalse();
  }

  @Test
  void theRegistryMarksSecretsWhateverTheirName() {
    RegisteredProperty hidden = RegisteredProperty.secret("dl.innocuous", "a secret all the same");
    assertThat(SecretNames.isSecret("dl.innocuous", hidden)).isTrue();
    assertThat(SecretNames.isSecret("dl.innocuous",
        RegisteredProperty.plain("dl.innocuous", null, "plain"))).isFalse();
  }

  @Test
  void everyRegisteredPropertyNamedLikeASecretIsRegisteredAsOne() {
    assertThat(ConfigRegistry.PROPERTIES)
        .filteredOn(p -> SecretNames.looksSecret(p.name()))
        .isNotEmpty()
        .allMatch(RegisteredProperty::secret);
  }
}
