package org.skewcheck.validation.check;

import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.DatasetProfile;

/**
 * The paired duplicate check: do the rows of one dataset repeat each other more than the other's
 * do? A duplicate is a row equal to an earlier row of the same dataset, so the rate d / n of a
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
 * List<Finding> found = new DuplicateCheck(config).run(train, predict, trainRepeats, predictRepeats);
 * }</pre>
 */
public final class DuplicateCheck {

  private final SkewConfig.Duplicates thresholds;

  public DuplicateCheck(SkewConfig config) {
    this.thresholds = config.duplicates();
  }

  /** The finding, if any, for {@code trainRepeats} and {@code predictRepeats} rows repeating an earlier row. */
  public List<Finding> run(DatasetProfile train, DatasetProfile predict, long trainRepeats, long predictRepeats) {
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
