package org.skewcheck.transforms;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
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
    return new PerDataset();
  }

  private static final class PerDataset
      extends PTransform<PCollection<KV<String, ScoreSummary>>, PCollection<KV<String, ScoreSummary>>> {
    @Override
    public PCollection<KV<String, ScoreSummary>> expand(PCollection<KV<String, ScoreSummary>> input) {
      return input.apply("CombinePerDataset", Combine.perKey(new ScoreSummaryFn()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), ScoreSummaryCoder.of()));
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder.add(DisplayData.item("key", "dataset"))
          .add(DisplayData.item("accumulator", ScoreSummary.class))
          .add(DisplayData.item("coder", ScoreSummaryCoder.class));
    }
  }

  /** Merges partial summaries, folding into the first. */
  public static final class ScoreSummaryFn extends FoldingCombineFn<ScoreSummary, ScoreSummary> {
    public ScoreSummaryFn() {
      super(ScoreSummaryCoder.of());
    }

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
    void merge(ScoreSummary into, ScoreSummary from) {
      into.merge(from);
    }
  }
}
