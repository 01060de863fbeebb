package io.decisionledger.domain.model.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The progress of a goal as a number: rounded down, never 100% while an item is open. */
class ProgressTest {

  @Test
  void percentIsRoundedDown() {
    assertThat(new Progress(1, 3).percent()).isEqualTo(33);
    assertThat(new Progress(2, 3).percent()).isEqualTo(66);
    assertThat(new Progress(3, 3).percent()).isEqualTo(100);
    assertThat(new Progress(0, 7).percent()).isZero();
  }

  @Test
  void oneOpenItemNeverReadsAsDone() {
    for (int total = 1; total <= Goal.MAX_ITEMS * 10; total++) {
      Progress almost = new Progress(total - 1, total);
      assertThat(almost.percent()).as("%d of %d", total - 1, total).isLessThan(100);
      assertThat(almost.complete()).isFalse();
    }
  }

  @Test
  void anEmptyChecklistIsAtZeroAndNotComplete() {
    Progress none = new Progress(0, 0);
    assertThat(none.percent()).isZero();
    assertThat(none.complete()).isFalse();
    assertThat(none.label()).isEqualTo("0 of 0");
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThatThrownBy(() -> new Progress(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Progress(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
