package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skewcheck.validation.stats.Categories;
import org.skewcheck.validation.stats.Categories.ValueCount;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.ValueCounts;

/**
 * The values of one column that a rule's {@code allowedValues} leaves out, read from the column's
 * profile: how many there are ({@code count}), whether that count is {@code exact}, and the values
 * themselves with their counts, most frequent first.
 *
 * <p>Values are compared as categories: a number by its {@link Categories#canonical} form, a text
 * by its {@link Categories#bounded} one. So an allowed {@code 1} allows the number 1, and an allowed
 * {@code red} the text red, in a numeric column as well as in a categorical one.
 *
 * <p>While the column counts its values exactly ({@link ColumnStats#valuesExact()}: at most {@link
 * ValueCounts#CAPACITY} distinct numbers, and with text at most {@link Categories#EXACT_VALUES}
 * distinct values), every value outside is listed and counted. Past that, the count is the present
 * values less the estimated counts of the allowed ones, and the values listed are those the profile
 * still holds that are outside: the frequent ones of a column with text, the extremes of a numeric
 * one.
 *
 * <pre>{@code
 * DisallowedValues out = DisallowedValues.of(stats, List.<Object>of("red", "blue"));
 * out.count();   // 3
 * out.values();  // [{green, 3}]
 * }</pre>
 */
record DisallowedValues(long count, boolean exact, List<ValueCount> values) {
  /** {@code column}'s values outside {@code allowedValues} (each a {@link Double} or a {@link String}). */
  static DisallowedValues of(ColumnStats column, List<Object> allowedValues) {
    // each allowed value's category, and how to ask the profile for its count
    Map<String, String> allowed = new LinkedHashMap<>();
    int allowedNumbers = 0;
    for (Object v : allowedValues) {
      if (v instanceof Double d) {
        String canonical = Categories.canonical(d);
        if (allowed.put(canonical, canonical) == null) {
          allowedNumbers++;
        }
      } else {
        allowed.put(Categories.bounded((String) v), (String) v);
      }
    }
    List<ValueCount> values = new ArrayList<>();
    for (ValueCount v : column.topValues(Integer.MAX_VALUE)) {
      if (!allowed.containsKey(v.value())) {
        values.add(v);
      }
    }
    if (column.valuesExact()) {
      return new DisallowedValues(values.stream().mapToLong(ValueCount::count).sum(), true, values);
    }
    boolean certain = !values.isEmpty();
    if (!column.hasText()) {
      // Numbers alone, past exact counts: the sketch keeps the extremes, and there are more distinct
      // numbers than ValueCounts.CAPACITY, so at least one is outside when no more are allowed.
      certain |= allowedNumbers <= ValueCounts.CAPACITY;
      for (double x : new double[] {column.min(), column.max()}) {
        String category = Categories.canonical(x);
        if (!allowed.containsKey(category)) {
          certain = true;
          values.add(new ValueCount(category, Math.max(1, Math.round(column.countOf(x)))));
        }
      }
      values.sort(ValueCount.BY_COUNT);
    }
    double allowedCount = 0;
    for (String v : allowed.values()) {
      allowedCount += column.countOfCategory(v);
    }
    long estimate = Math.round(Math.max(0, column.present() - allowedCount));
    return new DisallowedValues(certain ? Math.max(1, estimate) : estimate, false, values);
  }
}
