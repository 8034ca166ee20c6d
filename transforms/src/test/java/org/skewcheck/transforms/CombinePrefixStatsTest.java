package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.skewcheck.transforms.CombinePrefixStats.PrefixStatsFn;
import org.skewcheck.transforms.PrefixStatsFixtures.Figures;
import org.skewcheck.validation.stats.PrefixBlock;
import org.skewcheck.validation.stats.PrefixStats;

public class CombinePrefixStatsTest {
  private static final long TRAIN_SEED = 2024;
  private static final long PREDICT_SEED = 7;

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void combineFnGivesTheFiguresOfItsInputsHoweverShardedAndMerged() {
    List<PrefixBlock> blocks = PrefixStatsFixtures.generate(TRAIN_SEED, 50);
    Figures figures = PrefixStatsFixtures.figuresOf(blocks);
    // the fixture exercises what it claims to: both accumulator modes, text, missing, empty blocks
    assertThat(figures.columns().values()).anySatisfy(c -> assertThat(c.valueCounts()).hasSizeGreaterThan(16));
    assertThat(figures.columns().values()).anySatisfy(c -> assertThat(c.valueCounts()).hasSizeLessThanOrEqualTo(16));
    assertThat(figures.columns().get("WI_note").nonNumeric()).isPositive();
    assertThat(figures.rowsAnyPresent()).isLessThan(figures.rows());
    assertThat(figures.rowsAnyNonZero()).isLessThan(figures.rowsAnyPresent());
    assertThat(blocks).anySatisfy(b -> assertThat(b.rows()).isZero());
    assertThat(blocks).anySatisfy(b -> assertThat(b.columns()).hasSizeLessThan(PrefixStatsFixtures.COLUMNS.size()));

    CombineFnTester.testCombineFn(new PrefixStatsFn(), partials(blocks), PrefixStatsFixtures.hasFiguresOf(blocks));
  }

  @Test
  public void combineFnOnExactCountsColumnsOnly() {
    List<PrefixBlock> blocks = new ArrayList<>();
    for (PrefixBlock b : PrefixStatsFixtures.generate(11, 40)) {
      if (!List.of(b.columns()).contains("WI_amount") && !List.of(b.columns()).contains("WI_sparse")) {
        blocks.add(b);
      }
    }
    assertThat(blocks).hasSizeGreaterThan(5);

    CombineFnTester.testCombineFn(new PrefixStatsFn(), partials(blocks), PrefixStatsFixtures.hasFiguresOf(blocks));
  }

  @Test
  public void mergingNoAccumulatorsGivesAnEmptyOne() {
    PrefixStats merged = new PrefixStatsFn().mergeAccumulators(List.of());

    assertThat(merged.rows()).isZero();
    assertThat(merged.columns()).isEmpty();
  }

  @Test
  public void accumulatorAndOutputUseTheExplicitCoder() throws Exception {
    PrefixStatsFn fn = new PrefixStatsFn();

    assertThat(fn.getAccumulatorCoder(pipeline.getCoderRegistry(), PrefixStatsCoder.of()))
        .isSameAs(PrefixStatsCoder.of());
    assertThat(fn.getDefaultOutputCoder(pipeline.getCoderRegistry(), PrefixStatsCoder.of()))
        .isSameAs(PrefixStatsCoder.of());
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  @Test
  public void perKeyCombinesEachKeySeparately() {
    List<KV<PrefixKey, PrefixStats>> input = new ArrayList<>();
    partials(PrefixStatsFixtures.generate(TRAIN_SEED, 30)).forEach(p -> input.add(KV.of(new PrefixKey("train", "WI"), p)));
    partials(PrefixStatsFixtures.generate(PREDICT_SEED, 20)).forEach(p -> input.add(KV.of(new PrefixKey("predict", "WI"), p)));

    PCollection<KV<PrefixKey, PrefixStats>> stats = pipeline
        .apply(Create.of(input).withCoder(
            KvCoder.of(PrefixKey.Coder.of(), PrefixStatsCoder.of())))
        .apply("CombinePrefixStats", CombinePrefixStats.perKey());

    assertThat(stats.getCoder()).isEqualTo(
        KvCoder.of(PrefixKey.Coder.of(), PrefixStatsCoder.of()));
    PAssert.that(stats).satisfies(matchesGenerated(Map.of("train", TRAIN_SEED, "predict", PREDICT_SEED)));
    pipeline.run().waitUntilFinish();
  }

  /** Each block profiled alone: the partial statistics a reader outputs. */
  private static List<PrefixStats> partials(List<PrefixBlock> blocks) {
    List<PrefixStats> partials = new ArrayList<>();
    for (PrefixBlock block : blocks) {
      PrefixStats partial = new PrefixStats();
      partial.add(block);
      partials.add(partial);
    }
    return partials;
  }

  private static PrefixStats clone(PrefixStats stats) {
    try {
      return CoderUtils.clone(PrefixStatsCoder.of(), stats);
    } catch (CoderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One output per dataset, each with the figures of its seed's blocks (regenerated: blocks are not Serializable). */
  private static SerializableFunction<Iterable<KV<PrefixKey, PrefixStats>>, Void> matchesGenerated(
      Map<String, Long> seeds) {
    Map<String, Long> expectedSeeds = new HashMap<>(seeds);
    return outputs -> {
      Map<String, PrefixStats> byDataset = new HashMap<>();
      for (KV<PrefixKey, PrefixStats> kv : outputs) {
        assertThat(kv.getKey().prefix()).isEqualTo("WI");
        // read a copy: reading a quantile sorts a KLL sketch's level 0 in place, which the runner
        // would rightly report as mutating its input
        PrefixStats copy = clone(kv.getValue());
        assertThat(byDataset.put(kv.getKey().dataset(), copy)).as("one output per key").isNull();
      }
      assertThat(byDataset).containsOnlyKeys(expectedSeeds.keySet());
      byDataset.forEach((dataset, stats) -> assertThat(stats, PrefixStatsFixtures.hasFiguresOf(
          PrefixStatsFixtures.generate(expectedSeeds.get(dataset), dataset.equals("train") ? 30 : 20))));
      return null;
    };
  }
}
