package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeats counted by merging one shard's section of many runs equal those of sorting all the
 * shard's hashes at once: within a run, across runs, shard by shard, with empty sections and
 * shards only some runs hold, and over 200 runs of random hashes.
 */
class ShardMergeTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  /** A run holding {@code hashes} in shard {@code shard}, and nothing else. */
  private String run(int shard, long... hashes) throws IOException {
    ShardBuffer buffer = new ShardBuffer();
    buffer.add(shard, hashes);
    return HashRunFile.write(dir.toString(), buffer);
  }

  @Test
  void repeatsWithinARunAreCounted() throws IOException {
    assertThat(ShardMerge.repeats(List.of(run(3, 9, 7, 7, 9, 7, 1)), 3)).isEqualTo(3);
  }

  @Test
  void repeatsAcrossRunsAreCounted() throws IOException {
    List<String> runs = List.of(run(3, 2, 1), run(3, 3, 2), run(3, 2), run(3, 4, 5, 1));
    assertThat(ShardMerge.repeats(runs, 3)).isEqualTo(3);
  }

  @Test
  void eachShardIsCountedApart() throws IOException {
    ShardBuffer buffer = new ShardBuffer();
    buffer.add(1, new long[] {5, 6});
    buffer.add(2, new long[] {5, 5});
    String first = HashRunFile.write(dir.toString(), buffer);
    String second = run(1, 6);
    assertThat(ShardMerge.repeats(List.of(first, second), 1)).isEqualTo(1);
    assertThat(ShardMerge.repeats(List.of(first, second), 2)).isEqualTo(1);
    assertThat(ShardMerge.repeats(List.of(first, second), 0)).isZero();
  }

  @Test
  void emptySectionsAndShardsSomeRunsLackChangeNothing() throws IOException {
    List<String> runs = List.of(run(8), run(4, 10, 11), run(9, 10), run(4, 11), run(9, 10, 10));
    assertThat(ShardMerge.repeats(runs, 4)).isEqualTo(1);
    assertThat(ShardMerge.repeats(runs, 9)).isEqualTo(2);
    assertThat(ShardMerge.repeats(runs, 8)).isZero();
    assertThat(ShardMerge.repeats(List.of(), 4)).isZero();
  }

  @Test
  void twoHundredRunsGiveTheCountsOfOneSortInMemory() throws IOException {
    // hashes from a small range, so equal ones meet across runs; their top bits pick the shard, as in RowHashes
    SplittableRandom random = new SplittableRandom(11);
    List<List<Long>> byShard = new ArrayList<>();
    for (int s = 0; s < RowHashes.SHARDS; s++) {
      byShard.add(new ArrayList<>());
    }
    List<String> runs = new ArrayList<>();
    for (int r = 0; r < 200; r++) {
      ShardBuffer buffer = new ShardBuffer();
      for (int a = random.nextInt(4); a > 0; a--) {
        int shard = random.nextInt(RowHashes.SHARDS);
        long[] hashes = new long[random.nextInt(1, 40)];
        for (int i = 0; i < hashes.length; i++) {
          hashes[i] = (long) shard << 58 | random.nextInt(300);
          byShard.get(shard).add(hashes[i]);
        }
        buffer.add(shard, hashes);
      }
      runs.add(HashRunFile.write(dir.toString(), buffer));
    }
    long total = 0;
    for (int s = 0; s < RowHashes.SHARDS; s++) {
      long expected = sortAndCount(byShard.get(s));
      assertThat(ShardMerge.repeats(runs, s)).as("shard %d", s).isEqualTo(expected);
      total += expected;
    }
    assertThat(total).as("repeats in all").isPositive();
  }

  /** The reference: every hash in memory, sorted, and the equal neighbours counted. */
  private static long sortAndCount(List<Long> hashes) {
    long[] all = hashes.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(all);
    long repeats = 0;
    for (int i = 1; i < all.length; i++) {
      if (all[i] == all[i - 1]) {
        repeats++;
      }
    }
    return repeats;
  }
}
