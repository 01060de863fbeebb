package io.decisionledger.domain.model.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of decisions themselves: supersession, status, options. */
class DecisionTest {

  private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

  private static Decision decision(long id, int number) {
    Decision d = new Decision(number, "ADR " + number, NOW);
    try {
      Field field = Decision.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(d, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return d;
  }

  @Test
  void supersedingMarksTheOlderDecisionAndLinksIt() {
    Decision a = decision(1, 1);
    Decision b = decision(2, 2);
    a.changeStatus(DecisionStatus.ACCEPTED, NOW);
    a.supersedeBy(b, NOW.plusSeconds(1));
    assertThat(a.getStatus()).isEqualTo(DecisionStatus.SUPERSEDED);
    assertThat(a.getSupersededBy()).isSameAs(b);
    assertThat(a.getUpdatedAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(b.getStatus()).isEqualTo(DecisionStatus.PROPOSED);
  }

  @Test
  void aDecisionCannotSupersedeItself() {
    Decision a = decision(1, 1);
    assertThatThrownBy(() -> a.supersedeBy(a, NOW)).isInstanceOf(SupersessionRefused.class)
        .hasMessageContaining("itself");
    // The same row loaded twice is still the same decision.
    assertThatThrownBy(() -> a.supersedeBy(decision(1, 1), NOW))
        .isInstanceOf(SupersessionRefused.class);
    assertThat(a.getStatus()).isEqualTo(DecisionStatus.PROPOSED);
  }

  @Test
  void noCycleDirectOrThroughOthers() {
    Decision a = decision(1, 1);
    Decision b = decision(2, 2);
    Decision c = decision(3, 3);
    a.supersedeBy(b, NOW);
    assertThatThrownBy(() -> b.supersedeBy(a, NOW)).isInstanceOf(SupersessionRefused.class)
        .hasMessageContaining("ADR-0001");
    b.supersedeBy(c, NOW);
    assertThatThrownBy(() -> c.supersedeBy(a, NOW)).isInstanceOf(SupersessionRefused.class);
    assertThat(c.getStatus()).isEqualTo(DecisionStatus.PROPOSED);
    assertThat(c.getSupersededBy()).isNull();
  }

  @Test
  void aDecisionIsSupersededOnceAndNotByARejectedOne() {
    Decision a = decision(1, 1);
    Decision b = decision(2, 2);
    Decision c = decision(3, 3);
    c.changeStatus(DecisionStatus.REJECTED, NOW);
    assertThatThrownBy(() -> a.supersedeBy(c, NOW)).isInstanceOf(SupersessionRefused.class)
        .hasMessageContaining("rejected");
    a.supersedeBy(b, NOW);
    assertThatThrownBy(() -> a.supersedeBy(decision(4, 4), NOW))
        .isInstanceOf(SupersessionRefused.class).hasMessageContaining("already superseded");
    assertThat(a.getSupersededBy()).isSameAs(b);
  }

  @Test
  void supersededComesOnlyFromSupersedingAndReinstatingDropsTheLink() {
    Decision a = decision(1, 1);
    assertThatThrownBy(() -> a.changeStatus(DecisionStatus.SUPERSEDED, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    Decision b = decision(2, 2);
    a.supersedeBy(b, NOW);
    a.changeStatus(DecisionStatus.ACCEPTED, NOW);
    assertThat(a.getStatus()).isEqualTo(DecisionStatus.ACCEPTED);
    assertThat(a.getSupersededBy()).isNull();
  }

  @Test
  void theChosenOptionIsOneOfTheOptionsAndOptionsAreDistinct() {
    Decision a = decision(1, 1);
    List<ConsideredOption> options = List.of(
        new ConsideredOption("Path A", null, "- familiar\n- cheap", "slow boots"),
        new ConsideredOption("Path B", "KubeVirt", "fast boots", null));
    a.describe("Platform", null, "arch board", "ctx", "boot time\ncost", options, "Path B",
        "boots faster", "retrain ops", "**body**", NOW);
    assertThat(a.getOptions()).hasSize(2);
    assertThat(a.getOptions().get(0).proList()).containsExactly("familiar", "cheap");
    assertThat(a.driverList()).containsExactly("boot time", "cost");
    assertThat(a.label()).isEqualTo("ADR-0001");
    assertThatThrownBy(() -> a.describe("Platform", null, null, null, null, options, "Path C",
        null, null, null, NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.describe("Platform", null, null, null, null,
        List.of(options.get(0), new ConsideredOption("path a", null, null, null)), null, null,
        null, null, NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Decision(0, "x", NOW)).isInstanceOf(IllegalArgumentException.class);
  }
}
