package org.skewcheck.transforms;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * What reading one file produced; {@code rowsRead == rowsProfiled + rowsRejected} always.
 *
 * @param damage where a damaged (truncated or corrupt compressed) file stops being readable; null
 *     when the whole file was read
 */
public record FileSummary(String dataset, String file, long rowsRead, long rowsProfiled, long rowsRejected,
    Damage damage) {
  public FileSummary {
    if (rowsRead != rowsProfiled + rowsRejected) {
      throw new IllegalArgumentException(file + ": rows read " + rowsRead + " != profiled " + rowsProfiled
          + " + rejected " + rowsRejected);
    }
  }

  /** The summary of a file read to its end. */
  public FileSummary(String dataset, String file, long rowsRead, long rowsProfiled, long rowsRejected) {
    this(dataset, file, rowsRead, rowsProfiled, rowsRejected, null);
  }

  /** The 1-based line from which a damaged file could not be read, and why. */
  public record Damage(long line, String reason) {}

  /** The summary of two parts of one file, read in separate ranges. */
  public FileSummary plus(FileSummary other) {
    if (!file.equals(other.file) || !dataset.equals(other.dataset)) {
      throw new IllegalArgumentException("cannot add " + other.dataset + " " + other.file + " to " + dataset + " " + file);
    }
    return new FileSummary(dataset, file, rowsRead + other.rowsRead, rowsProfiled + other.rowsProfiled,
        rowsRejected + other.rowsRejected, damage != null ? damage : other.damage);
  }

  /** The coder of {@link FileSummary}. */
  public static final class Coder extends AtomicCoder<FileSummary> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(FileSummary s, OutputStream out) throws IOException {
      STRING.encode(s.dataset, out);
      STRING.encode(s.file, out);
      LONG.encode(s.rowsRead, out);
      LONG.encode(s.rowsProfiled, out);
      LONG.encode(s.rowsRejected, out);
      out.write(s.damage == null ? 0 : 1);
      if (s.damage != null) {
        LONG.encode(s.damage.line(), out);
        STRING.encode(s.damage.reason(), out);
      }
    }

    @Override
    public FileSummary decode(InputStream in) throws IOException {
      String dataset = STRING.decode(in);
      String file = STRING.decode(in);
      long read = LONG.decode(in);
      long profiled = LONG.decode(in);
      long rejected = LONG.decode(in);
      int damaged = in.read();
      if (damaged < 0) {
        throw new EOFException("a file summary ends before its damage flag");
      }
      return new FileSummary(dataset, file, read, profiled, rejected,
          damaged == 0 ? null : new Damage(LONG.decode(in), STRING.decode(in)));
    }
  }
}
