package org.skewcheck.transforms;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Combines the readers' partial statistics ({@link ReadDataset#PROFILES}) into one {@link
 * PrefixStats} per {@link PrefixKey} (dataset, prefix). The combine is lifted: each worker merges its partials
 * into accumulators, and only accumulators are shuffled.
 *
 * <pre>{@code
 * PCollection<KV<PrefixKey, PrefixStats>> stats =
 *     read.get(ReadDataset.PROFILES).apply(CombinePrefixStats.perKey());
 * }</pre>
 */
public final class CombinePrefixStats {
  private CombinePrefixStats() {}

  /** The per-key combine. */
  public static PTransform<PCollection<KV<PrefixKey, PrefixStats>>,
      PCollection<KV<PrefixKey, PrefixStats>>> perKey() {
    return new PerKey();
  }

  private static final class PerKey
      extends PTransform<PCollection<KV<PrefixKey, PrefixStats>>, PCollection<KV<PrefixKey, PrefixStats>>> {
    @Override
    public PCollection<KV<PrefixKey, PrefixStats>> expand(
        PCollection<KV<PrefixKey, PrefixStats>> input) {
      return input.apply("CombinePerPrefix", Combine.perKey(new PrefixStatsFn()))
          .setCoder(KvCoder.of(PrefixKey.Coder.of(), PrefixStatsCoder.of()));
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder.add(DisplayData.item("key", "(dataset, prefix)"))
          .add(DisplayData.item("accumulator", PrefixStats.class))
          .add(DisplayData.item("coder", PrefixStatsCoder.class));
    }
  }

  /** The CombineFn: partial statistics merged into the domain's accumulator, with its explicit coder. */
  public static final class PrefixStatsFn extends FoldingCombineFn<PrefixStats, PrefixStats> {
    public PrefixStatsFn() {
      super(PrefixStatsCoder.of());
    }

    @Override
    public PrefixStats createAccumulator() {
      return new PrefixStats();
    }

    @Override
    public PrefixStats addInput(PrefixStats acc, PrefixStats partial) {
      acc.merge(partial);
      return acc;
    }

    @Override
    void merge(PrefixStats into, PrefixStats from) {
      into.merge(from);
    }
  }
}
