package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Consecutive chunks of one uncompressed CSV file, the unit a big file is split into: chunk
 * {@code i} is the bytes {@code [starts[i], starts[i + 1])}, whole records whose first starts on
 * line {@code lines[i]}. The file's header travels with every range of it, read once by the step
 * that found the chunks.
 *
 * @param header the header's fields, or empty when {@code headerError} says why it cannot be used
 * @param headerError null, or why every row of the file is rejected
 */
record FileRange(String path, List<String> header, String headerError, long[] starts, long[] lines) {
  FileRange {
    if (starts.length != lines.length + 1) {
      throw new IllegalArgumentException(path + ": " + lines.length + " chunks need " + (lines.length + 1)
          + " offsets, got " + starts.length);
    }
    header = List.copyOf(header);
  }

  int chunks() {
    return lines.length;
  }

  /** Bytes of chunks {@code [from, to)}. */
  long bytes(long from, long to) {
    return starts[(int) to] - starts[(int) from];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileRange r && path.equals(r.path) && header.equals(r.header)
        && java.util.Objects.equals(headerError, r.headerError)
        && Arrays.equals(starts, r.starts) && Arrays.equals(lines, r.lines);
  }

  @Override
  public int hashCode() {
    return 31 * path.hashCode() + Arrays.hashCode(starts);
  }

  /** The coder of {@link FileRange}. */
  static final class Coder extends AtomicCoder<FileRange> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final NullableCoder<String> NULLABLE = NullableCoder.of(STRING);
    private static final VarLongCoder LONG = VarLongCoder.of();

    static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(FileRange r, OutputStream out) throws IOException {
      STRING.encode(r.path, out);
      ArrayCoding.writeStrings(r.header.toArray(String[]::new), out);
      NULLABLE.encode(r.headerError, out);
      LONG.encode((long) r.lines.length, out);
      for (int i = 0; i < r.lines.length; i++) {
        LONG.encode(r.starts[i], out);
        LONG.encode(r.lines[i], out);
      }
      LONG.encode(r.starts[r.lines.length], out);
    }

    @Override
    public FileRange decode(InputStream in) throws IOException {
      String path = STRING.decode(in);
      List<String> header = List.of(ArrayCoding.readStrings(in));
      String error = NULLABLE.decode(in);
      int n = Math.toIntExact(LONG.decode(in));
      long[] starts = new long[n + 1];
      long[] lines = new long[n];
      for (int i = 0; i < n; i++) {
        starts[i] = LONG.decode(in);
        lines[i] = LONG.decode(in);
      }
      starts[n] = LONG.decode(in);
      return new FileRange(path, header, error, starts, lines);
    }
  }
}
