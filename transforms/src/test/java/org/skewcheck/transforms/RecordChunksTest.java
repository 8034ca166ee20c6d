package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordChunks} reads a stream in pieces into a buffer that it shifts and grows; its chunks
 * must end exactly where cutting the whole bytes record by record with {@link
 * RecordScanner#nextRecordStart} ends them, and start on the same lines, whatever the bytes (quotes,
 * CR, CRLF, blank lines) and however few bytes each read hands over.
 */
class RecordChunksTest {
  /** Bytes that matter to the scanner, and plain ones. */
  private static final String PIECES = "\n\n\r\r\n\",,\"\"abcdefghijklmnopqrstuvwxyz0123456789";

  @Test
  void chunksEndWhereCuttingRecordByRecordEndsThem() throws IOException {
    SplittableRandom random = new SplittableRandom(77);
    for (int trial = 0; trial < 400; trial++) {
      // every tenth stream is long enough that the buffer shifts and, for big chunks, grows
      byte[] csv = randomCsv(random, trial % 10 == 0 ? 400_000 : 3_000);
      int minBytes = 1 + random.nextInt(switch (trial % 4) {
        case 0 -> 4;
        case 1 -> 200;
        case 2 -> 150_000;
        default -> 2_000;
      });
      List<String> expected = recordByRecord(csv, minBytes);
      List<String> actual = new ArrayList<>();
      RecordChunks chunks = new RecordChunks(new DribblingStream(csv, random.split()), false);
      for (RecordChunks.Chunk c = chunks.next(minBytes); c != null; c = chunks.next(minBytes)) {
        actual.add(c.offset() + "+" + c.len() + "@" + c.firstLine());
      }
      assertThat(actual).as("trial %s, minBytes %s", trial, minBytes).isEqualTo(expected);
    }
  }

  /** Plain stretches of 0 to 60 bytes between the bytes that matter, fewer than {@code maxLength} bytes. */
  private static byte[] randomCsv(SplittableRandom random, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(maxLength);
    while (sb.length() < length) {
      int plain = random.nextInt(random.nextBoolean() ? 60 : 8);
      for (int i = 0; i < plain; i++) {
        sb.append((char) ('a' + random.nextInt(26)));
      }
      sb.append(PIECES.charAt(random.nextInt(random.nextInt(4) == 0 ? 10 : PIECES.length())));
    }
    return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The chunks of the byte-at-a-time cut: each ends at the first record start at least minBytes on. */
  private static List<String> recordByRecord(byte[] csv, int minBytes) {
    RecordScanner scanner = new RecordScanner();
    List<String> out = new ArrayList<>();
    int pos = 0;
    long line = 1;
    int at = 0;
    while (pos < csv.length) {
      int end = scanner.nextRecordStart(csv, at, csv.length);
      if (end < 0) {
        out.add(pos + "+" + (csv.length - pos) + "@" + line);
        break;
      }
      at = end;
      if (end - pos >= minBytes) {
        out.add(pos + "+" + (end - pos) + "@" + line);
        line = scanner.lineBreaks() + 1;
        pos = end;
      }
    }
    return out;
  }

  /** Hands the bytes over a few at a time, so words and records straddle reads. */
  private static final class DribblingStream extends InputStream {
    private final ByteArrayInputStream in;
    private final SplittableRandom random;

    DribblingStream(byte[] bytes, SplittableRandom random) {
      this.in = new ByteArrayInputStream(bytes);
      this.random = random;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 40 : 70_000)));
    }
  }
}
