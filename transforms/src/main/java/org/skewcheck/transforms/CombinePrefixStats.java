package org.skewcheck.transforms;

import java.util.Iterator;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
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
  public static final class PrefixStatsFn extends Combine.CombineFn<PrefixBlock, PrefixStats, PrefixStats> {
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
    public PrefixStats mergeAccumulators(Iterable<PrefixStats> accumulators) {
      Iterator<PrefixStats> it = accumulators.iterator();
      if (!it.hasNext()) {
        return createAccumulator();
      }
      PrefixStats first = it.next();
      while (it.hasNext()) {
        PrefixStats next = it.next();
        if (next != first) {
          first.merge(next);
        }
      }
      return first;
    }

    @Override
    public PrefixStats extractOutput(PrefixStats acc) {
      return acc;
    }

    @Override
    public Coder<PrefixStats> getAccumulatorCoder(CoderRegistry registry, Coder<PrefixBlock> inputCoder)
        throws CannotProvideCoderException {
      return PrefixStatsCoder.of();
    }

    @Override
    public Coder<PrefixStats> getDefaultOutputCoder(CoderRegistry registry, Coder<PrefixBlock> inputCoder)
        throws CannotProvideCoderException {
      return PrefixStatsCoder.of();
    }
  }
}
