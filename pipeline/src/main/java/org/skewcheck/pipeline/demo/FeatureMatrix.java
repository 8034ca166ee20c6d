package org.skewcheck.pipeline.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated CSV as a dense row-major float matrix, for the demo's model tools: every column but
 * the unnamed id and the label is a feature; empty cells are NaN.
 */
record FeatureMatrix(List<String> features, int rows, float[] values, float[] labels) {

  static FeatureMatrix read(Path csv, String label) throws IOException {
    List<String> features = new ArrayList<>();
    List<Integer> featureFields = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    List<Float> labels = new ArrayList<>();
    int labelIndex = -1;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      for (CsvRecord r : reader) {
        if (featureFields.isEmpty()) {
          for (int i = 1; i < r.getFieldCount(); i++) {
            if (r.getField(i).equals(label)) {
              labelIndex = i;
            } else {
              features.add(r.getField(i));
              featureFields.add(i);
            }
          }
          if (labelIndex < 0) {
            throw new IllegalArgumentException(csv + " has no column " + label);
          }
          continue;
        }
        float[] row = new float[featureFields.size()];
        for (int j = 0; j < row.length; j++) {
          String cell = r.getField(featureFields.get(j));
          row[j] = cell.isEmpty() ? Float.NaN : Float.parseFloat(cell);
        }
        rows.add(row);
        labels.add(Float.parseFloat(r.getField(labelIndex)));
      }
    }
    int nf = features.size();
    float[] values = new float[rows.size() * nf];
    float[] y = new float[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, values, i * nf, nf);
      y[i] = labels.get(i);
    }
    return new FeatureMatrix(features, rows.size(), values, y);
  }
}
