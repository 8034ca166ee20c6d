package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;
import org.skewcheck.validation.config.PrefixRule;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.stats.PrefixBlock;

public class PrefixSlicesTest {
  private static final double NaN = Double.NaN;

  /** 6 columns x 3 rows; text cells in WI_b (row 0), IQ_x (row 1) and target (row 1). */
  private static RowBlock trainBlock() {
    return new RowBlock("train", new String[] {"WI_a", "WI_b", "IQ_x", "_Dy_2014", "_dateR", "target"}, 3,
        new double[] {
            1, 0, NaN,        // WI_a
            NaN, 2, 3,        // WI_b
            0.5, NaN, NaN,    // IQ_x
            2014, 2015, NaN,  // _Dy_2014
            0, 0, 1,          // _dateR
            1, NaN, 0},       // target
        new int[] {3, 7, 16}, new String[] {"x?", "abc", "yes"}, new String[] {"r1", "r2", "r3"});
  }

  /** A predict block with a subset of the columns in another order; text in WI_b (row 1). */
  private static RowBlock predictBlock() {
    return new RowBlock("predict", new String[] {"target", "IQ_x", "WI_b"}, 2,
        new double[] {0, 1, NaN, 7, 4, NaN}, new int[] {5}, new String[] {"zzz"}, new String[] {"p1", "p2"});
  }

  private static PrefixBlock block(String[] columns, int rows, double[] values, int[] textIndex, String... text) {
    return new PrefixBlock(columns, rows, values, textIndex, text);
  }

  @Test
  public void slicesOnePerPrefixWithRemappedText() {
    PrefixRules rules = PrefixRules.defaults();

    assertThat(PrefixSlices.of(trainBlock(), rules::prefixOf)).containsExactly(
        Map.entry("WI", block(new String[] {"WI_a", "WI_b"}, 3, new double[] {1, 0, NaN, NaN, 2, 3},
            new int[] {3}, "x?")),
        Map.entry("IQ", block(new String[] {"IQ_x"}, 3, new double[] {0.5, NaN, NaN}, new int[] {1}, "abc")),
        Map.entry("_Dy", block(new String[] {"_Dy_2014"}, 3, new double[] {2014, 2015, NaN}, new int[0])),
        Map.entry("_dateR", block(new String[] {"_dateR"}, 3, new double[] {0, 0, 1}, new int[0])),
        Map.entry("target", block(new String[] {"target"}, 3, new double[] {1, NaN, 0}, new int[] {1}, "yes")));
    assertThat(PrefixSlices.of(predictBlock(), rules::prefixOf)).containsExactly(
        Map.entry("target", block(new String[] {"target"}, 2, new double[] {0, 1}, new int[0])),
        Map.entry("IQ", block(new String[] {"IQ_x"}, 2, new double[] {NaN, 7}, new int[0])),
        Map.entry("WI", block(new String[] {"WI_b"}, 2, new double[] {4, NaN}, new int[] {1}, "zzz")));
  }

  @Test
  public void configuredRulesMayGroupColumnsThatAreNotAdjacent() {
    PrefixRules rules = PrefixRules.of(List.of(PrefixRule.of("^(WI_|target$)", "core")));

    Map<String, PrefixBlock> slices = PrefixSlices.of(trainBlock(), rules::prefixOf);

    assertThat(slices.keySet()).containsExactly("core", "IQ", "_Dy", "_dateR");
    assertThat(slices.get("core")).isEqualTo(block(new String[] {"WI_a", "WI_b", "target"}, 3,
        new double[] {1, 0, NaN, NaN, 2, 3, 1, NaN, 0}, new int[] {3, 7}, "x?", "yes"));
    assertThat(slices.get("IQ")).isEqualTo(
        block(new String[] {"IQ_x"}, 3, new double[] {0.5, NaN, NaN}, new int[] {1}, "abc"));
  }

  @Test
  public void slicesPartitionEveryCellOfGeneratedBlocks() {
    Random rnd = new Random(99);
    String[] universe = {"WI_a", "WI_b", "WI_c", "IQ_x", "IQ_y", "_Dy_2014", "_Dy_2015", "_dateR", "target", "id"};
    PrefixRules rules = PrefixRules.defaults();
    for (int trial = 0; trial < 200; trial++) {
      List<String> shuffled = new ArrayList<>(List.of(universe));
      java.util.Collections.shuffle(shuffled, rnd);
      String[] columns = shuffled.subList(0, 1 + rnd.nextInt(universe.length)).toArray(String[]::new);
      int rows = 1 + rnd.nextInt(6);
      double[] values = new double[columns.length * rows];
      List<Integer> textIndex = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        double u = rnd.nextDouble();
        values[i] = u < 0.2 ? NaN : u < 0.3 ? 0 : i;
        if (u < 0.1) {
          textIndex.add(i);
        }
      }
      String[] text = textIndex.stream().map(i -> "t" + i).toArray(String[]::new);
      RowBlock block = new RowBlock("train", columns, rows, values,
          textIndex.stream().mapToInt(Integer::intValue).toArray(), text, new String[rows]);

      Map<String, PrefixBlock> slices = PrefixSlices.of(block, rules::prefixOf);

      int cells = 0;
      int texts = 0;
      for (Map.Entry<String, PrefixBlock> e : slices.entrySet()) {
        PrefixBlock slice = e.getValue();
        assertThat(slice.rows()).isEqualTo(rows);
        assertThat(slice.textIndex()).isSorted();
        for (int j = 0; j < slice.columns().length; j++) {
          String name = slice.columns()[j];
          int c = Arrays.asList(columns).indexOf(name);
          assertThat(rules.prefixOf(name)).isEqualTo(e.getKey());
          for (int r = 0; r < rows; r++) {
            assertThat(Double.doubleToRawLongBits(slice.values()[j * rows + r]))
                .isEqualTo(Double.doubleToRawLongBits(values[c * rows + r]));
            cells++;
          }
        }
        for (int k = 0; k < slice.textIndex().length; k++) {
          int cell = slice.textIndex()[k];
          int original = Arrays.asList(columns).indexOf(slice.columns()[cell / rows]) * rows + cell % rows;
          assertThat(slice.text()[k]).isEqualTo("t" + original);
          texts++;
        }
      }
      assertThat(cells).isEqualTo(values.length);
      assertThat(texts).isEqualTo(text.length);
    }
  }
}
