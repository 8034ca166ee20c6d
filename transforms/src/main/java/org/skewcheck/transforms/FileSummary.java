package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * What reading one file produced; {@code rowsRead == rowsProfiled + rowsRejected} always.
 */
public record FileSummary(String dataset, String file, long rowsRead, long rowsProfiled, long rowsRejected) {
  public FileSummary {
    if (rowsRead != rowsProfiled + rowsRejected) {
      throw new IllegalArgumentException(file + ": rows read " + rowsRead + " != profiled " + rowsProfiled
          + " + rejected " + rowsRejected);
    }
  }

  /** The summary of two parts of one file, read in separate ranges. */
  public FileSummary plus(FileSummary other) {
    if (!file.equals(other.file) || !dataset.equals(other.dataset)) {
      throw new IllegalArgumentException("cannot add " + other.dataset + " " + other.file + " to " + dataset + " " + file);
    }
    return new FileSummary(dataset, file, rowsRead + other.rowsRead, rowsProfiled + other.rowsProfiled,
        rowsRejected + other.rowsRejected);
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
    }

    @Override
    public FileSummary decode(InputStream in) throws IOException {
      return new FileSummary(STRING.decode(in), STRING.decode(in), LONG.decode(in), LONG.decode(in), LONG.decode(in));
    }
  }
}
