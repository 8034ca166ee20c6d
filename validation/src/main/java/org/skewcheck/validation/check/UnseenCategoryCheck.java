package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.CategoricalDrift;
import org.skewcheck.validation.stats.Categories.ValueCount;
import org.skewcheck.validation.stats.ColumnStats;

/**
 * Values of a categorical column that predict has and train never had: the model never saw them.
 *
 * <p>"Never had" must be provable, so a column is checked only while train's value counts are exact
 * (at most {@link org.skewcheck.validation.stats.Categories#EXACT_VALUES} distinct values; a sketch
 * past that may have dropped a rare value). Any such value is an {@code info} finding naming the
 * values and their predict counts. A column with a long tail meets new values by chance, so the
 * finding becomes a {@code warning} only when that many predict values being new is unlikely: the
 * binomial tail of k new values among n at train's Good-Turing rate of new values (the share of
 * train values seen exactly once, add-½ smoothed), Benjamini-Hochberg-adjusted over the columns
 * checked, below {@code unseenCategories.alpha}. It is an {@code error} when, in addition, the new
 * values are at least {@code unseenCategories.errorShare} of predict's present values.
 *
 * <p>It checks the categorical columns the comparison drift-tested ({@link Comparison#columnDrift()}):
 * features in both datasets that are not id-like.
 *
 * <pre>{@code
 * List<Finding> f = new UnseenCategoryCheck().check(comparison);
 * }</pre>
 */
public final class UnseenCategoryCheck implements ProfileCheck {
  private static final int VALUES_SHOWN = 10;

  @Override
  public List<Finding> check(Comparison comparison) {
    SkewConfig.UnseenCategories thresholds = comparison.config().unseenCategories();
    List<String> names = new ArrayList<>();
    List<Unseen> unseen = new ArrayList<>();
    comparison.columnDrift().forEach((name, drift) -> {
      ColumnStats tc = comparison.columns().get(name).train();
      ColumnStats pc = comparison.columns().get(name).predict();
      if (drift instanceof CategoricalDrift && tc.valuesExact() && pc.present() > 0) {
        names.add(name);
        unseen.add(Unseen.of(tc, pc));
      }
    });
    double[] adjusted = Statistics.benjaminiHochberg(unseen.stream().mapToDouble(Unseen::probability).toArray());
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (!unseen.get(i).values.isEmpty()) {
        findings.add(finding(thresholds, names.get(i), unseen.get(i), adjusted[i]));
      }
    }
    return findings;
  }

  private static Finding finding(SkewConfig.UnseenCategories thresholds, String name, Unseen u, double adjusted) {
    double share = (double) u.count / u.predictN;
    Severity severity = !(adjusted < thresholds.alpha()) ? Severity.INFO
        : share >= thresholds.errorShare() ? Severity.ERROR : Severity.WARNING;
    String shown = u.values.stream().limit(VALUES_SHOWN).map(v -> "'" + v.value() + "' (" + v.count() + ")")
        .collect(Collectors.joining(", ")) + (u.values.size() > VALUES_SHOWN ? ", ..." : "");
    String message = String.format(Locale.ROOT,
        "%s: %d value%s train never had, in %d of %d predict values (%.1f%%): %s; chance of that many at train's"
            + " new-value rate %.2g: p=%.2g (adjusted %.2g)", name, u.values.size(), u.values.size() == 1 ? "" : "s",
        u.count, u.predictN, 100 * share, shown, u.rate, u.probability, adjusted);
    Figures figures = new Figures();
    figures.put("values", u.values.stream().limit(VALUES_SHOWN).map(ValueCount::value).collect(Collectors.joining(",")));
    figures.put("unseenValues", u.values.size());
    figures.put("predictCount", u.count);
    figures.put("predictFraction", share);
    figures.put("predictN", u.predictN);
    figures.put("trainN", u.trainN);
    figures.put("newValueRate", u.rate);
    figures.probability(u.probability, adjusted);
    return new Finding(Check.UNSEEN_CATEGORIES, Scope.COLUMN, name, severity, message, figures);
  }

  /** Predict's values absent from train (most frequent first), their total count, and how likely that is. */
  private record Unseen(List<ValueCount> values, long count, long predictN, long trainN, double rate,
      double probability) {
    static Unseen of(ColumnStats train, ColumnStats predict) {
      List<ValueCount> trainValues = train.topValues(Integer.MAX_VALUE);
      long singletons = trainValues.stream().filter(v -> v.count() == 1).count();
      List<ValueCount> values = predict.topValues(Integer.MAX_VALUE).stream()
          .filter(v -> train.countOfCategory(v.value()) == 0).toList();
      long n = predict.present();
      long count = Math.min(n, values.stream().mapToLong(ValueCount::count).sum());
      double rate = Statistics.smoothedRate(singletons, train.present());
      double probability = count > rate * n ? Statistics.binomialTail(count, n, rate, true) : 1.0;
      return new Unseen(values, count, n, train.present(), rate, probability);
    }
  }
}
