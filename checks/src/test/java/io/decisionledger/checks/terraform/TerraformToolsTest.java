package io.decisionledger.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.Tool;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The ecosystem's own tools over terraform/: OpenTofu's formatter (the terraform fmt rules),
 * tflint with its bundled terraform ruleset, and checkov. All three are installed by .ci/run
 * (.ci/tools/go-tools.sh builds tofu and tflint from the Go module proxy, .ci/tools/python.sh
 * installs checkov).
 */
class TerraformToolsTest {

  private static final Path TERRAFORM = TerraformModel.TERRAFORM;

  @Test
  void formattedAsTofuFmtWants() {
    Tool tofu = Tool.require("tofu");
    // -check exits 3 and lists the files that need formatting; -diff shows how.
    tofu.run(TERRAFORM, "fmt", "-check", "-recursive", "-diff", "-no-color").assertSuccess();
  }

  @Test
  void tflintFindsNothing() {
    Tool tflint = Tool.require("tflint");
    tflint
        .run(TERRAFORM, "--recursive", "--config", TERRAFORM.resolve(".tflint.hcl").toString(), "--no-color")
        .assertSuccess();
  }

  @Test
  void checkovFindsNoFailedCheck() {
    Tool checkov = Tool.require("checkov");
    Tool.Result result =
        checkov
            .run(TERRAFORM, "--directory", ".", "--config-file", ".checkov.yaml")
            .assertSuccess();
    assertThat(result.output()).contains("Failed checks: 0");
  }

  @Test
  void everyCheckovSkipHasAReason() throws IOException {
    SkipReasons.assertSkipsHaveReasons(TERRAFORM.resolve(".checkov.yaml"));
  }
}
