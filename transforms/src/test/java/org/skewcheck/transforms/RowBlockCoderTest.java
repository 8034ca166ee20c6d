package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class RowBlockCoderTest {
  /** A NaN with a payload, as a coder might meet one; it must come back bit for bit. */
  static final double PAYLOAD_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);

  /** 3 columns x 2 rows, column-major; a missing cell, a text cell, odd doubles. */
  static RowBlock sample() {
    return new RowBlock("train", new String[] {"WI_a", "IQ_é", "_Dy_2014"}, 2,
        new double[] {1.5, Double.NaN, -0.0, Double.NaN, 12345678901.0, Double.MIN_VALUE},
        new int[] {3}, new String[] {"n/a, \"really\""}, new String[] {"row-1", "f.csv:3"});
  }

  @Test
  void roundTripsABlockWithMissingAndTextCells() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(RowBlockCoder.of(), sample());
  }

  @Test
  void roundTripsEmptyBlocks() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(RowBlockCoder.of(),
        new RowBlock("predict", new String[] {"a", "b"}, 0, new double[0], new int[0], new String[0], new String[0]));
    CoderProperties.coderDecodeEncodeEqual(RowBlockCoder.of(),
        new RowBlock("", new String[0], 0, new double[0], new int[0], new String[0], new String[0]));
  }

  @Test
  void keepsRawDoubleBits() throws Exception {
    double[] values = {Double.NaN, PAYLOAD_NAN, Cells.TEXT, -0.0, 0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
    RowBlock block = new RowBlock("train", new String[] {"x"}, values.length, values, new int[0], new String[0],
        new String[] {"1", "2", "3", "4", "5", "6", "7", "8"});

    RowBlock decoded = CoderUtils.clone(RowBlockCoder.of(), block);

    assertThat(rawBits(decoded.values())).containsExactly(rawBits(values));
  }

  @Test
  void decodesBackToBackBlocksInANestedContext() throws Exception {
    RowBlock other = new RowBlock("predict", new String[] {"t"}, 1, new double[] {Double.NaN}, new int[] {0},
        new String[] {"abc"}, new String[] {"id"});

    CoderProperties.coderDecodeEncodeEqual(ListCoder.of(RowBlockCoder.of()), List.of(sample(), other, sample()));
  }

  @Test
  void isDeterministicAndSerializable() throws Exception {
    CoderProperties.coderDeterministic(RowBlockCoder.of(), sample(), sample());
    CoderProperties.coderSerializable(RowBlockCoder.of());
  }

  @Test
  void rejectsInconsistentShapes() {
    assertThatThrownBy(() -> new RowBlock("train", new String[] {"a", "b"}, 2, new double[3], new int[0],
        new String[0], new String[2])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RowBlock("train", new String[] {"a"}, 2, new double[2], new int[0],
        new String[0], new String[1])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RowBlock("train", new String[] {"a"}, 1, new double[1], new int[] {0},
        new String[0], new String[1])).isInstanceOf(IllegalArgumentException.class);
  }

  static long[] rawBits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}
