package org.skewcheck.pipeline.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's floor: one bare pass of the same CSV parser over the same files, touching every
 * field once, in one thread, with nothing profiled. Prints rows and cells read.
 *
 * <pre>ParseFloor FILE_OR_DIR...</pre>
 */
public final class ParseFloor {
  private ParseFloor() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".csv")).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    long start = System.nanoTime();
    long rows = 0;
    long cells = 0;
    long chars = 0;
    for (Path file : files) {
      try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
        boolean header = true;
        for (CsvRecord record : csv) {
          if (!header) {
            rows++;
          }
          header = false;
          for (String field : record.getFields()) {
            cells++;
            chars += field.length();
          }
        }
      }
    }
    System.out.printf("%d files, %d rows, %d cells (%d chars) parsed in %.3f s%n", files.size(), rows, cells, chars,
        (System.nanoTime() - start) / 1e9);
  }
}
