package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One dataset's hash arrays of one kind, gathered per shard until they are written as a {@link
 * HashRunFile run}. The arrays are kept as they came, never changed, and must stay so until the
 * run is written: a shard's section is copied out and sorted only then, one shard at a time.
 */
final class ShardBuffer {
  /** The first {@code length} hashes of {@code hashes}. */
  private record Part(long[] hashes, int length) {}

  private final List<List<Part>> arrays = new ArrayList<>(RowHashes.SHARDS);
  private final long[] counts = new long[RowHashes.SHARDS];
  private long size;

  ShardBuffer() {
    for (int s = 0; s < RowHashes.SHARDS; s++) {
      arrays.add(new ArrayList<>());
    }
  }

  /** Adds hashes of shard {@code shard}. */
  void add(int shard, long[] hashes) {
    add(shard, hashes, hashes.length);
  }

  /** Adds the first {@code length} hashes of {@code hashes}, of shard {@code shard}. */
  void add(int shard, long[] hashes, int length) {
    if (length > 0) {
      arrays.get(shard).add(new Part(hashes, length));
      counts[shard] += length;
      size += length;
    }
  }

  /** The hashes gathered, in every shard. */
  long size() {
    return size;
  }

  /** Shard {@code shard}'s number of hashes. */
  long count(int shard) {
    return counts[shard];
  }

  /** The shards holding hashes, as {@link HashRun#shards()} gives them: bit {@code s} for shard {@code s}. */
  long shards() {
    long shards = 0;
    for (int s = 0; s < RowHashes.SHARDS; s++) {
      if (counts[s] > 0) {
        shards |= 1L << s;
      }
    }
    return shards;
  }

  /** Shard {@code shard}'s hashes in one new array, sorted. */
  long[] sortedSection(int shard) {
    long[] section = new long[Math.toIntExact(counts[shard])];
    int at = 0;
    for (Part part : arrays.get(shard)) {
      System.arraycopy(part.hashes(), 0, section, at, part.length());
      at += part.length();
    }
    Arrays.sort(section);
    return section;
  }
}
