package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Finds where a big uncompressed file can be cut: one pass over its bytes with {@link RecordScanner}
 * (no parsing, several times faster than reading the rows) gives chunks of about {@code chunkBytes}
 * that each end where a record ends, quoted line breaks respected, and the line each chunk starts
 * on. It outputs the file as {@link FileRange}s of {@code rangeChunks} chunks each, with the header
 * read once; and a zero {@link FileSummary}, so the file is listed even when it has no row.
 */
final class FindChunksFn extends DoFn<String, FileRange> {
  private final ReadSettings settings;

  FindChunksFn(ReadSettings settings) {
    this.settings = settings;
  }

  @ProcessElement
  public void process(@Element String path, MultiOutputReceiver out) throws IOException {
    out.get(ReadDataset.FILES).output(new FileSummary(settings.dataset(), path, 0, 0, 0));
    try (InputStream in = DatasetFiles.open(path)) {
      RecordChunks chunks = new RecordChunks(in, false);
      RecordChunks.Chunk header = chunks.header();
      if (header == null) {
        return;
      }
      ReadSettings.HeaderText text = ReadSettings.readHeader(header);
      // the header (and any blank lines before it) is read here, once: count it so progress reaches the file's size
      ReadProgress.add(chunks.offset(), 0);
      long[] starts = new long[settings.rangeChunks() + 1];
      long[] lines = new long[settings.rangeChunks()];
      int n = 0;
      starts[0] = chunks.offset();
      for (RecordChunks.Chunk chunk = chunks.next(settings.chunkBytes()); chunk != null;
          chunk = chunks.next(settings.chunkBytes())) {
        lines[n] = chunk.firstLine();
        starts[++n] = chunk.offset() + chunk.len();
        if (n == settings.rangeChunks()) {
          out.get(ReadDataset.RANGES).output(new FileRange(path, text.fields(), text.error(), starts.clone(), lines.clone()));
          starts[0] = starts[n];
          n = 0;
        }
      }
      if (n > 0) {
        out.get(ReadDataset.RANGES).output(
            new FileRange(path, text.fields(), text.error(), Arrays.copyOf(starts, n + 1), Arrays.copyOf(lines, n)));
      }
    }
  }
}
