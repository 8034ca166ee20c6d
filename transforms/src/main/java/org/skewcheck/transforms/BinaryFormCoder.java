package org.skewcheck.transforms;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * A coder for a domain accumulator that has its own compact binary form ({@code writeTo} /
 * {@code readFrom}). Not consistent with equals, so Beam compares encoded bytes.
 */
abstract class BinaryFormCoder<T> extends AtomicCoder<T> {
  /** Reads the binary form back. */
  interface Reader<T> extends Serializable {
    T readFrom(DataInput in) throws IOException;
  }

  /** Writes the binary form. */
  interface Writer<T> extends Serializable {
    void writeTo(T value, DataOutput out) throws IOException;
  }

  private final Writer<T> writer;
  private final Reader<T> reader;

  BinaryFormCoder(Writer<T> writer, Reader<T> reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public final void encode(T value, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    writer.writeTo(value, data);
    data.flush();
  }

  @Override
  public final T decode(InputStream in) throws IOException {
    return reader.readFrom(new DataInputStream(in));
  }
}
