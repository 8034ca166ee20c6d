package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Duplicates;

/**
 * The duplicate checks, on the repeats counted while reading ({@link Comparison#duplicates}). Where
 * the config declares rows unique ({@code rowsUnique} or a {@code uniqueKey}), any repeated row is a
 * warning; a repeated key is always an error. Otherwise repeats happen by nature, and the paired
 * check asks: do the rows of one dataset repeat each other more than the other's do?
 *
 * <p>A duplicate is a row equal to an earlier row of the same dataset, so the rate d / n of a
 * sample grows with its size n even when both come from one distribution: n draws give n − E[distinct]
 * repeats, and E[distinct] is concave in n, so the expected rate never falls as n grows. Only one
 * direction is then a fair test: the smaller dataset (predict when sizes are equal) repeating more
 * than the larger. Its count is tested with Fisher's exact test, one-sided: the smaller dataset's
 * repeats among all the repeats of both, a hypergeometric tail given the row and repeat totals. At
 * equal rates that is exact; where the smaller sample's natural rate is lower, it is conservative.
 * A finding (a warning) needs the probability below {@code duplicates.alpha} and the rate at least
 * {@code duplicates.minChange} above the other's.
 *
 * <pre>{@code
 * List<Finding> found = new DuplicateCheck().check(comparison.withDuplicates(perDataset));
 * }</pre>
 */
public final class DuplicateCheck implements ProfileCheck {
  @Override
  public List<Finding> check(Comparison comparison) {
    SkewConfig config = comparison.config();
    DatasetProfile train = comparison.train();
    DatasetProfile predict = comparison.predict();
    Duplicates t = comparison.duplicates(train.name());
    Duplicates p = comparison.duplicates(predict.name());
    boolean declaredUnique = config.rowsUnique() || !config.uniqueKey().isEmpty();
    List<Finding> out = new ArrayList<>();
    if (!declaredUnique && t != null && p != null) {
      out.addAll(paired(config.duplicates(), train, predict, t.rows(), p.rows()));
    }
    for (String dataset : List.of(train.name(), predict.name())) {
      Duplicates d = comparison.duplicates(dataset);
      if (d == null) {
        continue;
      }
      if (declaredUnique && d.rows() > 0) {
        out.add(new Finding(Check.DUPLICATE_ROWS, Scope.DATASET, dataset, Severity.WARNING,
            dataset + ": " + d.rows() + " rows repeat an earlier row in every column",
            Map.of("duplicateRows", d.rows())));
      }
      if (d.keys() != null && d.keys() > 0) {
        out.add(new Finding(Check.UNIQUE_KEY, Scope.DATASET, dataset, Severity.ERROR,
            dataset + ": the key " + config.uniqueKey() + " is not unique: " + d.keys() + " rows repeat an earlier key",
            new Figures().put("duplicateKeys", d.keys()).put("key", String.join(",", config.uniqueKey()))));
      }
    }
    return out;
  }

  /** The paired finding, if any, for {@code trainRepeats} and {@code predictRepeats} rows repeating an earlier row. */
  private static List<Finding> paired(SkewConfig.Duplicates thresholds, DatasetProfile train, DatasetProfile predict,
      long trainRepeats, long predictRepeats) {
    if (train.rows() == 0 || predict.rows() == 0) {
      return List.of();
    }
    boolean predictSmaller = predict.rows() <= train.rows();
    DatasetProfile small = predictSmaller ? predict : train;
    DatasetProfile large = predictSmaller ? train : predict;
    long smallRepeats = predictSmaller ? predictRepeats : trainRepeats;
    long largeRepeats = predictSmaller ? trainRepeats : predictRepeats;
    double smallRate = (double) smallRepeats / small.rows();
    double largeRate = (double) largeRepeats / large.rows();
    if (smallRate - largeRate < thresholds.minChange()) {
      return List.of();
    }
    HypergeometricDistribution fisher = HypergeometricDistribution.of(Math.toIntExact(small.rows() + large.rows()),
        Math.toIntExact(smallRepeats + largeRepeats), Math.toIntExact(small.rows()));
    double probability = fisher.survivalProbability(Math.toIntExact(smallRepeats) - 1);
    if (probability >= thresholds.alpha()) {
      return List.of();
    }
    Figures figures = new Figures();
    figures.put("trainRate", (double) trainRepeats / train.rows());
    figures.put("predictRate", (double) predictRepeats / predict.rows());
    figures.put("trainN", train.rows());
    figures.put("predictN", predict.rows());
    figures.put("trainDuplicates", trainRepeats);
    figures.put("predictDuplicates", predictRepeats);
    figures.probability(probability);
    figures.put("heavierIn", small.name());
    String message = String.format(Locale.ROOT,
        "%s: %.3f of rows repeat an earlier row (%d of %d) vs %.3f in %s (%d of %d); P=%.2g (Fisher's exact test)",
        small.name(), smallRate, smallRepeats, small.rows(), largeRate, large.name(), largeRepeats, large.rows(),
        probability);
    return List.of(new Finding(Check.DUPLICATE_RATE, Scope.DATASET, small.name(), Severity.WARNING, message, figures));
  }
}
