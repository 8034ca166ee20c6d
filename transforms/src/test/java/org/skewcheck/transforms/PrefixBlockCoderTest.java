package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.stats.PrefixBlock;

class PrefixBlockCoderTest {
  static PrefixBlock sample() {
    return new PrefixBlock(new String[] {"IQ_x", "IQ_ÿ"}, 3,
        new double[] {0, 1, Double.NaN, Double.NaN, -2.5e-300, 1e300}, new int[] {3}, new String[] {"ab\ncd"});
  }

  @Test
  void roundTripsABlockWithMissingAndTextCells() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(PrefixBlockCoder.of(), sample());
  }

  @Test
  void roundTripsEmptyBlocks() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(PrefixBlockCoder.of(),
        new PrefixBlock(new String[] {"a"}, 0, new double[0], new int[0], new String[0]));
    CoderProperties.coderDecodeEncodeEqual(PrefixBlockCoder.of(),
        new PrefixBlock(new String[0], 5, new double[0], new int[0], new String[0]));
  }

  @Test
  void keepsRawDoubleBits() throws Exception {
    double[] values = {Double.NaN, RowBlockCoderTest.PAYLOAD_NAN, Cells.TEXT, -0.0, Double.NEGATIVE_INFINITY};
    PrefixBlock block = new PrefixBlock(new String[] {"x"}, values.length, values, new int[0], new String[0]);

    PrefixBlock decoded = CoderUtils.clone(PrefixBlockCoder.of(), block);

    assertThat(RowBlockCoderTest.rawBits(decoded.values())).containsExactly(RowBlockCoderTest.rawBits(values));
  }

  @Test
  void decodesBackToBackBlocksInANestedContext() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(ListCoder.of(PrefixBlockCoder.of()),
        List.of(sample(), new PrefixBlock(new String[] {"t"}, 1, new double[] {7}, new int[0], new String[0])));
  }

  @Test
  void generatedBlocksRoundTrip() throws Exception {
    for (PrefixBlock b : PrefixStatsFixtures.generate(5, 20)) {
      CoderProperties.coderDecodeEncodeEqual(PrefixBlockCoder.of(), b);
    }
  }

  @Test
  void isDeterministicAndSerializable() throws Exception {
    CoderProperties.coderDeterministic(PrefixBlockCoder.of(), sample(), sample());
    CoderProperties.coderSerializable(PrefixBlockCoder.of());
  }
}
