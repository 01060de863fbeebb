package io.decisionledger.domain.model.comparison;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A mergeable quantile sketch (DDSketch) of a sample: any quantile it returns lies within
 * {@link #RELATIVE_ACCURACY} of the true value's magnitude. Each (run, metric) rollup keeps one, so
 * the median and p95 of a variant come from merging one small sketch per run instead of sorting
 * every measurement.
 */
public final class QuantileSketch {

  /** Relative accuracy of every quantile: 0.5%. */
  public static final double RELATIVE_ACCURACY = 0.005;

  private final DDSketch sketch;

  private QuantileSketch(DDSketch sketch) {
    this.sketch = sketch;
  }

  public static QuantileSketch empty() {
    return new QuantileSketch(DDSketches.unboundedDense(RELATIVE_ACCURACY));
  }

  public static QuantileSketch of(double... values) {
    QuantileSketch s = empty();
    for (double v : values) {
      s.add(v);
    }
    return s;
  }

  public static QuantileSketch fromBytes(byte[] bytes) {
    try {
      return new QuantileSketch(
          DDSketch.decode(ByteArrayInput.wrap(bytes), UnboundedSizeDenseStore::new));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt quantile sketch", e);
    }
  }

  public void add(double value) {
    sketch.accept(value);
  }

  public void merge(QuantileSketch other) {
    sketch.mergeWith(other.sketch);
  }

  public long count() {
    return Math.round(sketch.getCount());
  }

  /** The value at quantile {@code q} (0..1), or NaN when the sketch is empty. */
  public double quantile(double q) {
    if (sketch.isEmpty()) {
      return Double.NaN;
    }
    return sketch.getValueAtQuantile(q);
  }

  /** The sketch in DDSketch's own binary encoding (index mapping included). */
  public byte[] toBytes() {
    GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
    try {
      sketch.encode(output, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return output.trimmedCopy();
  }
}
