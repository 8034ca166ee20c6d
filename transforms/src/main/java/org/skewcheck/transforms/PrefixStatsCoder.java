package org.skewcheck.transforms;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * The coder of the {@link PrefixStats} accumulator: the domain's own binary form, sketches as their
 * {@code toByteArray()}. Not consistent with equals, so Beam compares encoded bytes.
 */
public final class PrefixStatsCoder extends AtomicCoder<PrefixStats> {
  private static final PrefixStatsCoder INSTANCE = new PrefixStatsCoder();

  private PrefixStatsCoder() {}

  public static PrefixStatsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(PrefixStats value, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    value.writeTo(data);
    data.flush();
  }

  @Override
  public PrefixStats decode(InputStream in) throws IOException {
    return PrefixStats.readFrom(new DataInputStream(in));
  }
}
