package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.PrefixBlock;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Generated {@link PrefixBlock}s of one prefix (fixed seed) and a matcher that checks a {@link
 * PrefixStats} against figures computed independently, straight from the blocks' cells.
 */
final class PrefixStatsFixtures {
  /** Flag and level columns stay in exact-counts mode; amount and (usually) sparse go to the sketch. */
  static final List<String> COLUMNS = List.of("WI_flag", "WI_level", "WI_amount", "WI_note", "WI_sparse");

  private PrefixStatsFixtures() {}

  /**
   * {@code count} blocks of 0 to 30 rows, each with a random non-empty subset of {@link #COLUMNS}
   * in random order; about 10% of cells missing, text cells in WI_note, zeros and -0.0 in
   * WI_sparse, one block with no rows and every tenth block all missing.
   */
  static List<PrefixBlock> generate(long seed, int count) {
    Random rnd = new Random(seed);
    List<PrefixBlock> blocks = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<String> shuffled = new ArrayList<>(COLUMNS);
      Collections.shuffle(shuffled, rnd);
      String[] names = shuffled.subList(0, 1 + rnd.nextInt(shuffled.size())).toArray(String[]::new);
      int rows = b == 7 ? 0 : 1 + rnd.nextInt(30);
      double missingRate = b % 10 == 3 ? 1.0 : 0.1;
      double[] values = new double[names.length * rows];
      List<Integer> textIndex = new ArrayList<>();
      List<String> text = new ArrayList<>();
      for (int c = 0; c < names.length; c++) {
        for (int r = 0; r < rows; r++) {
          int cell = c * rows + r;
          if (rnd.nextDouble() < missingRate) {
            values[cell] = Double.NaN;
            continue;
          }
          switch (names[c]) {
            case "WI_flag" -> values[cell] = rnd.nextDouble() < 0.3 ? 1 : 0;
            case "WI_level" -> values[cell] = rnd.nextInt(6);
            case "WI_amount" -> values[cell] = 100 + 15 * rnd.nextGaussian();
            case "WI_note" -> {
              if (rnd.nextDouble() < 0.3) {
                values[cell] = Double.NaN;
                textIndex.add(cell);
                text.add("note " + b + "/" + r);
              } else {
                values[cell] = rnd.nextInt(3) - 1;
              }
            }
            case "WI_sparse" -> values[cell] = rnd.nextDouble() < 0.8
                ? (rnd.nextBoolean() ? 0.0 : -0.0)
                : 1 + rnd.nextInt(1000);
            default -> throw new AssertionError(names[c]);
          }
        }
      }
      blocks.add(new PrefixBlock(names, rows, values, textIndex.stream().mapToInt(Integer::intValue).toArray(),
          text.toArray(String[]::new)));
    }
    return blocks;
  }

  /** One column's figures, computed directly from cells (two-pass variance). */
  record ColumnFigures(long count, long zeros, long nonNumeric, double min, double max, double mean,
      double stddev, double median, Map<Double, Long> valueCounts) {}

  /** The whole prefix's figures. */
  record Figures(Map<String, ColumnFigures> columns, long rows, long rowsAnyPresent, long rowsAnyNonZero) {}

  static Figures figuresOf(List<PrefixBlock> blocks) {
    Map<String, List<Double>> numbers = new TreeMap<>();
    Map<String, Long> texts = new TreeMap<>();
    long rows = 0;
    long anyPresent = 0;
    long anyNonZero = 0;
    for (PrefixBlock b : blocks) {
      int n = b.rows();
      boolean[] present = new boolean[n];
      boolean[] nonZero = new boolean[n];
      for (int c = 0; c < b.columns().length; c++) {
        String name = b.columns()[c];
        List<Double> list = numbers.computeIfAbsent(name, k -> new ArrayList<>());
        texts.putIfAbsent(name, 0L);
        for (int r = 0; r < n; r++) {
          double v = b.values()[c * n + r];
          if (Double.isNaN(v)) {
            continue;
          }
          list.add(v);
          present[r] = true;
          nonZero[r] |= v != 0;
        }
      }
      for (int cell : b.textIndex()) {
        texts.merge(b.columns()[cell / n], 1L, Long::sum);
        present[cell % n] = true;
      }
      rows += n;
      for (int r = 0; r < n; r++) {
        anyPresent += present[r] ? 1 : 0;
        anyNonZero += nonZero[r] ? 1 : 0;
      }
    }
    Map<String, ColumnFigures> columns = new TreeMap<>();
    numbers.forEach((name, list) -> columns.put(name, columnFigures(list, texts.get(name))));
    return new Figures(columns, rows, anyPresent, anyNonZero);
  }

  private static ColumnFigures columnFigures(List<Double> list, long nonNumeric) {
    int n = list.size();
    double[] xs = list.stream().mapToDouble(Double::doubleValue).map(x -> x == 0 ? 0.0 : x).toArray();
    Arrays.sort(xs);
    double sum = 0;
    long zeros = 0;
    Map<Double, Long> counts = new LinkedHashMap<>();
    for (double x : xs) {
      sum += x;
      zeros += x == 0 ? 1 : 0;
      counts.merge(x, 1L, Long::sum);
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    double stddev = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
    double median = n == 0 ? Double.NaN : xs[(int) Math.ceil(0.5 * n) - 1];
    return new ColumnFigures(n, zeros, nonNumeric, n == 0 ? Double.NaN : xs[0], n == 0 ? Double.NaN : xs[n - 1],
        mean, stddev, median, counts);
  }

  /**
   * Matches a {@link PrefixStats} whose figures are those of {@code blocks}: per column count,
   * zeros, non-numeric, min and max exactly, mean and stddev to 1e-9 relative; exact value counts
   * while a column has at most 16 distinct values (else the sketch, whose median must be within 3%
   * rank); and the row-level counts.
   */
  static Matcher<PrefixStats> hasFiguresOf(List<PrefixBlock> blocks) {
    Figures expected = figuresOf(blocks);
    return new TypeSafeDiagnosingMatcher<>() {
      @Override
      public void describeTo(Description d) {
        d.appendText("PrefixStats with the figures of " + blocks.size() + " blocks: rows=" + expected.rows()
            + ", rowsAnyPresent=" + expected.rowsAnyPresent() + ", rowsAnyNonZero=" + expected.rowsAnyNonZero()
            + ", columns=" + expected.columns().keySet());
      }

      @Override
      protected boolean matchesSafely(PrefixStats actual, Description mismatch) {
        List<String> problems = new ArrayList<>();
        check(problems, "rows", expected.rows(), actual.rows());
        check(problems, "rowsAnyPresent", expected.rowsAnyPresent(), actual.rowsAnyPresent());
        check(problems, "rowsAnyNonZero", expected.rowsAnyNonZero(), actual.rowsAnyNonZero());
        check(problems, "columns", new TreeSet<>(expected.columns().keySet()),
            new TreeSet<>(actual.columns().keySet()));
        expected.columns().forEach((name, e) -> {
          ColumnStats a = actual.columns().get(name);
          if (a != null) {
            checkColumn(problems, name, e, a);
          }
        });
        if (!problems.isEmpty()) {
          mismatch.appendText(String.join("; ", problems));
        }
        return problems.isEmpty();
      }
    };
  }

  private static void checkColumn(List<String> problems, String name, ColumnFigures e, ColumnStats a) {
    check(problems, name + ".count", e.count(), a.count());
    check(problems, name + ".zeros", e.zeros(), a.zeros());
    check(problems, name + ".nonNumeric", e.nonNumeric(), a.nonNumeric());
    checkExact(problems, name + ".min", e.min(), a.min());
    checkExact(problems, name + ".max", e.max(), a.max());
    checkClose(problems, name + ".mean", e.mean(), a.mean());
    checkClose(problems, name + ".stddev", e.stddev(), a.stddev());
    if (e.valueCounts().size() <= 16) {
      check(problems, name + ".distinctNumeric", e.valueCounts().size(), a.distinctNumeric());
      e.valueCounts().forEach((v, n) -> checkExact(problems, name + ".countOf(" + v + ")", n, a.countOf(v)));
      checkExact(problems, name + ".median", e.median(), a.quantile(0.5));
    } else {
      check(problems, name + ".distinctNumeric", -1, a.distinctNumeric());
      // a median: at most half (give or take the sketch's error) below it, at least half at or below it
      double median = a.quantile(0.5);
      double below = share(e, x -> x < median);
      double atOrBelow = share(e, x -> x <= median);
      if (below > 0.53 || atOrBelow < 0.47) {
        problems.add(name + ".median " + median + " has " + below + " below and " + atOrBelow + " at or below it");
      }
    }
  }

  private static double share(ColumnFigures e, java.util.function.DoublePredicate which) {
    return e.valueCounts().entrySet().stream().filter(x -> which.test(x.getKey()))
        .mapToLong(Map.Entry::getValue).sum() / (double) e.count();
  }

  private static void check(List<String> problems, String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      problems.add(what + " expected " + expected + " but was " + actual);
    }
  }

  private static void checkExact(List<String> problems, String what, double expected, double actual) {
    if (!(expected == actual || Double.isNaN(expected) && Double.isNaN(actual))) {
      problems.add(what + " expected " + expected + " but was " + actual);
    }
  }

  private static void checkClose(List<String> problems, String what, double expected, double actual) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      checkExact(problems, what, expected, actual);
    } else if (Math.abs(expected - actual) > 1e-9 * Math.abs(expected) + 1e-12) {
      problems.add(what + " expected " + expected + " but was " + actual);
    }
  }
}
