package org.skewcheck.transforms;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.Dataset;

/**
 * Scores row blocks with an XGBoost model, one {@code DMatrix} per block, and attributes each
 * prediction to prefixes with SHAP contributions ({@code predictContrib}).
 *
 * <p>{@link #SUMMARIES} gets one partial {@link ScoreSummary} per block keyed by dataset (combine
 * them with {@link CombineScoreSummaries}); {@link #SCORES} gets the ids and scores of each predict
 * block's rows.
 * The model is loaded once per DoFn instance in {@code @Setup}, from any Beam path, with one native
 * thread, and disposed in {@code @Teardown}; it is never a serialized field. Missing and
 * non-numeric cells, and features a block lacks, are passed as NaN: XGBoost's missing value.
 *
 * <pre>{@code
 * PCollectionTuple scored = blocks.apply("ScoreWithXgboost",
 *     ScoreWithXgboost.withModel("gs://models/m.json", featureOrder).withPrefixes(rules));
 * }</pre>
 */
public final class ScoreWithXgboost extends PTransform<PCollection<RowBlock>, PCollectionTuple> {
  public static final TupleTag<KV<String, ScoreSummary>> SUMMARIES = new TupleTag<>() {};
  public static final TupleTag<ScoredRows> SCORES = new TupleTag<>() {};
  /** At most this many cells in one DMatrix (64 MiB of floats); a bigger block is scored in row batches. */
  static final int MAX_MATRIX_CELLS = 1 << 24;

  /** What the DoFn needs: plain serializable values, validated once. */
  record Settings(String modelPath, List<String> features, PrefixRules rules, String recordedScore,
      double trainSample, long seed) implements Serializable {
    Settings {
      if (modelPath == null || modelPath.isBlank()) {
        throw new IllegalArgumentException("a model path is required");
      }
      if (features.isEmpty()) {
        throw new IllegalArgumentException("the feature order is empty");
      }
      if (!(trainSample > 0 && trainSample <= 1)) {
        throw new IllegalArgumentException("the train attribution sample must be in (0, 1], got " + trainSample);
      }
      features = List.copyOf(features);
    }
  }

  private final Settings settings;

  private ScoreWithXgboost(Settings settings) {
    this.settings = settings;
  }

  /** Scores with the model at {@code modelPath}, whose features are {@code features} in this order. */
  public static ScoreWithXgboost withModel(String modelPath, List<String> features) {
    return new ScoreWithXgboost(new Settings(modelPath, features, PrefixRules.defaults(), null, 1.0, 0));
  }

  /** Attributes contributions to the prefixes these rules give. */
  public ScoreWithXgboost withPrefixes(PrefixRules prefixRules) {
    Settings s = settings;
    return new ScoreWithXgboost(
        new Settings(s.modelPath(), s.features(), prefixRules, s.recordedScore(), s.trainSample(), s.seed()));
  }

  /** Compares the scores with the predict column {@code column}, the score recorded at prediction time. */
  public ScoreWithXgboost withRecordedScore(String column) {
    Settings s = settings;
    return new ScoreWithXgboost(
        new Settings(s.modelPath(), s.features(), s.rules(), column, s.trainSample(), s.seed()));
  }

  /** Attributes only a seeded sample of about this fraction of train rows (chosen by row id). */
  public ScoreWithXgboost withTrainAttributionSample(double fraction, long sampleSeed) {
    Settings s = settings;
    return new ScoreWithXgboost(
        new Settings(s.modelPath(), s.features(), s.rules(), s.recordedScore(), fraction, sampleSeed));
  }

