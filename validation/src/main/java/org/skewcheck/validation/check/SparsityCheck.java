package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Numbers;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * The paired sparsity / constancy check: per column and per prefix, is the zero fraction, the
 * missing fraction or constant-ness in predict unlikely under train's rates?
 *
 * <p>Each test takes train's rate r (add-½ smoothed) and asks how probable the predict count is
 * for n predict draws: for "all n zero" that is (1 − r)ⁿ's complement form rⁿ with r the zero rate.
 * A change is flagged when the Benjamini-Hochberg-adjusted probability over all column tests is
 * below {@code alpha} and the fraction moved by at least {@code minChange}. A prefix is flagged
 * when its pooled row-level figures (among rows with a value in the family, those with no non-zero
 * value; among all rows, those with no value) are that unlikely, or when at least {@code
 * prefixColumnShare} of its testable columns are flagged. A finding is an error unless the config
 * declares the prefix expected-sparse / expected-constant in the dataset that is sparse or
 * constant; then it is info naming the declaration.
 *
 * <p>A prefix's rates are the comparison's {@link Comparison.PrefixRows}, and a column is constant
 * when its numbers are pinned to one non-zero value ({@link Comparison#pinnedValue}).
 *
 * <pre>{@code
 * List<Finding> f = new SparsityCheck().check(comparison);
 * }</pre>
 */
public final class SparsityCheck implements ProfileCheck {
  /** What is compared: the zero rate among numbers, the missing rate among rows, the rate of a constant value. */
  enum Kind {
    SPARSITY("zero fraction"), MISSING("missing fraction"), CONSTANCY("constant-value fraction");

    final String figure;

    Kind(String figure) {
      this.figure = figure;
    }

    Check check() {
      return this == SPARSITY ? Check.SPARSITY : this == MISSING ? Check.MISSING : Check.CONSTANCY;
    }
  }

  /** One binomial comparison of a predict count against train's rate. */
  record RateTest(Kind kind, String prefix, String target, long trainK, long trainN, long predictK, long predictN,
      double value, double probability, boolean testable, boolean largeEnough) {

    double trainFraction() {
      return (double) trainK / trainN;
    }

    double predictFraction() {
      return (double) predictK / predictN;
    }

    /** The dataset in which the rate is higher: the sparser, emptier, or more constant one. */
    Dataset heavierIn() {
      return predictFraction() > trainFraction() ? Dataset.PREDICT : Dataset.TRAIN;
    }

    static RateTest of(Kind kind, String prefix, String target, double trainK, long trainN, long predictK,
        long predictN, double value, SkewConfig.Sparsity thresholds) {
      double rate = Statistics.smoothedRate(trainK, trainN);
      double trainFraction = trainK / trainN;
      double predictFraction = (double) predictK / predictN;
      boolean upward = predictFraction > trainFraction;
      boolean canRise = Math.pow(rate, predictN) < thresholds.alpha() && 1 - trainFraction >= thresholds.minChange();
      boolean canFall = Math.pow(1 - rate, predictN) < thresholds.alpha() && trainFraction >= thresholds.minChange();
      boolean largeEnough = Math.abs(predictFraction - trainFraction) >= thresholds.minChange();
      // A change too small to be flagged keeps its place in the correction with p = 1: conservative,
      // and it spares thousands of incomplete-beta evaluations on a wide table.
      double probability = largeEnough ? Statistics.binomialTail(predictK, predictN, rate, upward) : 1.0;
      return new RateTest(kind, prefix, target, Math.round(trainK), trainN, predictK, predictN, value, probability,
          canRise || canFall, largeEnough);
    }
  }

  @Override
  public List<Finding> check(Comparison comparison) {
    DatasetProfile train = comparison.train();
    DatasetProfile predict = comparison.predict();
    if (train.rows() == 0 || predict.rows() == 0) {
      return List.of();
    }
    SkewConfig.Sparsity thresholds = comparison.config().sparsity();
    List<RateTest> columnTests = new ArrayList<>();
    List<RateTest> prefixTests = new ArrayList<>();
    for (Map.Entry<String, PrefixStats> e : train.prefixes().entrySet()) {
      PrefixStats p = predict.prefixes().get(e.getKey());
      if (p == null) {
        continue;
      }
      String prefix = e.getKey();
      PrefixStats t = e.getValue();
      t.columns().forEach((name, tc) -> {
        ColumnStats pc = p.columns().get(name);
        if (pc != null && comparison.features().contains(name)) {
          columnTests.addAll(columnTests(thresholds, prefix, name, tc, pc, train, predict));
        }
      });
      // Sparsity among the rows in which the family has a value at all, as a column's zero rate is
      // among its numbers: rows without the family are the missing test's, not zeros.
      Comparison.PrefixRows tr = comparison.prefixRows(train, prefix);
      Comparison.PrefixRows pr = comparison.prefixRows(predict, prefix);
      if (tr.withValue() > 0 && pr.withValue() > 0) {
        prefixTests.add(RateTest.of(Kind.SPARSITY, prefix, prefix, tr.zeroRows(), tr.withValue(), pr.zeroRows(),
            pr.withValue(), Double.NaN, thresholds));
      }
      prefixTests.add(RateTest.of(Kind.MISSING, prefix, prefix, tr.withoutValue(), tr.rows(), pr.withoutValue(),
          pr.rows(), Double.NaN, thresholds));
    }
    Declarations declarations = new Declarations(comparison.config());
    double[] columnAdjusted = adjust(columnTests);
    double[] prefixAdjusted = adjust(prefixTests);

    List<Finding> findings = new ArrayList<>();
    Map<String, Map<Kind, List<RateTest>>> flaggedByPrefix = new TreeMap<>();
    Map<String, Map<Kind, Integer>> testableByPrefix = new TreeMap<>();
    for (int i = 0; i < columnTests.size(); i++) {
      RateTest t = columnTests.get(i);
      if (t.testable()) {
        testableByPrefix.computeIfAbsent(t.prefix(), k -> new TreeMap<>()).merge(t.kind(), 1, Integer::sum);
      }
      if (flagged(thresholds, t, columnAdjusted[i])) {
        findings.add(columnFinding(declarations, t, columnAdjusted[i]));
        flaggedByPrefix.computeIfAbsent(t.prefix(), k -> new TreeMap<>())
            .computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(t);
      }
    }
    Map<String, Map<Kind, RateTest>> pooled = new TreeMap<>();
    Map<String, Map<Kind, Double>> pooledAdjusted = new TreeMap<>();
    for (int i = 0; i < prefixTests.size(); i++) {
      RateTest t = prefixTests.get(i);
      pooled.computeIfAbsent(t.prefix(), k -> new TreeMap<>()).put(t.kind(), t);
      pooledAdjusted.computeIfAbsent(t.prefix(), k -> new TreeMap<>()).put(t.kind(), prefixAdjusted[i]);
    }
    for (String prefix : pooled.keySet()) {
      for (Kind kind : Kind.values()) {
        RateTest pooledTest = pooled.get(prefix).get(kind);
        double adjusted = pooledAdjusted.get(prefix).getOrDefault(kind, 1.0);
        boolean pooledFlag = pooledTest != null && flagged(thresholds, pooledTest, adjusted);
        List<RateTest> flaggedColumns = flaggedByPrefix.getOrDefault(prefix, Map.of()).getOrDefault(kind, List.of());
        int testable = testableByPrefix.getOrDefault(prefix, Map.of()).getOrDefault(kind, 0);
        boolean shareFlag = testable > 0 && flaggedColumns.size() >= thresholds.prefixColumnShare() * testable
            && !flaggedColumns.isEmpty();
        if (pooledFlag || shareFlag) {
          findings.add(prefixFinding(declarations, prefix, kind, pooledFlag ? pooledTest : null, adjusted,
              flaggedColumns, testable));
        }
      }
    }
    return findings;
  }

  private static List<RateTest> columnTests(SkewConfig.Sparsity s, String prefix, String name, ColumnStats t,
      ColumnStats p, DatasetProfile train, DatasetProfile predict) {
    List<RateTest> tests = new ArrayList<>(3);
    if (t.count() > 0 && p.count() > 0) {
      tests.add(RateTest.of(Kind.SPARSITY, prefix, name, t.zeros(), t.count(), p.zeros(), p.count(), 0.0, s));
    }
    tests.add(RateTest.of(Kind.MISSING, prefix, name, train.missing(t), train.rows(), predict.missing(p),
        predict.rows(), Double.NaN, s));
    double predictPinned = Comparison.pinnedValue(p);
    double trainPinned = Comparison.pinnedValue(t);
    if (!Double.isNaN(predictPinned) && trainPinned != predictPinned) {
      tests.add(RateTest.of(Kind.CONSTANCY, prefix, name, t.countOf(predictPinned), t.count(), p.count(), p.count(),
          predictPinned, s));
    } else if (!Double.isNaN(trainPinned) && !(p.isConstant() && p.min() == trainPinned) && p.count() > 0) {
      tests.add(RateTest.of(Kind.CONSTANCY, prefix, name, t.count(), t.count(), Math.round(p.countOf(trainPinned)),
          p.count(), trainPinned, s));
    }
    return tests;
  }

  private static boolean flagged(SkewConfig.Sparsity thresholds, RateTest t, double adjusted) {
    return t.largeEnough() && adjusted < thresholds.alpha();
  }

  private static double[] adjust(List<RateTest> tests) {
    return Statistics.benjaminiHochberg(tests.stream().mapToDouble(RateTest::probability).toArray());
  }

  private static Finding columnFinding(Declarations declarations, RateTest t, double adjusted) {
    Dataset dataset = t.heavierIn();
    String declared = declaration(declarations, t.kind(), t.prefix(), dataset);
    String what = t.kind() == Kind.CONSTANCY ? t.kind().figure + " (value " + Numbers.plain(t.value()) + ")"
        : t.kind().figure;
    String message = String.format(Locale.ROOT, "%s: %s %.3f in predict (n=%d) vs %.3f in train (n=%d); P=%.2g under train's rate",
        t.target(), what, t.predictFraction(), t.predictN(), t.trainFraction(), t.trainN(), t.probability())
        + (declared == null ? "" : "; expected: " + declared);
    Figures figures = figures(t, adjusted, dataset, declared);
    return new Finding(t.kind().check(), Scope.COLUMN, t.target(),
        declared == null ? Severity.ERROR : Severity.INFO, message, figures);
  }

  private static Finding prefixFinding(Declarations declarations, String prefix, Kind kind, RateTest pooledTest,
      double adjusted, List<RateTest> flaggedColumns, int testable) {
    Dataset dataset = pooledTest != null ? pooledTest.heavierIn() : majorityDataset(flaggedColumns);
    String declared = declaration(declarations, kind, prefix, dataset);
    StringBuilder message = new StringBuilder(prefix).append(": ");
    Figures figures;
    if (pooledTest != null) {
      String rowsWhat = kind == Kind.MISSING ? "rows with no value" : "rows with values but no non-zero value";
      message.append(String.format(Locale.ROOT, "%s %.3f in predict (n=%d) vs %.3f in train (n=%d); P=%.2g under train's rate",
          rowsWhat, pooledTest.predictFraction(), pooledTest.predictN(), pooledTest.trainFraction(),
          pooledTest.trainN(), pooledTest.probability()));
      figures = figures(pooledTest, adjusted, dataset, declared);
    } else {
      message.append(kind.figure).append(" changed in ").append(flaggedColumns.size()).append(" columns");
      figures = new Figures();
      figures.put("heavierIn", dataset.label());
      figures.probability(flaggedColumns.stream().mapToDouble(RateTest::probability).min().orElse(1));
      if (declared != null) {
        figures.put("declared", declared);
      }
    }
    message.append(String.format(Locale.ROOT, "; %d of %d testable columns flagged", flaggedColumns.size(), testable));
    if (declared != null) {
      message.append("; expected: ").append(declared);
    }
    figures.put("flaggedColumns", flaggedColumns.size());
    figures.put("testableColumns", testable);
    return new Finding(kind.check(), Scope.PREFIX, prefix, declared == null ? Severity.ERROR : Severity.INFO,
        message.toString(), figures);
  }

  private static Figures figures(RateTest t, double adjusted, Dataset dataset, String declared) {
    Figures f = new Figures();
    f.put("trainFraction", t.trainFraction());
    f.put("predictFraction", t.predictFraction());
    f.put("trainN", t.trainN());
    f.put("predictN", t.predictN());
    if (!Double.isNaN(t.value())) {
      f.put("value", t.value());
    }
    f.probability(t.probability(), adjusted);
    f.put("heavierIn", dataset.label());
    if (declared != null) {
      f.put("declared", declared);
    }
    return f;
  }

  private static Dataset majorityDataset(List<RateTest> tests) {
    long predict = tests.stream().filter(t -> t.heavierIn() == Dataset.PREDICT).count();
    return predict * 2 >= tests.size() ? Dataset.PREDICT : Dataset.TRAIN;
  }

  /**
   * The declaration that makes this change expected, e.g. {@code expected.predict.constant}, or null.
   * A prefix pinned to constants in a dataset explains its zero and constant-value rates moving either
   * way (the pinned one-hot column goes dense while its siblings go all-zero); a sparse declaration
   * explains zeros and missing values in the dataset that is sparse.
   */
  private static String declaration(Declarations declarations, Kind kind, String prefix, Dataset heavierIn) {
    return declarations.explaining(prefix, heavierIn, (dataset, declared) -> declared.equals("constant")
        ? kind != Kind.MISSING
        : dataset == heavierIn && kind != Kind.CONSTANCY);
  }
}
