package org.skewcheck.validation.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.skewcheck.validation.config.PrefixRules;

/** A small column-wise table builder for tests, turned into a {@link DatasetProfile}; NaN is a missing cell. */
public final class Table {
  private final int rows;
  private final List<String> names = new ArrayList<>();
  private final List<double[]> columns = new ArrayList<>();
  private final List<String[]> text = new ArrayList<>();

  public Table(int rows) {
    this.rows = rows;
  }

  /** Adds a column whose value in row r is {@code f(r)}. */
  public Table add(String name, IntToDoubleFunction f) {
    double[] values = new double[rows];
    for (int r = 0; r < rows; r++) {
      values[r] = f.applyAsDouble(r);
    }
    names.add(name);
    columns.add(values);
    text.add(null);
    return this;
  }

  /** Adds a column that is non-zero (a positive count) with probability {@code rate}. */
  public Table sparse(String name, double rate, SplittableRandom random) {
    return add(name, r -> random.nextDouble() < rate ? random.nextInt(1, 50) : 0.0);
  }

  /** Adds a column of N(mean, 1) values. */
  public Table normal(String name, double mean, SplittableRandom random) {
    return add(name, r -> mean + gaussian(random));
  }

  /** Sets cell (row, column name) to non-numeric text. */
  public Table text(String name, int row, String value) {
    int c = names.indexOf(name);
    if (text.get(c) == null) {
      text.set(c, new String[rows]);
    }
    text.get(c)[row] = value;
    columns.get(c)[row] = Double.NaN;
    return this;
  }

  public DatasetProfile profile(String dataset) {
    return profile(dataset, PrefixRules.defaults());
  }

  public DatasetProfile profile(String dataset, PrefixRules rules) {
    double[][] m = new double[rows][names.size()];
    String[][] t = new String[rows][names.size()];
    for (int c = 0; c < names.size(); c++) {
      for (int r = 0; r < rows; r++) {
        m[r][c] = columns.get(c)[r];
        t[r][c] = text.get(c) == null ? null : text.get(c)[r];
      }
    }
    return ProfileFixtures.dataset(dataset, names.toArray(String[]::new), m, t, rules);
  }

  public static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
