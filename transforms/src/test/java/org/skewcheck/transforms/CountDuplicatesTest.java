package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.skewcheck.validation.stats.Duplicates;

public class CountDuplicatesTest {
  private static final double NaN = Double.NaN;

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void countsRepeatedRowsAcrossBlocksWithReorderedColumnsAndRepeatedKeys() {
    // Rows (k, a, b): r1 (1, 0, x), r2 (2, 5, NaN), r3 (1, 0, x) repeats r1; r4 (3, 0, y).
    RowBlock first = new RowBlock("train", new String[] {"k", "a", "b"}, 2,
        new double[] {1, 2, 0, 5, NaN, NaN}, new int[] {4}, new String[] {"x"}, new String[] {"r1", "r2"});
    // The same header reordered: r3 (b=x, k=1, a=0) repeats r1; r4 (b=y, k=3, a=0); r5 (k=2, a=6) repeats r2's key.
    RowBlock second = new RowBlock("train", new String[] {"b", "k", "a"}, 3,
        new double[] {NaN, NaN, NaN, 1, 3, 2, 0, 0, 6}, new int[] {0, 1}, new String[] {"x", "y"},
        new String[] {"r3", "r4", "r5"});
    RowBlock predict = new RowBlock("predict", new String[] {"k", "a", "b"}, 2,
        new double[] {7, 8, 0, 0, NaN, NaN}, new int[0], new String[0], new String[] {"p1", "p2"});

    PCollection<KV<String, Duplicates>> out = pipeline
        .apply(Create.of(hashes(List.of("k"), first, second, predict)).withCoder(CountDuplicates.HASHES_CODER))
        .apply(CountDuplicates.perDataset());

    PAssert.that(out).satisfies(results -> {
      Map<String, Duplicates> byDataset = new HashMap<>();
      results.forEach(kv -> byDataset.put(kv.getKey(), kv.getValue()));
      assertThat(byDataset).containsEntry("train", new Duplicates(1, 2L))
          .containsEntry("predict", new Duplicates(0, 0L));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void withoutAKeyOnlyRowsAreCounted() {
    RowBlock block = new RowBlock("train", new String[] {"a"}, 3, new double[] {1, 1, 1}, new int[0], new String[0],
        new String[] {"r1", "r2", "r3"});
    PCollection<KV<String, Duplicates>> out = pipeline
        .apply(Create.of(hashes(List.of(), block)).withCoder(CountDuplicates.HASHES_CODER))
        .apply(CountDuplicates.perDataset());
    PAssert.that(out).containsInAnyOrder(KV.of("train", new Duplicates(2, null)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void repeatsAcrossBlocksAndShardsAreCountedExactly() {
    // 5 blocks of 1,000 rows holding the values 0..1,499 in turn: 1,500 distinct rows spread over
    // every shard, so 3,500 rows repeat an earlier one, whichever blocks they are in.
    List<RowBlock> blocks = new java.util.ArrayList<>();
    for (int b = 0; b < 5; b++) {
      double[] values = new double[1_000];
      String[] ids = new String[1_000];
      for (int r = 0; r < 1_000; r++) {
        values[r] = (b * 1_000 + r) % 1_500;
        ids[r] = "r" + (b * 1_000 + r);
      }
      blocks.add(new RowBlock("train", new String[] {"a"}, 1_000, values, new int[0], new String[0], ids));
    }
    PCollection<KV<String, Duplicates>> out = pipeline
        .apply(Create.of(hashes(List.of(), blocks.toArray(RowBlock[]::new))).withCoder(CountDuplicates.HASHES_CODER))
        .apply(CountDuplicates.perDataset());
    PAssert.that(out).containsInAnyOrder(KV.of("train", new Duplicates(3_500, null)));
    pipeline.run().waitUntilFinish();
  }

  /** The hash arrays a reader outputs for these blocks, flushed after each block as a reader does after each chunk. */
  private static List<KV<HashShard, long[]>> hashes(List<String> key, RowBlock... blocks) {
    List<KV<HashShard, long[]>> out = new java.util.ArrayList<>();
    for (RowBlock block : blocks) {
      RowHashes hashes = new RowHashes(block.dataset(), key);
      hashes.add(block);
      hashes.flush(out::add);
    }
    return out;
  }
}
