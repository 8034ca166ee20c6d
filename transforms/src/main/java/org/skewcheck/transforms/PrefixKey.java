package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * The key of a prefix's statistics: the label of its {@link
 * org.skewcheck.validation.stats.Dataset} and the column prefix. {@link ReadDataset#PROFILES} and
 * {@link CombinePrefixStats} key by it.
 */
public record PrefixKey(String dataset, String prefix) {
  /** The deterministic coder of the key: both strings as UTF-8, so equal keys have equal bytes. */
  public static final class Coder extends AtomicCoder<PrefixKey> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(PrefixKey key, OutputStream out) throws IOException {
      STRING.encode(key.dataset(), out);
      STRING.encode(key.prefix(), out);
    }

    @Override
    public PrefixKey decode(InputStream in) throws IOException {
      return new PrefixKey(STRING.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
