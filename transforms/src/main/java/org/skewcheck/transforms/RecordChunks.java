package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a CSV byte stream into chunks of whole records: each chunk is at least a given size (unless
 * the stream ends) and ends where a record ends, as {@link RecordScanner} finds it. A chunk knows
 * its byte offset in the file and the line its first record starts on, so chunks can be parsed
 * apart and still name the lines of their rows. A UTF-8 byte order mark at the start is skipped.
 *
 * <p>The buffer grows only as far as the longest record needs; a chunk's bytes are valid until the
 * next call.
 */
final class RecordChunks {
  /** Whole records: {@code buf[off, off + len)}, starting at byte {@code offset} of the file and on line {@code firstLine}. */
  record Chunk(byte[] buf, int off, int len, long offset, long firstLine) {
    /** Whether the chunk holds nothing but line breaks (FastCSV skips such lines). */
    boolean blank() {
      for (int i = off; i < off + len; i++) {
        if (buf[i] != '\n' && buf[i] != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Where a stream broke off (a truncated or corrupt compressed file): the line the unreadable part
   * starts on, the error, and the text of the record it cut (shortened).
   */
  record Damage(long line, String reason, String text) {}

  private static final int READ_BYTES = 1 << 16;

  private final InputStream in;
  private final RecordScanner scanner = new RecordScanner();
  private byte[] buf = new byte[READ_BYTES * 2];
  /** Bytes before buf[0] in the stream. */
  private long base;
  private int pos;
  private int scanned;
  private int limit;
  private long line = 1;
  /** The last record end found, and the line of the record that starts there. */
  private int boundary;
  private long boundaryLine = 1;
  private boolean eof;
  private final boolean decompressed;
  private IOException broken;
  private Damage damage;

  /**
   * Chunks of {@code in}. When it is {@code decompressed}, a read that fails is damage: the records
   * before it are still chunks, and {@link #damage} says where it broke off. Otherwise a read error
   * is thrown, so that the runner retries the read.
   */
  RecordChunks(InputStream in, boolean decompressed) throws IOException {
    this.in = in;
    this.decompressed = decompressed;
    fill();
    if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
      pos = 3;
      scanned = 3;
      boundary = 3;
    }
  }

  /** The first record that is not an empty line (FastCSV skips those too): a file's header; null for an empty file. */
  Chunk header() throws IOException {
    Chunk header = next(1);
    while (header != null && header.blank()) {
      header = next(1);
    }
    return header;
  }

  /** The next chunk of at least {@code minBytes} bytes of whole records (less at the end), or null when none is left. */
  Chunk next(int minBytes) throws IOException {
    while (true) {
      int end = scanner.nextRecordStart(buf, scanned, limit);
      if (end >= 0) {
        scanned = end;
        boundary = end;
        boundaryLine = scanner.lineBreaks() + 1;
        if (end - pos >= minBytes) {
          return take(end);
        }
      } else {
        scanned = limit;
        if (!eof) {
          fill();
        } else if (broken == null) {
          return limit > pos ? take(limit) : null;
        } else if (boundary > pos) {
          return take(boundary);
        } else {
          if (damage == null) {
            damage = new Damage(line, broken.getClass().getSimpleName() + ": " + broken.getMessage(),
                RecordIndex.cut(buf, pos, limit - pos, ChunkParser.MAX_RAW_BYTES));
            pos = limit;
          }
          return null;
        }
      }
    }
  }

  /** Why and where the stream broke off, once {@link #next} has returned null; null when it ended normally. */
  Damage damage() {
    return damage;
  }

  /** Byte offset in the stream of the next chunk. */
  long offset() {
    return base + pos;
  }

  private Chunk take(int end) {
    Chunk chunk = new Chunk(buf, pos, end - pos, base + pos, line);
    line = end == boundary ? boundaryLine : scanner.lineBreaks() + 1;
    pos = end;
    return chunk;
  }

  /**
   * Reads more bytes after {@code limit}; when the buffer is short of room, first moves the
   * unconsumed bytes to its front, and grows it only if that is not enough. A decompressed stream
   * that breaks off (a truncated or corrupt file) ends there, and {@link #next} names the damage.
   */
  private void fill() throws IOException {
    if (buf.length - limit < READ_BYTES && pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      scanned -= pos;
      boundary -= pos;
      limit -= pos;
      pos = 0;
    }
    if (buf.length - limit < READ_BYTES) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      if (!decompressed) {
        throw e;
      }
      eof = true;
      broken = e;
    }
  }
}
