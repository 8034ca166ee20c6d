package org.skewcheck.validation.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything known about one dataset after combining: how much was read and each prefix's profile.
 *
 * @param dataset which dataset it is
 * @param files files read
 * @param rows rows profiled
 * @param rejectedRows rows that could not be read (written to {@code rejected/})
 * @param prefixes the profile of each prefix, by prefix
 */
public record DatasetProfile(Dataset dataset, long files, long rows, long rejectedRows, Map<String, PrefixStats> prefixes) {
  public DatasetProfile {
    prefixes = Collections.unmodifiableMap(new TreeMap<>(prefixes));
  }

  /** The dataset's label, as messages and the report name it. */
  public String name() {
    return dataset.label();
  }

  /** Every column's profile, by column name. */
  public Map<String, ColumnStats> columns() {
    Map<String, ColumnStats> all = new TreeMap<>();
    prefixes.values().forEach(p -> all.putAll(p.columns()));
    return all;
  }

  /** Missing cells of a column: rows in which it had neither a number nor other text. */
  public long missing(ColumnStats column) {
    return rows - column.count() - column.nonNumeric();
  }
}
