package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** The compact coder of {@link RowBlock}: strings with Beam's coders, values as raw double bits. */
public final class RowBlockCoder extends AtomicCoder<RowBlock> {
  private static final RowBlockCoder INSTANCE = new RowBlockCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();

  private RowBlockCoder() {}

  public static RowBlockCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RowBlock b, OutputStream out) throws IOException {
    STRING.encode(b.dataset(), out);
    ArrayCoding.writeStrings(b.columns(), out);
    VarIntCoder.of().encode(b.rows(), out);
    ArrayCoding.writeDoubles(b.values(), out);
    ArrayCoding.writeInts(b.textIndex(), out);
    ArrayCoding.writeStrings(b.text(), out);
    ArrayCoding.writeStrings(b.rowIds(), out);
  }

  @Override
  public RowBlock decode(InputStream in) throws IOException {
    return new RowBlock(STRING.decode(in), ArrayCoding.readStrings(in), VarIntCoder.of().decode(in),
        ArrayCoding.readDoubles(in), ArrayCoding.readInts(in), ArrayCoding.readStrings(in), ArrayCoding.readStrings(in));
  }
}
