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
 * family, plus categorical columns: a skewed colour, a 30-city mix, a mix of numbers and text, a
 * session-id text and an integer timestamp, both id-like), and random splits of its rows: one
 * dataset split in two is not skewed against itself, so the checks must stay quiet on it.
 *
 * @param names column names
 * @param rows values, row-major (NaN = missing); a {@code CAT_} or {@code ID_} column holds codes that
 *     {@link #cell} turns into text
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
    // The categorical and id-like columns draw from a stream of their own, so the columns above are
    // the same as in a table without them.
    SplittableRandom more = new SplittableRandom(seed + 1);
    names.add("CAT_colour");
    generators.add(r -> Math.floor(6 * Math.pow(more.nextDouble(), 2)));
    names.add("CAT_city");
    generators.add(r -> Math.floor(30 * Math.pow(more.nextDouble(), 1.5)));
    names.add("CAT_mixed");
    generators.add(r -> more.nextDouble() < 0.05 ? Double.NaN : more.nextInt(0, 5));
    names.add("ID_session");
    generators.add(r -> r);
    names.add("TS_created");
    generators.add(r -> 1_700_000_000.0 + 37 * r + more.nextInt(0, 30));
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

  /**
   * The text of a cell of a {@code CAT_} or {@code ID_} column, or null when the cell is a number or
   * missing: colour and city codes are names, code 4 of the mixed column is "unknown" (its other codes
   * stay numbers), and a session is "s" + its row.
   */
  public static String cell(String name, double code) {
    if (Double.isNaN(code)) {
      return null;
    }
    return switch (name) {
      case "CAT_colour" -> "colour" + (int) code;
      case "CAT_city" -> "city" + (int) code;
      case "CAT_mixed" -> code == 4 ? "unknown" : null;
      case "ID_session" -> "s" + (int) code;
      default -> null;
    };
  }

  /** The text cells of {@code matrix} (null where a cell is a number or missing). */
  public String[][] text(double[][] matrix) {
    String[][] out = new String[matrix.length][names.length];
    for (int r = 0; r < matrix.length; r++) {
      for (int c = 0; c < names.length; c++) {
        out[r][c] = cell(names[c], matrix[r][c]);
      }
    }
    return out;
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
    double[][] train = ProfileFixtures.rows(rows, trainIdx);
    double[][] predict = ProfileFixtures.rows(rows, predictIdx);
    return new Split(ProfileFixtures.dataset("train", names, train, text(train), rules),
        ProfileFixtures.dataset("predict", names, predict, text(predict), rules));
  }
}
