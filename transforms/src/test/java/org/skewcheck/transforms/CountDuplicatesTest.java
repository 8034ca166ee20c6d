package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.skewcheck.validation.stats.Duplicates;

/**
 * Duplicates counted through sorted hash runs, in a real pipeline writing real files: every count
 * is checked twice, with the default budget (a run per bundle) and with a budget of a few hashes
 * (a run every array or two, hundreds of runs), and the run folder is empty once the pipeline has
 * finished.
 */
public class CountDuplicatesTest {
  private static final double NaN = Double.NaN;
  /** A budget smaller than a shard's array of one block: most arrays go to a run of their own. */
  private static final int TINY_RUNS = 3;

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder runDir = new TemporaryFolder();

  @After
  public void noRunIsLeft() {
    assertThat(runDir.getRoot().list((dir, name) -> name.startsWith(".hash-run-"))).as("runs left").isEmpty();
  }

  /** The counts of {@code hashes}, with the default budget and with a tiny one: one collection holding both. */
  private PCollection<KV<String, Duplicates>> counted(List<KV<HashShard, long[]>> hashes) {
    PCollection<KV<HashShard, long[]>> input = pipeline.apply(Create.of(hashes).withCoder(CountDuplicates.HASHES_CODER));
    String dir = runDir.getRoot().getPath();
    return PCollectionList.of(input.apply("DefaultBudget", CountDuplicates.perDataset(dir)))
        .and(input.apply("TinyBudget", CountDuplicates.perDataset(dir).withRunHashes(TINY_RUNS)))
        .apply(Flatten.pCollections());
  }

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

    PCollection<KV<String, Duplicates>> out = counted(hashes(List.of("k"), first, second, predict));

    PAssert.that(out).satisfies(results -> {
      List<Duplicates> train = new ArrayList<>();
      List<Duplicates> predicted = new ArrayList<>();
      results.forEach(kv -> (kv.getKey().equals("train") ? train : predicted).add(kv.getValue()));
      assertThat(train).containsExactly(new Duplicates(1, 2L), new Duplicates(1, 2L));
      assertThat(predicted).containsExactly(new Duplicates(0, 0L), new Duplicates(0, 0L));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void withoutAKeyOnlyRowsAreCounted() {
    RowBlock block = new RowBlock("train", new String[] {"a"}, 3, new double[] {1, 1, 1}, new int[0], new String[0],
        new String[] {"r1", "r2", "r3"});
    PCollection<KV<String, Duplicates>> out = counted(hashes(List.of(), block));
    PAssert.that(out).containsInAnyOrder(KV.of("train", new Duplicates(2, null)), KV.of("train", new Duplicates(2, null)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void repeatsAcrossBlocksAndShardsAreCountedExactly() {
    // 5 blocks of 1,000 rows holding the values 0..1,499 in turn: 1,500 distinct rows spread over
    // every shard, so 3,500 rows repeat an earlier one, whichever blocks they are in.
    List<RowBlock> blocks = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      double[] values = new double[1_000];
      String[] ids = new String[1_000];
      for (int r = 0; r < 1_000; r++) {
        values[r] = (b * 1_000 + r) % 1_500;
        ids[r] = "r" + (b * 1_000 + r);
      }
      blocks.add(new RowBlock("train", new String[] {"a"}, 1_000, values, new int[0], new String[0], ids));
    }
    PCollection<KV<String, Duplicates>> out = counted(hashes(List.of(), blocks.toArray(RowBlock[]::new)));
    PAssert.that(out).containsInAnyOrder(KV.of("train", new Duplicates(3_500, null)),
        KV.of("train", new Duplicates(3_500, null)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aDatasetWithoutHashesGetsNoCount() {
    PAssert.that(counted(List.of())).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aWorkerWritesARunWheneverItsBudgetIsReachedAndWhenItsBundleEnds() throws IOException {
    // 50 blocks of 100 distinct rows: arrays of a few hashes, so a run of 40 gathers many shards
    List<RowBlock> blocks = new ArrayList<>();
    for (int b = 0; b < 50; b++) {
      blocks.add(distinctRows(b * 100, 100));
    }
    List<KV<HashShard, long[]>> hashes = hashes(List.of(), blocks.toArray(RowBlock[]::new));
    int largest = hashes.stream().mapToInt(kv -> kv.getValue().length).max().orElseThrow();
    String kept = runDir.newFolder("kept").getPath();
    PCollection<HashRun> runs = pipeline.apply(Create.of(hashes).withCoder(CountDuplicates.HASHES_CODER))
        .apply(ParDo.of(new WriteHashRunsFn(kept, 40)))
        .setCoder(HashRun.Coder.of());

    PAssert.that(runs).satisfies(written -> {
      long total = 0;
      int count = 0;
      int mostShards = 0;
      for (HashRun run : written) {
        long inRun = 0;
        for (int s = 0; s < RowHashes.SHARDS; s++) {
          long n = sectionSize(run.path(), s);
          assertThat(n > 0).as("shard %d named as held", s).isEqualTo(run.holds(s));
          inRun += n;
        }
        // written when an array takes the buffer to 40 or more, or when the bundle ends
        assertThat(inRun).isBetween(1L, 39L + largest);
        total += inRun;
        count++;
        mostShards = Math.max(mostShards, Long.bitCount(run.shards()));
      }
      assertThat(total).isEqualTo(5_000);
      assertThat(count).isGreaterThanOrEqualTo(5_000 / (39 + largest));
      assertThat(mostShards).as("shards in one run file").isGreaterThan(1);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  private static long sectionSize(String run, int shard) {
    try (HashRunFile.Section section = HashRunFile.open(run, shard, 4_096)) {
      return section.remaining();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A block of {@code n} distinct rows, the values {@code from} on: about n / 64 hashes a shard. */
  private static RowBlock distinctRows(int from, int n) {
    double[] values = new double[n];
    String[] ids = new String[n];
    for (int r = 0; r < n; r++) {
      values[r] = from + r;
      ids[r] = "r" + (from + r);
    }
    return new RowBlock("train", new String[] {"a"}, n, values, new int[0], new String[0], ids);
  }

  /** The hash arrays a reader outputs for these blocks, flushed after each block as a reader does after each chunk. */
  private static List<KV<HashShard, long[]>> hashes(List<String> key, RowBlock... blocks) {
    List<KV<HashShard, long[]>> out = new ArrayList<>();
    for (RowBlock block : blocks) {
      RowHashes hashes = new RowHashes(block.dataset(), key);
      hashes.add(block);
      hashes.flush(out::add);
    }
    return out;
  }
}
