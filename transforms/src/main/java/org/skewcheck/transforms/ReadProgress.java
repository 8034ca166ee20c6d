package org.skewcheck.transforms;

import java.util.concurrent.atomic.LongAdder;

/**
 * How far the readers of this JVM have got: bytes and rows read, bumped once per block. It is what a
 * launcher's progress line reads while a run on the DirectRunner or an embedded Flink goes on (the
 * readers run in its own JVM); on a remote cluster it stays at zero here, and the runner's UI shows
 * the readers' {@code bytesRead} and {@code rowsRead} counters instead.
 */
public final class ReadProgress {
  private static final LongAdder BYTES = new LongAdder();
  private static final LongAdder ROWS = new LongAdder();

  private ReadProgress() {}

  static void add(long bytes, long rows) {
    BYTES.add(bytes);
    ROWS.add(rows);
  }

  /** Bytes of input read so far (compressed bytes for a compressed file). */
  public static long bytes() {
    return BYTES.sum();
  }

  /** Rows read so far, rejected rows included. */
  public static long rows() {
    return ROWS.sum();
  }

  /** Starts counting again from zero, for a new run in the same JVM. */
  public static void reset() {
    BYTES.reset();
    ROWS.reset();
  }
}
