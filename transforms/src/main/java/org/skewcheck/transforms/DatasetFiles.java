package org.skewcheck.transforms;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Resolves what a user passes as {@code --train} / {@code --predict} — a file, a glob, or a folder
 * (every {@code *.csv} and {@code *.csv.gz} in it) — to a sorted list of files, through Beam's
 * {@link FileSystems} so any registered scheme works. Resolved while the pipeline is built, so a
 * wrong path fails at once with the path in the message.
 */
public final class DatasetFiles {
  private static final int GZIP_BUFFER_BYTES = 1 << 16;

  private DatasetFiles() {}

  /** One input file, its size in bytes and its modification time. */
  public record File(String path, long sizeBytes, long lastModifiedMillis) implements java.io.Serializable {}

  /**
   * The files {@code spec} names, sorted.
   *
   * @throws IllegalArgumentException when it names no file
   */
  public static List<File> resolve(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("no input given");
    }
    boolean glob = spec.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    List<String> patterns = new ArrayList<>();
    if (glob) {
      patterns.add(spec);
    } else {
      String dir = spec.endsWith("/") ? spec : spec + "/";
      List<File> inFolder = match(List.of(dir + "*.csv", dir + "*.csv.gz"));
      if (!inFolder.isEmpty()) {
        return inFolder;
      }
      patterns.add(spec);
    }
    List<File> files = match(patterns);
    if (files.isEmpty()) {
      throw new IllegalArgumentException(spec + ": no such file, and no *.csv or *.csv.gz in it");
    }
    return files;
  }

  /** Opens a file through Beam's FileSystems, decompressed by its extension ({@code .gz} and others). */
  public static InputStream open(String path) throws IOException {
    return open(path, new LongAdder());
  }

  /** {@link #open(String)}, adding to {@code storedBytes} the bytes read from storage (before decompressing). */
  static InputStream open(String path, LongAdder storedBytes) throws IOException {
    ReadableByteChannel raw = FileSystems.open(FileSystems.matchNewResource(path, false));
    ReadableByteChannel counted = new ReadableByteChannel() {
      @Override
      public int read(ByteBuffer dst) throws IOException {
        int n = raw.read(dst);
        if (n > 0) {
          storedBytes.add(n);
        }
        return n;
      }

      @Override
      public boolean isOpen() {
        return raw.isOpen();
      }

      @Override
      public void close() throws IOException {
        raw.close();
      }
    };
    Compression compression = Compression.detect(path);
    return compression == Compression.GZIP ? gunzip(Channels.newInputStream(counted))
        : Channels.newInputStream(compression.readDecompressed(counted));
  }

  /**
   * A {@code .gz} file's text, or its bytes as they are when it does not start with gzip's magic
   * number (as Beam's {@code Compression.GZIP} reads it). Read with the JDK's {@link
   * GZIPInputStream}, which returns what it has inflated before asking for more input, so a
   * truncated file gives every byte before the cut; Beam's decompressing channel fills the whole
   * buffer first and loses up to a buffer of text when the input ends early.
   */
  private static InputStream gunzip(InputStream compressed) throws IOException {
    PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(compressed, GZIP_BUFFER_BYTES), 2);
    byte[] magic = in.readNBytes(2);
    in.unread(magic);
    boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    return gzip ? new Gunzip(in) : in;
  }

  /**
   * A {@link GZIPInputStream} made on the first read, so that a file cut inside its gzip header
   * fails in a read, where a reader takes it for damage, and not while it is opened.
   */
  private static final class Gunzip extends InputStream {
    private final InputStream compressed;
    private GZIPInputStream text;

    Gunzip(InputStream compressed) {
      this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
      return text().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return text().read(b, off, len);
    }

    private GZIPInputStream text() throws IOException {
      if (text == null) {
        text = new GZIPInputStream(compressed, GZIP_BUFFER_BYTES);
      }
      return text;
    }

    @Override
    public void close() throws IOException {
      if (text != null) {
        text.close();
      } else {
        compressed.close();
      }
    }
  }

  /** The header (first record) of a CSV file, decompressed as needed; empty for an empty file. */
  public static List<String> header(String path) {
    try (InputStream in = open(path);
        CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(in, StandardCharsets.UTF_8)) {
      Iterator<CsvRecord> records = csv.iterator();
      return records.hasNext() ? records.next().getFields() : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<File> match(List<String> patterns) {
    TreeMap<String, File> files = new TreeMap<>();
    try {
      for (MatchResult r : FileSystems.match(patterns, EmptyMatchTreatment.ALLOW)) {
        if (r.status() == MatchResult.Status.OK) {
          r.metadata().stream()
              .filter(m -> m.sizeBytes() >= 0 && !m.resourceId().isDirectory())
              .forEach(m -> files.put(m.resourceId().toString(), new File(m.resourceId().toString(), m.sizeBytes(), m.lastModifiedMillis())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(files.values());
  }
}
