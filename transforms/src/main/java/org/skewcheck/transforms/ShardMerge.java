package org.skewcheck.transforms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts one shard's repeats, the hashes equal to an earlier one, by a k-way merge of that shard's
 * sorted section of every run: equal hashes meet as neighbours in the merged order, whichever runs
 * they are in. The merge holds one read buffer and one head hash per run (a heap of run indices
 * over primitive heads, nothing boxed per hash), never the shard's hashes: the runs' buffers share
 * {@link #BUFFER_BYTES}, so its memory stays flat in rows and in runs.
 */
final class ShardMerge {
  /**
   * The bytes one merge's read buffers share: 64 KiB a run up to 128 runs, less a run past that,
   * but never under 4 KiB a run (so past 2,048 runs, 4 KiB more a run).
   */
  static final int BUFFER_BYTES = 8 << 20;
  private static final int MIN_RUN_BUFFER_BYTES = 4 << 10;
  private static final int MAX_RUN_BUFFER_BYTES = 64 << 10;

  private ShardMerge() {}

  /** The hashes of shard {@code shard}, over all {@code runs}, that equal an earlier one. */
  static long repeats(List<String> runs, int shard) throws IOException {
    int bufferBytes = Math.max(MIN_RUN_BUFFER_BYTES,
        Math.min(MAX_RUN_BUFFER_BYTES, BUFFER_BYTES / Math.max(1, runs.size())));
    List<HashRunFile.Section> sections = new ArrayList<>(runs.size());
    try {
      for (String run : runs) {
        sections.add(HashRunFile.open(run, shard, bufferBytes));
      }
      return repeats(sections);
    } finally {
      for (HashRunFile.Section section : sections) {
        section.close();
      }
    }
  }

  private static long repeats(List<HashRunFile.Section> sections) throws IOException {
    long[] heads = new long[sections.size()];
    int[] heap = new int[sections.size()];
    int size = 0;
    for (int run = 0; run < sections.size(); run++) {
      if (sections.get(run).remaining() > 0) {
        heads[run] = sections.get(run).next();
        heap[size++] = run;
      }
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(heap, size, heads, i);
    }
    long repeats = 0;
    long previous = 0;
    boolean first = true;
    while (size > 0) {
      int run = heap[0];
      if (!first && heads[run] == previous) {
        repeats++;
      }
      previous = heads[run];
      first = false;
      HashRunFile.Section section = sections.get(run);
      if (section.remaining() > 0) {
        heads[run] = section.next();
      } else {
        heap[0] = heap[--size];
      }
      siftDown(heap, size, heads, 0);
    }
    return repeats;
  }

  /** Moves the run at heap position {@code at} down until no child's head is smaller. */
  private static void siftDown(int[] heap, int size, long[] heads, int at) {
    int run = heap[at];
    while (true) {
      int child = 2 * at + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heads[heap[child + 1]] < heads[heap[child]]) {
        child++;
      }
      if (heads[heap[child]] >= heads[run]) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = run;
  }
}
