package io.decisionledger.interfaces.experiment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.Page;
import io.decisionledger.domain.model.experiment.Run;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLazyModelTest {

  private static final List<int[]> pages = new ArrayList<>();
  private static final List<List<Long>> counted = new ArrayList<>();

  private static Run run(long id) {
    try {
      Constructor<Run> constructor = Run.class.getDeclaredConstructor();
      constructor.setAccessible(true);
      Run run = constructor.newInstance();
      Field field = Run.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(run, id);
      return run;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Page<Run> page(int offset, int limit) {
    pages.add(new int[] {offset, limit});
    List<Run> rows = new ArrayList<>();
    for (long id = offset + 1; id <= Math.min(offset + limit, 45); id++) {
      rows.add(run(id));
    }
    return new Page<>(rows, 45, offset, limit);
  }

  private static Map<Long, Long> counts(List<Long> ids) {
    counted.add(ids);
    return Map.of(ids.get(0), 1000L);
  }

  private final RunLazyModel model = newModel();

  private static RunLazyModel newModel() {
    pages.clear();
    counted.clear();
    return new RunLazyModel(RunLazyModelTest::page, RunLazyModelTest::counts);
  }

  @Test
  void theCountAndTheFirstPageAreOneQuery() {
    assertThat(model.count(Map.of())).isEqualTo(45);
    List<Run> rows = model.load(0, RunLazyModel.PAGE_SIZE, Map.of(), Map.of());

    assertThat(rows).hasSize(20);
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0)).containsExactly(0, 20);
    assertThat(model.getRowCount()).isEqualTo(45);
  }

  @Test
  void pagesInTheQueryAndCountsMeasurementsOfThatPageOnly() {
    List<Run> rows = model.load(40, 20, Map.of(), Map.of());

    assertThat(pages.get(pages.size() - 1)).containsExactly(40, 20);
    assertThat(rows).extracting(Run::getId).containsExactly(41L, 42L, 43L, 44L, 45L);
    assertThat(model.measurementCount(rows.get(0))).isEqualTo(1000L);
    assertThat(model.measurementCount(rows.get(1))).isZero();
    assertThat(counted).hasSize(1);
    assertThat(counted.get(0)).containsExactly(41L, 42L, 43L, 44L, 45L);
  }

  @Test
  void refreshReadsTheRunsAgain() {
    model.load(0, 20, Map.of(), Map.of());
    model.load(0, 20, Map.of(), Map.of());
    assertThat(pages).hasSize(1);

    model.refresh();
    model.load(0, 20, Map.of(), Map.of());
    assertThat(pages).hasSize(2);
  }

  @Test
  void theSessionKeepsNoRows() throws Exception {
    model.load(0, 20, Map.of(), Map.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(model);
    }
    RunLazyModel copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RunLazyModel) in.readObject();
    }

    assertThat(copy.getWrappedData()).isNull();
    assertThat(copy.getRowCount()).isEqualTo(45);
    assertThat(copy.load(20, 20, Map.of(), Map.of())).hasSize(20);
  }
}
