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
import org.skewcheck.validation.score.ScoreSummary;

/**
 * Combines the partial {@link ScoreSummary}s of {@link ScoreWithXgboost} into one per dataset.
 *
 * <pre>{@code
 * scored.get(ScoreWithXgboost.SUMMARIES).apply(CombineScoreSummaries.perDataset());
 * }</pre>
 */
public final class CombineScoreSummaries {
  private CombineScoreSummaries() {}

  public static PTransform<PCollection<KV<String, ScoreSummary>>, PCollection<KV<String, ScoreSummary>>> perDataset() {
    return new PTransform<>() {
      @Override
      public PCollection<KV<String, ScoreSummary>> expand(PCollection<KV<String, ScoreSummary>> input) {
        return input.apply("CombinePerDataset", Combine.perKey(new ScoreSummaryFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ScoreSummaryCoder.of()));
      }
    };
  }

  /** Merges partial summaries, folding into the first. */
  public static final class ScoreSummaryFn extends Combine.CombineFn<ScoreSummary, ScoreSummary, ScoreSummary> {
    @Override
    public ScoreSummary createAccumulator() {
      return new ScoreSummary();
    }

    @Override
    public ScoreSummary addInput(ScoreSummary acc, ScoreSummary input) {
      acc.merge(input);
      return acc;
    }

    @Override
    public ScoreSummary mergeAccumulators(Iterable<ScoreSummary> accumulators) {
      Iterator<ScoreSummary> it = accumulators.iterator();
      if (!it.hasNext()) {
        return createAccumulator();
      }
      ScoreSummary first = it.next();
      while (it.hasNext()) {
        ScoreSummary next = it.next();
        if (next != first) {
          first.merge(next);
        }
      }
      return first;
    }

    @Override
    public ScoreSummary extractOutput(ScoreSummary acc) {
      return acc;
    }

    @Override
    public Coder<ScoreSummary> getAccumulatorCoder(CoderRegistry registry, Coder<ScoreSummary> inputCoder)
        throws CannotProvideCoderException {
      return ScoreSummaryCoder.of();
    }
  }
}
