package org.skewcheck.transforms;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Bulk encodings of primitive and string arrays shared by the coders (raw double bits, so NaN stays NaN). */
final class ArrayCoding {
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarIntCoder INT = VarIntCoder.of();

  private ArrayCoding() {}

  static void writeDoubles(double[] values, OutputStream out) throws IOException {
    INT.encode(values.length, out);
    ByteBuffer buf = ByteBuffer.allocate(values.length * Double.BYTES);
    buf.asDoubleBuffer().put(values);
    out.write(buf.array());
  }

  static double[] readDoubles(InputStream in) throws IOException {
    int n = INT.decode(in);
    byte[] bytes = new byte[n * Double.BYTES];
    new DataInputStream(in).readFully(bytes);
    double[] values = new double[n];
    ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
    return values;
  }

  static void writeLongs(long[] values, OutputStream out) throws IOException {
    INT.encode(values.length, out);
    ByteBuffer buf = ByteBuffer.allocate(values.length * Long.BYTES);
    buf.asLongBuffer().put(values);
    out.write(buf.array());
  }

  static long[] readLongs(InputStream in) throws IOException {
    int n = INT.decode(in);
    byte[] bytes = new byte[n * Long.BYTES];
    new DataInputStream(in).readFully(bytes);
    long[] values = new long[n];
    ByteBuffer.wrap(bytes).asLongBuffer().get(values);
    return values;
  }

  static void writeInts(int[] values, OutputStream out) throws IOException {
    INT.encode(values.length, out);
    DataOutputStream data = new DataOutputStream(out);
    for (int v : values) {
      data.writeInt(v);
    }
    data.flush();
  }

  static int[] readInts(InputStream in) throws IOException {
    int n = INT.decode(in);
    DataInputStream data = new DataInputStream(in);
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = data.readInt();
    }
    return values;
  }

  static void writeStrings(String[] values, OutputStream out) throws IOException {
    INT.encode(values.length, out);
    for (String v : values) {
      STRING.encode(v, out);
    }
  }

  static String[] readStrings(InputStream in) throws IOException {
    int n = INT.decode(in);
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = STRING.decode(in);
    }
    return values;
  }
}