  @Override
  public PCollectionTuple expand(PCollection<RowBlock> blocks) {
    PCollectionTuple out = blocks.apply("PredictAndContrib",
        ParDo.of(new ScoreFn(settings))
            .withOutputTags(SUMMARIES, TupleTagList.of(SCORES)));
    out.get(SUMMARIES).setCoder(KvCoder.of(StringUtf8Coder.of(), ScoreSummaryCoder.of()));
    out.get(SCORES).setCoder(ScoredRows.Coder.of());
    return out;
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("model", settings.modelPath()))
        .add(DisplayData.item("features", settings.features().size()).withLabel("model features"))
        .add(DisplayData.item("prefixRules", settings.rules().rules().size()))
        .addIfNotNull(DisplayData.item("recordedScore", settings.recordedScore()))
        .add(DisplayData.item("trainAttributionSample", settings.trainSample()))
        .add(DisplayData.item("sampleSeed", settings.seed()))
        .add(DisplayData.item("maxMatrixCells", MAX_MATRIX_CELLS).withLabel("cells per DMatrix at most"));
  }

  static final class ScoreFn extends DoFn<RowBlock, KV<String, ScoreSummary>> {
    private final Settings settings;
    private final Counter rowsScored = Metrics.counter(ScoreWithXgboost.class, "rowsScored");
    private final Counter valuesBeyondFloat = Metrics.counter(ScoreWithXgboost.class, "valuesBeyondFloat");
    private transient Booster booster;
    private transient Map<String, Integer> featureIndex;
    private transient String[] prefixOfFeature;

    ScoreFn(Settings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      booster = XgboostModel.load(settings.modelPath());
      featureIndex = new HashMap<>();
      prefixOfFeature = new String[settings.features().size()];
      for (int f = 0; f < settings.features().size(); f++) {
        featureIndex.put(settings.features().get(f), f);
        prefixOfFeature[f] = settings.rules().prefixOf(settings.features().get(f));
      }
    }

    @Teardown
    public void teardown() {
      if (booster != null) {
        booster.dispose();
        booster = null;
      }
    }

    @ProcessElement
    public void process(@Element RowBlock block, MultiOutputReceiver out) throws XGBoostError {
      if (block.rowIds().length != block.rows()) {
        throw new IllegalStateException(block + " has no row ids: read it withBlocks(true) to score it");
      }
      int nf = settings.features().size();
      // A narrow block under a wide model: rows x features could pass an int, or several GB.
      int batchRows = Math.max(1, MAX_MATRIX_CELLS / nf);
      ScoreSummary summary = new ScoreSummary();
      boolean[] attributed = attributedRows(block);
      double[] scores = new double[block.rows()];
      for (int from = 0; from < block.rows(); from += batchRows) {
        score(block, from, Math.min(block.rows(), from + batchRows), attributed, summary, scores);
      }
      if (block.dataset().equals(Dataset.PREDICT.label())) {
        out.get(SCORES).output(new ScoredRows(block.rowIds(), scores));
      }
      rowsScored.inc(block.rows());
      out.get(SUMMARIES).output(KV.of(block.dataset(), summary));
    }

    /** Scores rows {@code [from, to)} of a block as one DMatrix, into {@code scores} at the rows' places. */
    private void score(RowBlock block, int from, int to, boolean[] attributed, ScoreSummary summary,
        double[] scores) throws XGBoostError {
      int blockRows = block.rows();
      int rows = to - from;
      int nf = settings.features().size();
      float[] matrix = new float[rows * nf];
      Arrays.fill(matrix, Float.NaN);
      String[] columns = block.columns();
      double[] values = block.values();
      int recorded = -1;
      long beyondFloat = 0;
      for (int c = 0; c < columns.length; c++) {
        Integer f = featureIndex.get(columns[c]);
        if (f != null) {
          long beyondBefore = beyondFloat;
          for (int r = 0; r < rows; r++) {
            float v = (float) values[c * blockRows + from + r];
            // a finite double past float's range is infinite as a float, which XGBoost refuses: missing
            if (Float.isInfinite(v)) {
              v = Float.NaN;
              beyondFloat++;
            }
            matrix[r * nf + f] = v;
          }
          if (beyondFloat > beyondBefore) {
            summary.addBeyondFloat(columns[c], beyondFloat - beyondBefore);
          }
        }
        if (columns[c].equals(settings.recordedScore())) {
          recorded = c;
        }
      }
      valuesBeyondFloat.inc(beyondFloat);
      DMatrix dm = new DMatrix(matrix, rows, nf, Float.NaN);
      try {
        float[][] predictions = booster.predict(dm);
        float[][] margins = booster.predict(dm, true);
        float[][] contributions = booster.predictContrib(dm, 0);
        Map<String, Double> sums = new HashMap<>();
        double marginSum = 0;
        double biasSum = 0;
        long attributedCount = 0;
        for (int r = 0; r < rows; r++) {
          int row = from + r;
          double score = predictions[r][0];
          scores[row] = score;
          summary.addScore(score);
          if (recorded >= 0 && !Double.isNaN(values[recorded * blockRows + row])) {
            summary.addRecorded(values[recorded * blockRows + row], score);
          }
          if (attributed[row]) {
            attributedCount++;
            marginSum += margins[r][0];
            biasSum += contributions[r][nf];
            for (int f = 0; f < nf; f++) {
              sums.merge(prefixOfFeature[f], (double) contributions[r][f], Double::sum);
            }
          }
        }
        summary.addAttribution(attributedCount, marginSum, sums, biasSum);
      } finally {
        dm.dispose();
      }
    }

    /** All predict rows; train rows whose seeded id hash falls in the sample fraction. */
    private boolean[] attributedRows(RowBlock block) {
      boolean[] in = new boolean[block.rows()];
      boolean all = settings.trainSample() >= 1 || !block.dataset().equals(Dataset.TRAIN.label());
      for (int r = 0; r < in.length; r++) {
        in[r] = all || unitHash(block.rowIds()[r]) < settings.trainSample();
      }
      return in;
    }

    private double unitHash(String id) {
      long h = id.hashCode() * 0x9E3779B97F4A7C15L ^ settings.seed();
      h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
      h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
      h ^= h >>> 31;
      return (h >>> 11) * 0x1.0p-53;
    }
  }
}
