package org.skewcheck.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.skewcheck.transforms.DatasetFiles;

/**
 * Reads the model's expected feature order from a model-record CSV, the layout the Joot team
 * exports: a header with a {@code columns} column whose first row holds a JSON array of names, and
 * optionally a {@code targetY} column naming the label (which that array may list too).
 */
final class ModelRecord {
  private ModelRecord() {}

  /**
   * Where the config at {@code configPath} means its {@code expectedColumnsFrom: record} to be: a
   * relative path is taken from the config's folder, as a config next to its model record expects,
   * whether the config is a local file or on a bucket ({@code gs://b/configs/joot.yaml} and
   * {@code model.csv} give {@code gs://b/configs/model.csv}); an absolute path or one with a scheme
   * is kept as it is.
   */
  static String resolve(String configPath, String record) {
    if (record.contains("://") || Path.of(record).isAbsolute()) {
      return record;
    }
    return FileSystems.matchNewResource(configPath, false).getCurrentDirectory()
        .resolve(record, StandardResolveOptions.RESOLVE_FILE).toString();
  }

  /**
   * What a model record says about the columns.
   *
   * @param columns the expected columns, in the record's order
   * @param targetY the label the record names, or null when it names none
   */
  record Columns(List<String> columns, String targetY) {}

  static Columns read(String path) throws RunFailure {
    try (InputStream in = DatasetFiles.open(path);
        CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(in, StandardCharsets.UTF_8)) {
      Iterator<CsvRecord> records = csv.iterator();
      if (!records.hasNext()) {
        throw new RunFailure("model record " + path + " is empty");
      }
      List<String> header = records.next().getFields();
      int column = header.indexOf("columns");
      int target = header.indexOf("targetY");
      if (column < 0) {
        throw new RunFailure("model record " + path + " has no 'columns' column in its header (line 1)");
      }
      if (!records.hasNext()) {
        throw new RunFailure("model record " + path + " has a header but no record (line 2)");
      }
      CsvRecord record = records.next();
      if (column >= record.getFieldCount()) {
        throw new RunFailure("model record " + path + ": line " + record.getStartingLineNumber()
            + " has no 'columns' cell");
      }
      try {
        List<String> names = JsonMapper.builder().build()
            .readValue(record.getField(column), new TypeReference<List<String>>() {});
        if (names.isEmpty()) {
          throw new RunFailure("model record " + path + ": the 'columns' array on line "
              + record.getStartingLineNumber() + " is empty");
        }
        String targetY = target < 0 || target >= record.getFieldCount() || record.getField(target).isBlank() ? null
            : record.getField(target).strip();
        return new Columns(names, targetY);
      } catch (IOException e) {
        throw new RunFailure("model record " + path + ": the 'columns' cell on line " + record.getStartingLineNumber()
            + " is not a JSON array of names");
      }
    } catch (IOException e) {
      throw new RunFailure("cannot read model record " + path + ": " + e.getMessage());
    }
  }
}
