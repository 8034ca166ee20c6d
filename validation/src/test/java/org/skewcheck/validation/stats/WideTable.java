package org.skewcheck.validation.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.skewcheck.validation.config.PrefixRules;

/**
 * A wide, mixed table like the real one (300 columns in ~20 families: rare and common tags, sparse
 * colour fractions, normal measurements, counts, columns with missing values and a one-hot account
 * family), and random splits of its rows: one dataset split in two is not skewed against itself, so
 * the checks must stay quiet on it.
 *
 * @param names column names
 * @param rows values, row-major (NaN = missing)
 */
public record WideTable(String[] names, double[][] rows) {

  /** The profiles of two disjoint random parts of one table. */
  public record Split(DatasetProfile train, DatasetProfile predict) {}

  /** {@code rows} rows drawn with {@code seed}. */
  public static WideTable generate(long seed, int rows) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> names = new ArrayList<>();
    List<IntToDoubleFunction> generators = new ArrayList<>();
    for (int family = 0; family < 10; family++) {
      for (int i = 0; i < 15; i++) {
        double rate = 0.4 * Math.pow(random.nextDouble(), 3);
        names.add("WI" + family + "_tag" + i);
        generators.add(r -> random.nextDouble() < rate ? 1.0 : 0.0);
      }
    }
    for (int family = 0; family < 3; family++) {
      for (int i = 0; i < 20; i++) {
        names.add("CF" + family + "_colour" + i);
        generators.add(r -> random.nextDouble() < 0.7 ? 0.0 : random.nextDouble());
      }
    }
    for (int family = 0; family < 3; family++) {
      for (int i = 0; i < 20; i++) {
        double mean = random.nextInt(-5, 6);
        names.add("IQ" + family + "_m" + i);
        generators.add(r -> mean + Table.gaussian(random));
      }
    }
    for (int i = 0; i < 10; i++) {
      double rate = 0.05 + 0.9 * random.nextDouble();
      names.add("LG_count" + i);
      generators.add(r -> random.nextDouble() < rate ? random.nextInt(1, 1000) : 0.0);
    }
    for (int i = 0; i < 10; i++) {
      double missing = 0.3 * random.nextDouble();
      names.add("GEO_m" + i);
      generators.add(r -> random.nextDouble() < missing ? Double.NaN : Table.gaussian(random));
    }
    double[][] m = new double[rows][names.size()];
    int[] account = random.ints(rows, 0, 10).toArray();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < generators.size(); c++) {
        m[r][c] = generators.get(c).applyAsDouble(r);
      }
    }
    // A 10-account one-hot family, as U is.
    String[] all = new String[names.size() + 10];
    double[][] withU = new double[rows][all.length];
    for (int c = 0; c < names.size(); c++) {
      all[c] = names.get(c);
    }
    for (int a = 0; a < 10; a++) {
      all[names.size() + a] = "U_" + a;
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(m[r], 0, withU[r], 0, names.size());
      withU[r][names.size() + account[r]] = 1.0;
    }
    return new WideTable(all, withU);
  }

  /** A random {@code predictRows} of the rows as predict, the others as train, prefixes by the default rule. */
  public Split split(long seed, int predictRows) {
    int n = rows.length;
    int[] order = new SplittableRandom(seed).ints(0, Integer.MAX_VALUE).limit(n).toArray();
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingInt(i -> order[i]));
    int[] predictIdx = new int[predictRows];
    int[] trainIdx = new int[n - predictRows];
    for (int i = 0; i < n; i++) {
      if (i < predictRows) {
        predictIdx[i] = idx[i];
      } else {
        trainIdx[i - predictRows] = idx[i];
      }
    }
    PrefixRules rules = PrefixRules.defaults();
    return new Split(ProfileFixtures.dataset("train", names, ProfileFixtures.rows(rows, trainIdx), rules),
        ProfileFixtures.dataset("predict", names, ProfileFixtures.rows(rows, predictIdx), rules));
  }
}
