package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash run format: 64 shard counts, then each shard's hashes sorted, all big-endian int64; a
 * section found by its offset even past 2^31 hashes; a section read back in order through a
 * buffer of any size; and runs removed with their own pattern only.
 */
class HashRunFileTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  @Test
  void aRunIsTheShardCountsThenEachShardSortedAsBigEndianLongs() throws IOException {
    ShardBuffer hashes = new ShardBuffer();
    hashes.add(2, new long[] {9, -4});
    hashes.add(0, new long[] {Long.MAX_VALUE});
    hashes.add(2, new long[] {7, 9});
    hashes.add(63, new long[] {Long.MIN_VALUE, 1});
    String run = HashRunFile.write(dir.toString(), hashes);

    assertThat(Path.of(run).getFileName().toString()).startsWith(".hash-run-").endsWith(".bin");
    assertThat(Files.size(Path.of(run))).isEqualTo(8 * (64 + 7));
    try (InputStream file = Files.newInputStream(Path.of(run))) {
      DataInputStream in = new DataInputStream(file);
      long[] counts = new long[64];
      for (int s = 0; s < 64; s++) {
        counts[s] = in.readLong();
      }
      long[] expected = new long[64];
      expected[0] = 1;
      expected[2] = 4;
      expected[63] = 2;
      assertThat(counts).containsExactly(expected);
      long[] sections = new long[7];
      for (int i = 0; i < sections.length; i++) {
        sections[i] = in.readLong();
      }
      assertThat(sections).containsExactly(Long.MAX_VALUE, -4, 7, 9, 9, Long.MIN_VALUE, 1);
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(hashes.shards()).isEqualTo(1L | 1L << 2 | 1L << 63);
  }

  @Test
  void aSectionIsReadInOrderThroughABufferOfAnySize() throws IOException {
    ShardBuffer hashes = new ShardBuffer();
    long[] values = new long[1_001];
    for (int i = 0; i < values.length; i++) {
      values[i] = 3L * (values.length - i);
    }
    hashes.add(5, values);
    hashes.add(4, new long[] {1, 2, 3});
    hashes.add(6, new long[] {-1});
    String run = HashRunFile.write(dir.toString(), hashes);

    // 12 bytes: a long is cut in two at every other refill
    for (int bufferBytes : new int[] {8, 12, 4_096, 1 << 16}) {
      try (HashRunFile.Section section = HashRunFile.open(run, 5, bufferBytes)) {
        assertThat(section.remaining()).isEqualTo(1_001);
        List<Long> read = new ArrayList<>();
        while (section.remaining() > 0) {
          read.add(section.next());
        }
        assertThat(read).as("buffer of %d bytes", bufferBytes).hasSize(1_001).isSorted().startsWith(3L).endsWith(3_003L);
      }
    }
    try (HashRunFile.Section empty = HashRunFile.open(run, 7, 4_096)) {
      assertThat(empty.remaining()).isZero();
    }
  }

  @Test
  void aSectionPastTwoToTheThirtyOneHashesIsFoundByItsLongOffset() throws IOException {
    // a sparse file: shard 0 claims 2^31 + 3 hashes (16 GiB, never written), shard 1 holds two after them
    long before = (1L << 31) + 3;
    Path run = dir.resolve(".hash-run-sparse.bin");
    try (RandomAccessFile file = new RandomAccessFile(run.toFile(), "rw")) {
      file.writeLong(before);
      file.writeLong(2);
      file.seek(8 * (64 + before));
      file.writeLong(11);
      file.writeLong(12);
    }
    try (HashRunFile.Section shard0 = HashRunFile.open(run.toString(), 0, 4_096);
        HashRunFile.Section shard1 = HashRunFile.open(run.toString(), 1, 4_096)) {
      assertThat(shard0.remaining()).isEqualTo(before);
      assertThat(shard1.remaining()).isEqualTo(2);
      assertThat(List.of(shard1.next(), shard1.next())).containsExactly(11L, 12L);
    }
  }

  @Test
  void removeAllTakesTheRunsAndNothingElse() throws IOException {
    ShardBuffer hashes = new ShardBuffer();
    hashes.add(0, new long[] {1});
    HashRunFile.write(dir.toString(), hashes);
    HashRunFile.write(dir.toString(), hashes);
    Files.writeString(dir.resolve(".scores-run-1.bin"), "");
    Files.writeString(dir.resolve("report.json"), "{}");
    HashRunFile.removeAll(dir.toString());
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".scores-run-1.bin", "report.json");
    }
  }

  @Test
  void removeTakesTheRunsNamedAndIgnoresOnesAlreadyGone() throws IOException {
    ShardBuffer hashes = new ShardBuffer();
    hashes.add(0, new long[] {1});
    String first = HashRunFile.write(dir.toString(), hashes);
    String second = HashRunFile.write(dir.toString(), hashes);
    Files.delete(Path.of(first));
    HashRunFile.remove(List.of(first, second));
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
