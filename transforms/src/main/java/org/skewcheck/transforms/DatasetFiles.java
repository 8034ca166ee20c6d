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
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Resolves what a user passes as {@code --train} / {@code --predict} — a file, a glob, or a folder
 * (every {@code *.csv} and {@code *.csv.gz} in it) — to a sorted list of files, through Beam's
 * {@link FileSystems} so any registered scheme works. Resolved while the pipeline is built, so a
 * wrong path fails at once with the path in the message.
 *
 * <p>A folder or file that exists is taken as it is named, even when the name holds glob characters
 * ({@code nights [2026]/}, {@code run{1}/}, {@code a[1].csv}); only a path that names nothing is
 * matched as a glob.
 */
public final class DatasetFiles {
  private static final int GZIP_BUFFER_BYTES = 1 << 16;
  /** What Beam's filesystems read as glob syntax in a path: {@code * ?}, {@code [...]}, {@code {a,b}}, escapes. */
  private static final String GLOB_CHARACTERS = "*?[]{}\\";

  private DatasetFiles() {}

  /** One input file, its size in bytes and its modification time. */
  public record File(String path, long sizeBytes, long lastModifiedMillis) implements java.io.Serializable {}

  /**
   * The files {@code spec} names, sorted.
   *
   * @throws IllegalArgumentException when it names no file
   * @throws UncheckedIOException when the filesystem cannot list it
   */
  public static List<File> resolve(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("no input given");
    }
    List<File> files = inFolder(spec);
    if (files.isEmpty()) {
      files = literalFile(spec);
    }
    if (files.isEmpty()) {
      files = match(List.of(spec), m -> true);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(spec + ": no such file, and no *.csv or *.csv.gz in it");
    }
    return files;
  }

  /** The {@code *.csv} and {@code *.csv.gz} files directly in the folder {@code spec} names as it is spelled. */
  private static List<File> inFolder(String spec) {
    String dir = spec.endsWith("/") ? spec : spec + "/";
    ResourceId folder = FileSystems.matchNewResource(dir, true);
    String literal = anyCharacterFor(dir);
    return match(List.of(literal + "*.csv", literal + "*.csv.gz"),
        m -> m.resourceId().getCurrentDirectory().equals(folder));
  }

  /** The file {@code spec} names as it is spelled, when there is one. */
  private static List<File> literalFile(String spec) {
    if (spec.endsWith("/")) {
      return List.of();
    }
    ResourceId file = FileSystems.matchNewResource(spec, false);
    return match(List.of(anyCharacterFor(spec)), m -> m.resourceId().equals(file));
  }

  /**
   * {@code path} as a glob that matches at least the path itself: each glob character becomes
   * {@code ?}, which matches it, and the caller keeps the exact match. Escaping it instead cannot
   * work through Beam: the local filesystem doubles every backslash before it builds its glob, and
   * GCS cuts its listing prefix at the first {@code [}, escaped or not.
   */
  private static String anyCharacterFor(String path) {
    StringBuilder glob = new StringBuilder(path.length());
    for (char c : path.toCharArray()) {
      glob.append(GLOB_CHARACTERS.indexOf(c) >= 0 ? '?' : c);
    }
    return glob.toString();
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

  /**
   * The files, not folders, that {@code patterns} match and {@code keep} accepts, sorted by path. A
   * pattern the filesystem could not list (on GCS, a bucket the credentials may not list) is an
   * error, not a pattern that matched nothing.
   */
  private static List<File> match(List<String> patterns, Predicate<MatchResult.Metadata> keep) {
    TreeMap<String, File> files = new TreeMap<>();
    try {
      for (MatchResult r : FileSystems.match(patterns, EmptyMatchTreatment.ALLOW)) {
        // NOT_FOUND matched nothing; for an ERROR, metadata() throws the filesystem's exception
        if (r.status() != MatchResult.Status.NOT_FOUND) {
          r.metadata().stream()
              .filter(m -> m.sizeBytes() >= 0 && !m.resourceId().isDirectory() && keep.test(m))
              .forEach(m -> files.put(m.resourceId().toString(), new File(m.resourceId().toString(), m.sizeBytes(), m.lastModifiedMillis())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(files.values());
  }
}
