package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.CategoricalDrift;
import org.skewcheck.validation.drift.ColumnDrift;
import org.skewcheck.validation.drift.FamilyDrift;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Numbers;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * The drift measures a {@link Comparison} takes once, for the drift checks and the report: which
 * columns and families can be tested, and their {@link ColumnDrift} and {@link FamilyDrift}. An
 * id-like column (train's distinct count at least {@code drift.idLikeShare} of its present values,
 * which number at least {@code drift.idLikeMinValues}; numbers only when all are integers: ids and
 * timestamps) is never tested, since every value is new; a family holding one is not either.
 */
final class Measurements {
  /** The tested columns' drift and why the others were not tested, by column name. */
  record Columns(SortedMap<String, ColumnDrift> tested, SortedMap<String, String> untested) {}

  private final SkewConfig.Drift thresholds;

  Measurements(SkewConfig.Drift thresholds) {
    this.thresholds = thresholds;
  }

  /** Tests the feature columns present in both datasets; says why any other column was not tested. */
  Columns columns(Collection<Comparison.Column> columns) {
    SortedMap<String, ColumnDrift> tested = new TreeMap<>();
    SortedMap<String, String> untested = new TreeMap<>();
    for (Comparison.Column c : columns) {
      String reason = untestedReason(c);
      if (reason != null) {
        untested.put(c.name(), reason);
      } else if (c.categorical()) {
        tested.put(c.name(), CategoricalDrift.between(c.train(), c.predict()));
      } else {
        tested.put(c.name(), NumericDrift.between(c.train(), c.predict()));
      }
    }
    return new Columns(Collections.unmodifiableSortedMap(tested), Collections.unmodifiableSortedMap(untested));
  }

  /** Measures every family that both datasets have and that qualifies (see {@link Comparison#familyDrift()}). */
  SortedMap<String, FamilyDrift> families(DatasetProfile train, DatasetProfile predict,
      Map<String, Comparison.Column> columns) {
    SortedMap<String, FamilyDrift> tested = new TreeMap<>();
    train.prefixes().forEach((prefix, t) -> {
      PrefixStats p = predict.prefixes().get(prefix);
      List<FamilyDrift.ColumnPair> pairs = p == null ? null : testableColumns(t, p, columns);
      if (pairs != null && pairs.size() >= 2 && t.aggregates() != null && p.aggregates() != null) {
        // the non-zero log mean is measured only where every train number is at least 0
        boolean nonNegative = t.columns().values().stream().noneMatch(c -> c.min() < 0);
        tested.put(prefix, FamilyDrift.between(t.aggregates(), p.aggregates(), pairs, nonNegative));
      }
    });
    return tested;
  }

  /**
   * The family's numeric feature columns in both datasets, or null when a column holding numbers
   * is anything else; the family's row aggregates sum over all of its numbers.
   */
  private List<FamilyDrift.ColumnPair> testableColumns(PrefixStats train, PrefixStats predict,
      Map<String, Comparison.Column> columns) {
    List<FamilyDrift.ColumnPair> out = new ArrayList<>();
    for (Comparison.Column c : familyColumns(train, predict, columns)) {
      ColumnStats t = c.train();
      ColumnStats p = c.predict();
      boolean hasNumbers = (t != null && t.count() > 0) || (p != null && p.count() > 0);
      if (!hasNumbers) {
        continue;
      }
      if (!c.feature() || t == null || p == null || c.categorical() || idLikeReason(t, false) != null) {
        return null;
      }
      if (t.count() >= NumericDrift.MIN_VALUES && p.count() >= NumericDrift.MIN_VALUES) {
        out.add(new FamilyDrift.ColumnPair(t, p));
      }
    }
    return out;
  }

  /** The columns of a family in either dataset, by name. */
  private static Collection<Comparison.Column> familyColumns(PrefixStats train, PrefixStats predict,
      Map<String, Comparison.Column> columns) {
    SortedMap<String, Comparison.Column> out = new TreeMap<>();
    for (PrefixStats side : List.of(train, predict)) {
      side.columns().keySet().forEach(name -> out.put(name, columns.get(name)));
    }
    return out.values();
  }

  private String untestedReason(Comparison.Column c) {
    if (!c.feature()) {
      return "not a feature (" + c.role() + ")";
    }
    ColumnStats t = c.train();
    ColumnStats p = c.predict();
    if (t == null || p == null) {
      return "only in " + (t == null ? Dataset.PREDICT : Dataset.TRAIN).label();
    }
    String idLike = idLikeReason(t, c.categorical());
    if (idLike != null) {
      return idLike;
    }
    if (c.categorical()) {
      for (ColumnStats side : List.of(t, p)) {
        if (side.present() < CategoricalDrift.MIN_VALUES) {
          return String.format(Locale.ROOT, "fewer than %d present values in %s (%d)", CategoricalDrift.MIN_VALUES,
              (side == t ? Dataset.TRAIN : Dataset.PREDICT).label(), side.present());
        }
      }
      return null;
    }
    for (ColumnStats side : List.of(t, p)) {
      if (side.count() < NumericDrift.MIN_VALUES) {
        return String.format(Locale.ROOT, "fewer than %d numeric values in %s (%d)", NumericDrift.MIN_VALUES,
            (side == t ? Dataset.TRAIN : Dataset.PREDICT).label(), side.count());
      }
    }
    return null;
  }

  /**
   * Why train's values make the column id-like (nearly every value distinct, as ids and timestamps
   * are), or null. Train decides: 100 predict rows of a count are nearly all distinct by chance.
   */
  private String idLikeReason(ColumnStats train, boolean isCategorical) {
    long n = isCategorical ? train.present() : train.count();
    double distinct = train.distinct();
    if (n < thresholds.idLikeMinValues() || Double.isNaN(distinct) || (!isCategorical && !train.integral())
        || distinct < thresholds.idLikeShare() * n) {
      return null;
    }
    return String.format(Locale.ROOT, "id-like: %.0f distinct values among %d in train (%s >= %s), so every"
        + " value is new and a drift test would flag nothing real", distinct, n,
        train.valuesExact() ? "exact" : "estimated", Numbers.plain(thresholds.idLikeShare()));
  }
}
