package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.skewcheck.validation.stats.PrefixBlock;

/** The compact coder of {@link PrefixBlock}. */
public final class PrefixBlockCoder extends AtomicCoder<PrefixBlock> {
  private static final PrefixBlockCoder INSTANCE = new PrefixBlockCoder();

  private PrefixBlockCoder() {}

  public static PrefixBlockCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(PrefixBlock b, OutputStream out) throws IOException {
    ArrayCoding.writeStrings(b.columns(), out);
    VarIntCoder.of().encode(b.rows(), out);
    ArrayCoding.writeDoubles(b.values(), out);
    ArrayCoding.writeInts(b.textIndex(), out);
    ArrayCoding.writeStrings(b.text(), out);
  }

  @Override
  public PrefixBlock decode(InputStream in) throws IOException {
    return new PrefixBlock(ArrayCoding.readStrings(in), VarIntCoder.of().decode(in), ArrayCoding.readDoubles(in),
        ArrayCoding.readInts(in), ArrayCoding.readStrings(in));
  }
}
