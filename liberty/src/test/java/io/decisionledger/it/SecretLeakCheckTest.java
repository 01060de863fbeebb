package io.decisionledger.it;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leak check itself catches leaks, in each form, without printing the secret. */
class SecretLeakCheckTest {

  private static final String SECRET = "s3cr3t+/value=&x";
  private final SecretLeakCheck check = SecretLeakCheck.of(Map.of("dl.db.password", SECRET));

  @Test
  void cleanTextPasses() {
    assertThatCode(() -> check.assertAbsent("page", "masked: •••••• fingerprint 1a2b3c4d5e6f"))
        .doesNotThrowAnyException();
  }

  @Test
  void theRawValueAndItsEncodingsAreLeaks() {
    byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
    for (String leaked : new String[] {SECRET, URLEncoder.encode(SECRET, StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().encodeToString(bytes)}) {
      assertThatThrownBy(() -> check.assertAbsent("page", "before " + leaked + " after"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dl.db.password")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void aSecretInAnyLogFileIsALeak(@TempDir Path logs) throws IOException {
    Files.writeString(logs.resolve("messages.log"), "{\"message\":\"started\"}\n");
    assertThatCode(() -> check.assertNotInLogs(logs)).doesNotThrowAnyException();
    Files.createDirectories(logs.resolve("ffdc"));
    Files.writeString(logs.resolve("ffdc/ffdc_1.log"), "password=" + SECRET);
    assertThatThrownBy(() -> check.assertNotInLogs(logs)).hasMessageContaining("ffdc_1.log");
  }

  @Test
  void noLogAtAllIsAFailureNotAPass(@TempDir Path logs) {
    assertThatThrownBy(() -> check.assertNotInLogs(logs)).hasMessageContaining("messages.log");
  }

  @Test
  void shortValuesAreRefusedBecauseTheyWouldMatchByChance() {
    assertThatThrownBy(() -> SecretLeakCheck.of(Map.of("x", "abc")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
