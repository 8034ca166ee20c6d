package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.skewcheck.validation.stats.PrefixBlock;

/**
 * Splits a {@link RowBlock} into one {@link PrefixBlock} per prefix, each holding that prefix's
 * columns as a column-major slice: what the reader profiles, a prefix at a time.
 *
 * <pre>{@code
 * Map<String, PrefixBlock> byPrefix = PrefixSlices.of(block, PrefixRules.defaults()::prefixOf);
 * }</pre>
 */
final class PrefixSlices {
  private PrefixSlices() {}

  /** Slices a block by prefix, in order of each prefix's first column. */
  static Map<String, PrefixBlock> of(RowBlock block, Function<String, String> prefixOf) {
    String[] columns = block.columns();
    int rows = block.rows();
    Map<String, List<Integer>> byPrefix = new LinkedHashMap<>();
    int[] positionInPrefix = new int[columns.length];
    String[] prefixOfColumn = new String[columns.length];
    for (int c = 0; c < columns.length; c++) {
      String prefix = prefixOf.apply(columns[c]);
      List<Integer> members = byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>());
      positionInPrefix[c] = members.size();
      prefixOfColumn[c] = prefix;
      members.add(c);
    }
    Map<String, List<Integer>> textByPrefix = new HashMap<>();
    int[] textIndex = block.textIndex();
    for (int i = 0; i < textIndex.length; i++) {
      textByPrefix.computeIfAbsent(prefixOfColumn[textIndex[i] / rows], k -> new ArrayList<>()).add(i);
    }
    Map<String, PrefixBlock> out = new LinkedHashMap<>();
    byPrefix.forEach((prefix, members) -> {
      String[] names = new String[members.size()];
      double[] values = new double[members.size() * rows];
      for (int j = 0; j < names.length; j++) {
        int c = members.get(j);
        names[j] = columns[c];
        System.arraycopy(block.values(), c * rows, values, j * rows, rows);
      }
      List<Integer> texts = textByPrefix.getOrDefault(prefix, List.of());
      int[] index = new int[texts.size()];
      String[] text = new String[texts.size()];
      for (int k = 0; k < index.length; k++) {
        int cell = textIndex[texts.get(k)];
        index[k] = positionInPrefix[cell / rows] * rows + cell % rows;
        text[k] = block.text()[texts.get(k)];
      }
      out.put(prefix, new PrefixBlock(names, rows, values, index, text));
    });
    return out;
  }
}
