package org.skewcheck.transforms;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.skewcheck.validation.stats.PrefixBlock;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Combines prefix blocks into one {@link PrefixStats} per (dataset, prefix) key. The combine is
 * lifted: each worker folds its blocks into accumulators, and only accumulators are shuffled.
 *
 * <pre>{@code
 * PCollection<KV<KV<String, String>, PrefixStats>> stats = byPrefix.apply(CombinePrefixStats.perKey());
 * }</pre>
 */
public final class CombinePrefixStats {
  private CombinePrefixStats() {}

  /** The per-key combine. */
  public static PTransform<PCollection<KV<KV<String, String>, PrefixBlock>>,
      PCollection<KV<KV<String, String>, PrefixStats>>> perKey() {
    return new PTransform<>() {
      @Override
      public PCollection<KV<KV<String, String>, PrefixStats>> expand(
          PCollection<KV<KV<String, String>, PrefixBlock>> input) {
        return input.apply("CombinePerPrefix", Combine.perKey(new PrefixStatsFn()))
            .setCoder(KvCoder.of(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), PrefixStatsCoder.of()));
      }
    };
  }

  /** The CombineFn: the domain's accumulator, with its explicit coder. */
  public static final class PrefixStatsFn extends FoldingCombineFn<PrefixBlock, PrefixStats> {
    public PrefixStatsFn() {
      super(PrefixStatsCoder.of());
    }

    @Override
    public PrefixStats createAccumulator() {
      return new PrefixStats();
    }

    @Override
    public PrefixStats addInput(PrefixStats acc, PrefixBlock block) {
      acc.add(block);
      return acc;
    }

    @Override
    void merge(PrefixStats into, PrefixStats from) {
      into.merge(from);
    }
  }
}
