package io.decisionledger.interfaces.experiment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.domain.model.comparison.MetricComparison;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.experiment.MetricDirection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonChartTest {

  static VariantStatistics stats(String name, boolean baseline, Double... runMeans) {
    return new VariantStatistics(1, name, baseline, runMeans.length, runMeans.length * 10L, 1, 1,
        1, 1, 1, 0, Arrays.asList(runMeans), null);
  }

  @Test
  void oneDatasetPerVariantAndOneLabelPerRun() {
    MetricComparison metric = new MetricComparison(7, "boot_time", "s",
        MetricDirection.LOWER_IS_BETTER,
        List.of(stats("Path A", true, 40.0, 42.5), stats("Path B", false, 30.25, 31.0, Double.NaN)));

    String json = ComparisonChart.json(metric);

    assertThat(json).startsWith("{\"type\":\"bar\"");
    assertThat(json).contains("\"labels\":[\"Run 1\",\"Run 2\",\"Run 3\"]");
    assertThat(json).contains("{\"label\":\"Path A (baseline)\",\"data\":[40,42.5]");
    assertThat(json).contains("{\"label\":\"Path B\",\"data\":[30.25,31,null]");
    assertThat(json).contains("Mean per run: boot_time (s), lower is better");
    assertThat(ComparisonChart.hasData(metric)).isTrue();
  }

  @Test
  void namesCannotBreakOutOfTheScript() {
    assertThat(ComparisonChart.string("</script>\"x\\"))
        .isEqualTo("\"\\u003c/script\\u003e\\\"x\\\\\"");
  }

  @Test
  void noRunsMeansNoChart() {
    MetricComparison metric = new MetricComparison(7, "iops", "", MetricDirection.HIGHER_IS_BETTER,
        List.of(stats("A", true)));
    assertThat(ComparisonChart.hasData(metric)).isFalse();
  }
}
