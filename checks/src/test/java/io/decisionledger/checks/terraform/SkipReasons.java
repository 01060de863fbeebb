package io.decisionledger.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** checkov configurations list each skipped check with its reason. */
public final class SkipReasons {

  private SkipReasons() {}

  /** Each skip-check entry must follow a comment (its reason) or carry one on its line. */
  public static void assertSkipsHaveReasons(Path config) throws IOException {
    List<String> lines = Files.readAllLines(config);
    boolean inSkips = false;
    boolean reasonPending = false;
    int skips = 0;
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith("skip-check:")) {
        inSkips = true;
        continue;
      }
      if (!inSkips) {
        continue;
      }
      if (!line.startsWith(" ") && !trimmed.isEmpty()) {
        break; // the next top-level key
      }
      if (trimmed.startsWith("#")) {
        reasonPending = trimmed.length() > 10;
      } else if (trimmed.startsWith("- ")) {
        skips++;
        assertThat(reasonPending || trimmed.contains("#"))
            .as("%s: skip %s needs a reason comment", config, trimmed)
            .isTrue();
      } else if (trimmed.isEmpty()) {
        reasonPending = false;
      }
    }
    assertThat(skips).as("skips listed in %s", config).isGreaterThanOrEqualTo(0);
  }
}
