package org.skewcheck.transforms;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where each record of a chunk starts and on which line: built only when a chunk has a row to
 * reject, to give that row its original text without reading the file again.
 */
final class RecordIndex {
  private final byte[] buf;
  private final int[] starts;
  private final long[] lines;
  private final int size;
  private final int end;

  private RecordIndex(byte[] buf, int[] starts, long[] lines, int size, int end) {
    this.buf = buf;
    this.starts = starts;
    this.lines = lines;
    this.size = size;
    this.end = end;
  }

  static RecordIndex of(RecordChunks.Chunk chunk) {
    byte[] buf = chunk.buf();
    int end = chunk.off() + chunk.len();
    int[] starts = new int[16];
    long[] lines = new long[16];
    int size = 0;
    RecordScanner scanner = new RecordScanner();
    int at = chunk.off();
    while (at < end) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        lines = Arrays.copyOf(lines, size * 2);
      }
      starts[size] = at;
      lines[size++] = chunk.firstLine() + scanner.lineBreaks();
      int next = scanner.nextRecordStart(buf, at, end);
      at = next < 0 ? end : next;
    }
    return new RecordIndex(buf, starts, lines, size, end);
  }

  int size() {
    return size;
  }

  long line(int record) {
    return lines[record];
  }

  /** The offset just after the record (its line break included). */
  int end(int record) {
    return record + 1 < size ? starts[record + 1] : end;
  }

  /** The record that starts on {@code line}, or -1. */
  int recordOnLine(long line) {
    int i = Arrays.binarySearch(lines, 0, size, line);
    return i < 0 ? -1 : i;
  }

  /** The first record after {@code line}, at or after offset {@code from}, that is not an empty line; -1 if none. */
  int firstNonBlankAfter(long line, int from) {
    for (int i = 0; i < size; i++) {
      if (lines[i] > line && starts[i] >= from && !blank(i)) {
        return i;
      }
    }
    return -1;
  }

  /** The record's text without its line break, cut to {@code maxBytes} with its full length stated. */
  String text(int record, int maxBytes) {
    int from = starts[record];
    int to = end(record);
    if (to > from && buf[to - 1] == '\n') {
      to--;
    }
    if (to > from && buf[to - 1] == '\r') {
      to--;
    }
    return cut(buf, from, to - from, maxBytes);
  }

  /** {@code buf[from, from + len)} as UTF-8 text, cut to {@code maxBytes} with its full length stated. */
  static String cut(byte[] buf, int from, int len, int maxBytes) {
    if (len <= maxBytes) {
      return new String(buf, from, len, StandardCharsets.UTF_8);
    }
    return new String(buf, from, maxBytes, StandardCharsets.UTF_8) + "… (cut, " + len + " bytes in all)";
  }

  private boolean blank(int record) {
    for (int i = starts[record]; i < end(record); i++) {
      if (buf[i] != '\n' && buf[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
