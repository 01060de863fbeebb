package io.decisionledger.checks.helm;

import static io.decisionledger.checks.k8s.Manifests.at;
import static io.decisionledger.checks.k8s.Manifests.map;
import static io.decisionledger.checks.k8s.Manifests.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.Tool;
import io.decisionledger.checks.k8s.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart's alert rules: promtool's syntax check and unit tests, and links into the runbook. */
class PrometheusRulesTest {

  static final Path RULES = Chart.DIR.resolve("files/prometheus/decision-ledger.rules.yaml");
  static final Path RULE_TESTS = Tool.REPO.resolve("checks/src/test/resources/helm/prometheus/decision-ledger.rules.test.yaml");

  @Test
  void promtoolChecksTheRuleFile() {
    Tool.require("promtool").run(RULES.getParent(), "check", "rules", RULES.toString()).assertSuccess();
  }

  @Test
  void promtoolUnitTestsPass() {
    Tool.Result result = Tool.require("promtool").run(RULE_TESTS.getParent(), "test", "rules", RULE_TESTS.getFileName().toString());
    result.assertSuccess();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void everyAlertHasSeveritySummaryDescriptionAndARunbookSection() throws Exception {
    String runbook = Files.readString(Tool.REPO.resolve("docs/runbook.md"));
    List<Map<String, Object>> alerts = maps(Manifests.parse(RULES).get(0).get("groups")).stream()
        .flatMap(g -> maps(g.get("rules")).stream()).filter(r -> r.containsKey("alert")).toList();
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(3);
    for (Map<String, Object> alert : alerts) {
      String name = (String) alert.get("alert");
      assertThat(map(alert.get("labels"))).as(name).containsKey("severity");
      assertThat((String) at(alert, "labels", "severity")).as(name).isIn("critical", "warning", "info");
      assertThat(map(alert.get("annotations"))).as(name).containsKeys("summary", "description", "runbook_url");
      String anchor = name.toLowerCase();
      assertThat(at(alert, "annotations", "runbook_url")).as(name).isEqualTo("docs/runbook.md#" + anchor);
      // GitHub's anchor for a "## DecisionLedgerDown" heading is #decisionledgerdown.
      assertThat(runbook).as("docs/runbook.md section for %s", name).containsPattern("(?m)^## " + name + "$");
    }
  }
}
