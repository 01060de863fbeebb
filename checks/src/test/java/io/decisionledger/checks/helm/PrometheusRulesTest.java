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
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
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

  @Test
  void everyAlertIsUnitTestedFiringAndQuiet() {
    List<String> alerts = maps(Manifests.parse(RULES).get(0).get("groups")).stream()
        .flatMap(g -> maps(g.get("rules")).stream()).filter(r -> r.containsKey("alert"))
        .map(r -> (String) r.get("alert")).toList();
    List<Map<String, Object>> cases = maps(Manifests.parse(RULE_TESTS).get(0).get("tests")).stream()
        .flatMap(t -> maps(t.get("alert_rule_test")).stream()).toList();
    for (String alert : alerts) {
      List<Map<String, Object>> ofAlert = cases.stream().filter(c -> alert.equals(c.get("alertname"))).toList();
      assertThat(ofAlert).as("%s fires in a promtool test", alert)
          .anyMatch(c -> c.get("exp_alerts") instanceof List<?> l && !l.isEmpty());
      assertThat(ofAlert).as("%s stays quiet in a promtool test", alert)
          .anyMatch(c -> c.get("exp_alerts") instanceof List<?> l && l.isEmpty());
    }
  }

  @Test
  void rulesReadOnlySeriesTheApplicationOrKubeStateMetricsExport() throws Exception {
    // The application's series are checked against a real scrape in PrometheusScrapeIT; here, no
    // rule reads a series family nobody exports (the list in docs/observability.md).
    String rules = Files.readString(RULES);
    java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\{").matcher(rules);
    while (names.find()) {
      assertThat(names.group(1)).matches("up|kube_.*|decisionledger_(ingestion|comparison|decisions|signin_failures)_.*|http_server_request_duration_seconds_.*"
          + "|connectionpool_.*|memory_.*|by|on");
    }
  }
}
