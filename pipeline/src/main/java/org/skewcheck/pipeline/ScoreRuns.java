package org.skewcheck.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Sorted runs of predict scores, the parts of an external merge sort that writes {@code
 * scores.csv} in bounded memory: each run is a file in the output folder ({@code
 * .scores-run-UUID.bin}) holding (id, score) pairs sorted by id, then score; each pair is an int32
 * byte length, the id's UTF-8 bytes and a float64, big-endian. The runs are merged into {@code
 * scores.csv} and removed once the pipeline has finished; a killed run's leftovers are removed
 * when the next run starts.
 */
final class ScoreRuns {
  /** One predict row's id and score. */
  record Row(String id, double score) {}

  static final Comparator<Row> BY_ID_THEN_SCORE = Comparator.comparing(Row::id).thenComparingDouble(Row::score);
  private static final String PREFIX = ".scores-run-";
  private static final int BUFFER_BYTES = 1 << 16;

  private ScoreRuns() {}

  /** Sorts {@code rows} and writes them as a new run in {@code dir}; returns its path. */
  static String write(String dir, List<Row> rows) throws IOException {
    rows.sort(BY_ID_THEN_SCORE);
    ResourceId run = BeamFiles.resolve(dir, PREFIX + UUID.randomUUID() + ".bin");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Channels.newOutputStream(FileSystems.create(run, "application/octet-stream")), BUFFER_BYTES))) {
      for (Row row : rows) {
        byte[] id = row.id().getBytes(StandardCharsets.UTF_8);
        out.writeInt(id.length);
        out.write(id);
        out.writeDouble(row.score());
      }
    }
    return run.toString();
  }

  /** What takes the merged rows, in order. */
  interface Sink {
    void accept(Row row) throws IOException;
  }

  /** A run's next row. */
  private record Head(Row row, Reader run) {}

  /**
   * Merges the runs at {@code paths} into {@code sink}, in order by id, then score; returns the rows
   * merged. Holds one row and one read buffer per run, whatever the number of rows.
   */
  static long merge(List<String> paths, Sink sink) throws IOException {
    List<Reader> readers = new ArrayList<>();
    try {
      PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, paths.size()),
          Comparator.comparing(Head::row, BY_ID_THEN_SCORE));
      for (String path : paths) {
        Reader reader = new Reader(path);
        readers.add(reader);
        Row first = reader.next();
        if (first != null) {
          heads.add(new Head(first, reader));
        }
      }
      long rows = 0;
      for (Head head = heads.poll(); head != null; head = heads.poll()) {
        sink.accept(head.row());
        rows++;
        Row next = head.run().next();
        if (next != null) {
          heads.add(new Head(next, head.run()));
        }
      }
      return rows;
    } finally {
      for (Reader reader : readers) {
        reader.close();
      }
    }
  }

  /** Reads one run, in order. */
  static final class Reader implements AutoCloseable {
    private final DataInputStream in;

    Reader(String path) throws IOException {
      in = new DataInputStream(new BufferedInputStream(
          Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false))), BUFFER_BYTES));
    }

    /** The next row, or null at the end of the run. */
    Row next() throws IOException {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException end) {
        return null;
      }
      String id = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      return new Row(id, in.readDouble());
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Removes every run in {@code dir}. */
  static void removeAll(String dir) throws IOException {
    BeamFiles.removeMatching(BeamFiles.resolve(dir, PREFIX + "*").toString());
  }
}
