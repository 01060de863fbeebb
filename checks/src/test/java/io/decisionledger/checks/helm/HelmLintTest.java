package io.decisionledger.checks.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.decisionledger.checks.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** `helm lint --strict`: the chart's defaults in-process, and every values profile with the CLI. */
class HelmLintTest {

  @Test
  void defaultsLintStrictInProcess() {
    LintResult result = new Helm(Chart.DIR).lint().strict().call();
    assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).as("helm lint --strict messages").noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @ParameterizedTest
  @EnumSource(Chart.Profile.class)
  void profileLintsStrict(Chart.Profile profile) {
    Tool.Result result = Chart.helm().run(Chart.DIR, "lint", "--strict", "--values", profile.valuesFile().toString(), Chart.DIR.toString());
    result.assertSuccess();
    assertThat(result.output()).contains("1 chart(s) linted, 0 chart(s) failed").doesNotContain("[WARNING]");
  }

  @Test
  void schemaRejectsAnUnknownValue() {
    Tool.Result result = Chart.helm().run(Chart.DIR, "lint", "--strict", "--set", "replicas=3", Chart.DIR.toString());
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("replicas");
  }

  @Test
  void schemaRejectsAnInsecureSecurityContext() {
    Tool.Result result = Chart.helm().run(Chart.DIR, "lint", "--strict",
        "--set", "securityContext.allowPrivilegeEscalation=true", Chart.DIR.toString());
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("allowPrivilegeEscalation");
  }
}
