package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.skewcheck.validation.stats.Duplicates;

/**
 * Duplicates counted through sorted hash runs, in a real pipeline reading real files: the runs are
 * written as a reader writes them (one per kind each time it flushes, here after every block), and
 * the run folder is empty once the pipeline has finished.
 */
public class CountDuplicatesTest {
  private static final double NaN = Double.NaN;

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder runDir = new TemporaryFolder();

  @After
  public void noRunIsLeft() {
    assertThat(runDir.getRoot().list((dir, name) -> name.startsWith(".hash-run-"))).as("runs left").isEmpty();
  }

  /** The counts of the runs a reader writes for these blocks, flushing after each block. */
  private PCollection<KV<String, Duplicates>> counted(List<String> key, RowBlock... blocks) throws IOException {
    return pipeline.apply(Create.of(runs(key, blocks)).withCoder(HashRun.Coder.of()))
        .apply(CountDuplicates.perDataset());
  }

  @Test
  public void countsRepeatedRowsAcrossBlocksWithReorderedColumnsAndRepeatedKeys() throws IOException {
    // Rows (k, a, b): r1 (1, 0, x), r2 (2, 5, NaN), r3 (1, 0, x) repeats r1; r4 (3, 0, y).
    RowBlock first = new RowBlock("train", new String[] {"k", "a", "b"}, 2,
        new double[] {1, 2, 0, 5, NaN, NaN}, new int[] {4}, new String[] {"x"}, new String[] {"r1", "r2"});
    // The same header reordered: r3 (b=x, k=1, a=0) repeats r1; r4 (b=y, k=3, a=0); r5 (k=2, a=6) repeats r2's key.
    RowBlock second = new RowBlock("train", new String[] {"b", "k", "a"}, 3,
        new double[] {NaN, NaN, NaN, 1, 3, 2, 0, 0, 6}, new int[] {0, 1}, new String[] {"x", "y"},
        new String[] {"r3", "r4", "r5"});
    RowBlock predict = new RowBlock("predict", new String[] {"k", "a", "b"}, 2,
        new double[] {7, 8, 0, 0, NaN, NaN}, new int[0], new String[0], new String[] {"p1", "p2"});

    PCollection<KV<String, Duplicates>> out = counted(List.of("k"), first, second, predict);

    PAssert.that(out).containsInAnyOrder(KV.of("train", new Duplicates(1, 2L)), KV.of("predict", new Duplicates(0, 0L)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void withoutAKeyOnlyRowsAreCounted() throws IOException {
    RowBlock block = new RowBlock("train", new String[] {"a"}, 3, new double[] {1, 1, 1}, new int[0], new String[0],
        new String[] {"r1", "r2", "r3"});
    PAssert.that(counted(List.of(), block)).containsInAnyOrder(KV.of("train", new Duplicates(2, null)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void repeatsAcrossRunsAndShardsAreCountedExactly() throws IOException {
    // 50 blocks, so 50 runs, of 100 rows holding the values 0..1,499 in turn: 1,500 distinct rows
    // spread over every shard, so 3,500 rows repeat an earlier one, whichever runs they are in.
    List<RowBlock> blocks = new ArrayList<>();
    for (int b = 0; b < 50; b++) {
      double[] values = new double[100];
      String[] ids = new String[100];
      for (int r = 0; r < 100; r++) {
        values[r] = (b * 100 + r) % 1_500;
        ids[r] = "r" + (b * 100 + r);
      }
      blocks.add(new RowBlock("train", new String[] {"a"}, 100, values, new int[0], new String[0], ids));
    }
    PCollection<KV<String, Duplicates>> out = counted(List.of(), blocks.toArray(RowBlock[]::new));
    PAssert.that(out).containsInAnyOrder(KV.of("train", new Duplicates(3_500, null)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aDatasetWithoutHashesGetsNoCount() throws IOException {
    PAssert.that(counted(List.of())).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aFlushWritesOneRunPerKindNamingTheShardsItHolds() throws IOException {
    List<HashRun> runs = runs(List.of("a"), distinctRows(0, 5_000));

    assertThat(runs).extracting(HashRun::kind).containsExactly(HashShard.Kind.ROW, HashShard.Kind.KEY);
    for (HashRun run : runs) {
      long total = 0;
      for (int s = 0; s < RowHashes.SHARDS; s++) {
        long n = sectionSize(run.path(), s);
        assertThat(n > 0).as("shard %d named as held", s).isEqualTo(run.holds(s));
        total += n;
      }
      assertThat(total).isEqualTo(5_000);
      assertThat(Long.bitCount(run.shards())).as("5,000 distinct hashes fill every shard").isEqualTo(RowHashes.SHARDS);
      HashRunFile.remove(List.of(run.path()));
    }
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

  /** The runs a reader writes for these blocks in the run folder, flushing after each block as it does after each chunk. */
  private List<HashRun> runs(List<String> key, RowBlock... blocks) throws IOException {
    List<HashRun> out = new ArrayList<>();
    for (RowBlock block : blocks) {
      RowHashes hashes = new RowHashes(block.dataset(), key);
      hashes.add(block);
      hashes.writeRuns(runDir.getRoot().getPath(), out::add);
    }
    return out;
  }
}
