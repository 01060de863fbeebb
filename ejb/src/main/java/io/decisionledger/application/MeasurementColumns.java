package io.decisionledger.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measurements as they arrive, before their metric names are resolved, held column by column: a
 * bulk request of 100,000 rows becomes a few primitive arrays instead of 100,000 objects with a
 * boxed step each. Metric names are kept once each ({@link #metricNames()}); a row refers to its
 * name by position. Not thread-safe; filled once, then read.
 */
public final class MeasurementColumns {

  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> refs = new HashMap<>();
  private int[] metric;
  private double[] values;
  private long[] steps;
  private boolean[] hasStep;
  private Instant[] recordedAt;
  private int size;

  public MeasurementColumns() {
    this(16);
  }

  /** Room for {@code capacity} rows before the arrays grow. */
  public MeasurementColumns(int capacity) {
    int c = Math.max(capacity, 1);
    metric = new int[c];
    values = new double[c];
    steps = new long[c];
    hasStep = new boolean[c];
  }

  /** The rows of a list, in order. */
  public static MeasurementColumns of(List<MeasurementInput> rows) {
    MeasurementColumns columns = new MeasurementColumns(rows.size());
    for (MeasurementInput row : rows) {
      columns.add(row.metric(), row.value(), row.step(), row.recordedAt());
    }
    return columns;
  }

  /** Appends a row; {@code metric} may be null (refused when the rows are resolved). */
  public void add(String metric, double value, Long step, Instant recordedAt) {
    add(metric, value, step != null, step == null ? 0 : step, recordedAt);
  }

  /** Appends a row without boxing its step. */
  public void add(String metric, double value, boolean withStep, long step, Instant at) {
    if (size == values.length) {
      int grown = values.length * 2;
      this.metric = Arrays.copyOf(this.metric, grown);
      values = Arrays.copyOf(values, grown);
      steps = Arrays.copyOf(steps, grown);
      hasStep = Arrays.copyOf(hasStep, grown);
      if (recordedAt != null) {
        recordedAt = Arrays.copyOf(recordedAt, grown);
      }
    }
    this.metric[size] = metric == null ? -1 : refs.computeIfAbsent(metric, name -> {
      names.add(name);
      return names.size() - 1;
    });
    values[size] = value;
    steps[size] = step;
    hasStep[size] = withStep;
    if (at != null) {
      if (recordedAt == null) {
        recordedAt = new Instant[values.length];
      }
      recordedAt[size] = at;
    }
    size++;
  }

  public int size() {
    return size;
  }

  /** The distinct metric names, in the order they first appear. */
  public List<String> metricNames() {
    return names;
  }

  /** The position of row {@code i}'s name in {@link #metricNames()}, or -1 when it has none. */
  public int metricRef(int i) {
    return metric[i];
  }

  /** Row {@code i}'s metric name, or null. */
  public String metric(int i) {
    return metric[i] < 0 ? null : names.get(metric[i]);
  }

  public double value(int i) {
    return values[i];
  }

  public boolean hasStep(int i) {
    return hasStep[i];
  }

  /** Row {@code i}'s step; meaningful only when {@link #hasStep(int)}. */
  public long step(int i) {
    return steps[i];
  }

  /** Row {@code i}'s time, or null. */
  public Instant recordedAt(int i) {
    return recordedAt == null ? null : recordedAt[i];
  }

  /** Row {@code i} as an object (for tests and previews, not the bulk path). */
  public MeasurementInput row(int i) {
    return new MeasurementInput(metric(i), values[i], hasStep[i] ? steps[i] : null,
        recordedAt(i));
  }
}
