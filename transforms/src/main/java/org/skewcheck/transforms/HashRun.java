package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * A sorted run of one dataset's row (or key) hashes, written by a reader ({@link
 * ReadDataset#withHashRunsIn}) in the {@link HashRunFile} format: what travels to {@link
 * CountDuplicates} instead of the hashes.
 *
 * @param path the run file, through Beam's FileSystems
 * @param shards the shards the run holds hashes of: bit {@code s} is set when shard {@code s}'s
 *     section is not empty ({@link RowHashes#SHARDS} is 64, one bit each)
 */
public record HashRun(String dataset, HashShard.Kind kind, String path, long shards) {
  /** Whether shard {@code shard}'s section of the run holds hashes. */
  boolean holds(int shard) {
    return (shards >>> shard & 1) != 0;
  }

  /** The coder of a run's name: dataset, kind, path and shards. */
  static final class Coder extends AtomicCoder<HashRun> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final BigEndianLongCoder LONG = BigEndianLongCoder.of();

    static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(HashRun run, OutputStream out) throws IOException {
      STRING.encode(run.dataset(), out);
      INT.encode(run.kind().ordinal(), out);
      STRING.encode(run.path(), out);
      LONG.encode(run.shards(), out);
    }

    @Override
    public HashRun decode(InputStream in) throws IOException {
      return new HashRun(STRING.decode(in), HashShard.Kind.values()[INT.decode(in)], STRING.decode(in), LONG.decode(in));
    }
  }
}
