package io.decisionledger.application.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

  // Expected values computed with the command docs/audit.md gives auditors:
  //   printf %s "$value" | sha256sum | cut -c1-12
  @Test
  void isTheFirstTwelveHexDigitsOfTheSha256OfTheUtf8Bytes() {
    assertThat(Fingerprint.of("abc")).isEqualTo("ba7816bf8f01");
    assertThat(Fingerprint.of("pässwörd")).isEqualTo("46970bef70ac");
    assertThat(Fingerprint.of("Tr0ub4dor&3 with spaces")).isEqualTo("7d7b54496cd8");
  }

  @Test
  void differsForValuesThatDifferInOneCharacter() {
    assertThat(Fingerprint.of("secret-1")).hasSize(12).isNotEqualTo(Fingerprint.of("secret-2"));
  }

  @Test
  void maskSaysNothingAboutTheLength() {
    assertThat(Fingerprint.MASK).isEqualTo("••••••");
  }
}
