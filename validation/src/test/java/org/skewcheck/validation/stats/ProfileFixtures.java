package org.skewcheck.validation.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skewcheck.validation.config.PrefixRules;

/**
 * Builds profiles from plain matrices for the tests: a {@code double[rows][cols]} with column names
 * (NaN = missing cell) and, optionally, a same-shaped {@code String[][]} whose non-null entries are
 * non-numeric text cells. Rows are fed in blocks, as the pipeline does.
 */
public final class ProfileFixtures {
  /** Rows per block; small enough that a test's data spans several blocks. */
  static final int BLOCK_ROWS = 1000;

  private ProfileFixtures() {}

  /** One block of the given columns and rows (column-major, text cells listed by index). */
  public static PrefixBlock block(String[] names, double[][] rows, String[][] text) {
    int n = rows.length;
    double[] values = new double[names.length * n];
    List<Integer> index = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      for (int r = 0; r < n; r++) {
        String t = text == null ? null : text[r][c];
        values[c * n + r] = t != null ? Double.NaN : rows[r][c];
        if (t != null) {
          index.add(c * n + r);
          cells.add(t);
        }
      }
    }
    return new PrefixBlock(names, n, values, index.stream().mapToInt(Integer::intValue).toArray(),
        cells.toArray(String[]::new));
  }

  /** The profile of the given columns (all of one prefix) over the given rows. */
  public static PrefixStats prefixStats(String[] names, double[][] rows) {
    return prefixStats(names, rows, null);
  }

  /** As {@link #prefixStats(String[], double[][])}, with text cells where {@code text[r][c]} is non-null. */
  public static PrefixStats prefixStats(String[] names, double[][] rows, String[][] text) {
    PrefixStats stats = new PrefixStats();
    int from = 0;
    do {
      int to = Math.min(rows.length, from + BLOCK_ROWS);
      stats.add(block(names, Arrays.copyOfRange(rows, from, to),
          text == null ? null : Arrays.copyOfRange(text, from, to)));
      from = to;
    } while (from < rows.length);
    return stats;
  }

  /** A dataset whose columns are grouped into prefixes by {@code rules}. */
  public static DatasetProfile dataset(String name, String[] names, double[][] rows, PrefixRules rules) {
    return dataset(name, names, rows, null, rules);
  }

  /** As {@link #dataset(String, String[], double[][], PrefixRules)}, with text cells. */
  public static DatasetProfile dataset(String name, String[] names, double[][] rows, String[][] text,
      PrefixRules rules) {
    Map<String, List<Integer>> byPrefix = new LinkedHashMap<>();
    for (int c = 0; c < names.length; c++) {
      byPrefix.computeIfAbsent(rules.prefixOf(names[c]), k -> new ArrayList<>()).add(c);
    }
    Map<String, PrefixStats> prefixes = new LinkedHashMap<>();
    byPrefix.forEach((prefix, cols) -> {
      String[] sub = cols.stream().map(c -> names[c]).toArray(String[]::new);
      double[][] subRows = new double[rows.length][cols.size()];
      String[][] subText = text == null ? null : new String[rows.length][cols.size()];
      for (int r = 0; r < rows.length; r++) {
        for (int j = 0; j < cols.size(); j++) {
          subRows[r][j] = rows[r][cols.get(j)];
          if (subText != null) {
            subText[r][j] = text[r][cols.get(j)];
          }
        }
      }
      prefixes.put(prefix, prefixStats(sub, subRows, subText));
    });
    return new DatasetProfile(Dataset.of(name), 1, rows.length, 0, prefixes);
  }

  /** The rows of {@code matrix} at {@code indices}. */
  public static double[][] rows(double[][] matrix, int[] indices) {
    double[][] out = new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = matrix[indices[i]];
    }
    return out;
  }
}
