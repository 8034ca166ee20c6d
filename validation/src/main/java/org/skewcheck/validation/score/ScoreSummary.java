package org.skewcheck.validation.score;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.skewcheck.validation.stats.ColumnStats;

/**
 * The mergeable score profile of one dataset: the distribution of the model's predictions, and
 * over the rows attributed (all, or a seeded sample), the sums of raw margins, of each prefix's
 * SHAP contributions and of the bias term — means are sums over {@link #attributedRows()}. Also
 * the largest difference between a recorded score and the recomputed one, and per feature the
 * values past float's range that the model had to take as missing.
 *
 * <pre>{@code
 * ScoreSummary s = new ScoreSummary();
 * s.addScore(0.7);
 * s.addAttribution(1, 1.2, Map.of("LG", 0.9, "IQ", 0.1), 0.2);
 * }</pre>
 */
public final class ScoreSummary {
  private final ColumnStats scores = new ColumnStats();
  private final Map<String, Double> contributions = new TreeMap<>();
  private long attributedRows;
  private double marginSum;
  private double biasSum;
  private long recordedRows;
  private double maxRecordedDiff;
  private final Map<String, Long> beyondFloat = new TreeMap<>();

  /** Adds one row's prediction. */
  public void addScore(double score) {
    scores.add(score);
  }

  /**
   * Adds {@code rows} attributed rows: the sum of their raw margins, of each prefix's contributions,
   * and of their bias terms.
   */
  public void addAttribution(long rows, double marginSum, Map<String, Double> contributionSums, double biasSum) {
    attributedRows += rows;
    this.marginSum += marginSum;
    this.biasSum += biasSum;
    contributionSums.forEach((prefix, c) -> contributions.merge(prefix, c, Double::sum));
  }

  /** Adds one row whose recorded score was compared with the recomputed one. */
  public void addRecorded(double recorded, double recomputed) {
    recordedRows++;
    maxRecordedDiff = Math.max(maxRecordedDiff, Math.abs(recorded - recomputed));
  }

  /**
   * Adds {@code values} values of {@code feature} that are finite doubles but beyond float's range
   * (|x| > 3.4e38), which the model took as missing.
   */
  public void addBeyondFloat(String feature, long values) {
    beyondFloat.merge(feature, values, Long::sum);
  }

  /** Folds {@code other} into this one; {@code other} must not be this. */
  public void merge(ScoreSummary other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a ScoreSummary into itself");
    }
    scores.merge(other.scores);
    attributedRows += other.attributedRows;
    marginSum += other.marginSum;
    biasSum += other.biasSum;
    other.contributions.forEach((prefix, c) -> contributions.merge(prefix, c, Double::sum));
    recordedRows += other.recordedRows;
    maxRecordedDiff = Math.max(maxRecordedDiff, other.maxRecordedDiff);
    other.beyondFloat.forEach(this::addBeyondFloat);
  }

  public ColumnStats scores() {
    return scores;
  }

  public long attributedRows() {
    return attributedRows;
  }

  /** Mean raw margin over the attributed rows; NaN when there are none. */
  public double meanMargin() {
    return attributedRows == 0 ? Double.NaN : marginSum / attributedRows;
  }

  /** Mean bias term over the attributed rows; NaN when there are none. */
  public double meanBias() {
    return attributedRows == 0 ? Double.NaN : biasSum / attributedRows;
  }

  /** Mean contribution of each prefix over the attributed rows, by prefix. */
  public Map<String, Double> meanContributions() {
    Map<String, Double> means = new TreeMap<>();
    contributions.forEach((prefix, sum) -> means.put(prefix, sum / attributedRows));
    return Collections.unmodifiableMap(means);
  }

  public long recordedRows() {
    return recordedRows;
  }

  /** The largest |recorded − recomputed| score; 0 when nothing was compared. */
  public double maxRecordedDiff() {
    return maxRecordedDiff;
  }

  /** Per feature, the values beyond float's range that were scored as missing; only features with some. */
  public Map<String, Long> beyondFloat() {
    return Collections.unmodifiableMap(beyondFloat);
  }

  public void writeTo(DataOutput out) throws IOException {
    scores.writeTo(out);
    out.writeLong(attributedRows);
    out.writeDouble(marginSum);
    out.writeDouble(biasSum);
    out.writeInt(contributions.size());
    for (Map.Entry<String, Double> e : contributions.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
    }
    out.writeLong(recordedRows);
    out.writeDouble(maxRecordedDiff);
    out.writeInt(beyondFloat.size());
    for (Map.Entry<String, Long> e : beyondFloat.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  public static ScoreSummary readFrom(DataInput in) throws IOException {
    ScoreSummary s = new ScoreSummary();
    s.scores.merge(ColumnStats.readFrom(in));
    s.attributedRows = in.readLong();
    s.marginSum = in.readDouble();
    s.biasSum = in.readDouble();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      s.contributions.put(in.readUTF(), in.readDouble());
    }
    s.recordedRows = in.readLong();
    s.maxRecordedDiff = in.readDouble();
    int beyond = in.readInt();
    for (int i = 0; i < beyond; i++) {
      s.beyondFloat.put(in.readUTF(), in.readLong());
    }
    return s;
  }
}
