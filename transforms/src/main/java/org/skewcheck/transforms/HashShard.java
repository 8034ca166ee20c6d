package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * The key of an array of row hashes ({@link ReadDataset#HASHES}): the dataset, what was hashed
 * (every column, or the key columns) and the hash shard, the hashes' top bits ({@link RowHashes}).
 */
public record HashShard(String dataset, Kind kind, int shard) {
  /** What a hash covers. */
  public enum Kind {
    /** Every column but the row id. */
    ROW,
    /** The config's {@code uniqueKey} columns. */
    KEY
  }

  /** The deterministic coder of the key. */
  public static final class Coder extends AtomicCoder<HashShard> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(HashShard key, OutputStream out) throws IOException {
      STRING.encode(key.dataset(), out);
      INT.encode(key.kind().ordinal(), out);
      INT.encode(key.shard(), out);
    }

    @Override
    public HashShard decode(InputStream in) throws IOException {
      return new HashShard(STRING.decode(in), Kind.values()[INT.decode(in)], INT.decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
