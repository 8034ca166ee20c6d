package org.skewcheck.validation.check;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.ColumnDrift;
import org.skewcheck.validation.drift.FamilyDrift;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.score.ScoresReport;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.DamagedFile;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * What every check reads: the train and predict profiles, the config, what else was counted while
 * reading (duplicates, damaged files, the model's score summaries), and what more than one check or
 * the report derives from them, derived once here: each column's prefix, role and type, the feature
 * set, the drift measures of every testable column and family, the score comparison, and the
 * definitions of a constant column and of a prefix's row rates. Checks ({@link ProfileCheck}) decide
 * what is a finding; they never measure what this class holds. Immutable: {@code withX} returns a
 * new comparison that shares what was already derived.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(config, train, predict).withDuplicates(perDataset);
 * c.features();  c.columns().get("IQ_a").prefix();  c.columnDrift().get("IQ_a").psi();
 * c.prefixRows(c.predict(), "LG").zeroRowRate();
 * }</pre>
 */
public final class Comparison {
  /**
   * One column of either dataset.
   *
   * @param role {@code feature}, {@code id}, {@code label} or {@code recordedScore} (see {@link SkewConfig.Columns})
   * @param type {@link ColumnType#NUMERIC} or {@link ColumnType#CATEGORICAL}
   * @param train its profile in train; null when train lacks it
   * @param predict its profile in predict; null when predict lacks it
   */
  public record Column(String name, String prefix, String role, String type, ColumnStats train,
      ColumnStats predict) {
    /** Whether the column is compared as a feature (every column the config gives no other role). */
    public boolean feature() {
      return role.equals("feature");
    }

    public boolean categorical() {
      return type.equals(ColumnType.CATEGORICAL);
    }
  }

  /**
   * A prefix's rows in one dataset, the base of its row-level rates: pooled over the family's
   * columns, a row is one independent draw, where its cells are not.
   *
   * @param rows the dataset's rows
   * @param withValue rows with any value (number or text) of the family
   * @param withNonZero rows with any non-zero number of the family
   */
  public record PrefixRows(long rows, long withValue, long withNonZero) {
    /** Rows with no value of the family: the family is missing from them. */
    public long withoutValue() {
      return rows - withValue;
    }

    /** Rows with a value of the family but no non-zero number: the family is all zero in them. */
    public long zeroRows() {
      return withValue - withNonZero;
    }

    /** The prefix zero-row rate: {@link #zeroRows()} over {@link #withValue()}; NaN when no row has a value. */
    public double zeroRowRate() {
      return withValue == 0 ? Double.NaN : (double) zeroRows() / withValue;
    }

    /** The prefix missing-row rate: {@link #withoutValue()} over {@link #rows()}; NaN without rows. */
    public double missingRowRate() {
      return rows == 0 ? Double.NaN : (double) withoutValue() / rows;
    }
  }

  private final SkewConfig config;
  private final DatasetProfile train;
  private final DatasetProfile predict;
  private final Derived derived;
  private final Map<String, Duplicates> duplicates;
  private final List<DamagedFile> damagedFiles;
  private final Scores scores;

  /** What {@link #of} derives from the profiles and the config alone, shared by every {@code withX} copy. */
  private record Derived(SortedMap<String, Column> columns, Map<String, String> prefixOf, SortedSet<String> features,
      SortedSet<String> prefixes, Measurements.Columns drift, SortedMap<String, FamilyDrift> families) {}

  /** The score summaries and their comparison, when a model scored both datasets. */
  private record Scores(ScoreSummary train, ScoreSummary predict, ScoresReport report) {}

  private Comparison(SkewConfig config, DatasetProfile train, DatasetProfile predict, Derived derived,
      Map<String, Duplicates> duplicates, List<DamagedFile> damagedFiles, Scores scores) {
    this.config = config;
    this.train = train;
    this.predict = predict;
    this.derived = derived;
    this.duplicates = duplicates;
    this.damagedFiles = damagedFiles;
    this.scores = scores;
  }

  /** The comparison of {@code train} with {@code predict} under {@code config}, its drift measures taken. */
  public static Comparison of(SkewConfig config, DatasetProfile train, DatasetProfile predict) {
    Map<String, String> prefixOf = new TreeMap<>();
    for (DatasetProfile d : List.of(train, predict)) {
      d.prefixes().forEach((prefix, stats) -> stats.columns().keySet().forEach(c -> prefixOf.put(c, prefix)));
    }
    Map<String, ColumnStats> t = train.columns();
    Map<String, ColumnStats> p = predict.columns();
    SortedMap<String, Column> columns = new TreeMap<>();
    SortedSet<String> features = new TreeSet<>();
    prefixOf.forEach((name, prefix) -> {
      ColumnStats tc = t.get(name);
      ColumnStats pc = p.get(name);
      Column column = new Column(name, prefix, config.columns().roleOf(name),
          ColumnType.categorical(config, name, tc, pc) ? ColumnType.CATEGORICAL : ColumnType.NUMERIC, tc, pc);
      columns.put(name, column);
      if (column.feature()) {
        features.add(name);
      }
    });
    SortedSet<String> prefixes = new TreeSet<>(train.prefixes().keySet());
    prefixes.addAll(predict.prefixes().keySet());
    Measurements measurements = new Measurements(config.drift());
    Derived derived = new Derived(Collections.unmodifiableSortedMap(columns), Collections.unmodifiableMap(prefixOf),
        Collections.unmodifiableSortedSet(features), Collections.unmodifiableSortedSet(prefixes),
        measurements.columns(columns.values()), Collections.unmodifiableSortedMap(
            measurements.families(train, predict, columns)));
    return new Comparison(config, train, predict, derived, Map.of(), List.of(), null);
  }

  /** Also what was counted of duplicates while reading, per dataset name. */
  public Comparison withDuplicates(Map<String, Duplicates> perDataset) {
    return new Comparison(config, train, predict, derived, Map.copyOf(perDataset), damagedFiles, scores);
  }

  /** Also the files that could be read only up to a point. */
  public Comparison withDamagedFiles(List<DamagedFile> files) {
    // by the dataset's label, then path: the order report.json has always listed them in
    List<DamagedFile> sorted = files.stream()
        .sorted(Comparator.comparing((DamagedFile f) -> f.dataset().label()).thenComparing(DamagedFile::file)).toList();
    return new Comparison(config, train, predict, derived, duplicates, sorted, scores);
  }

  /** Also the model's scores on both datasets, compared once here ({@link #scores()}); both are needed. */
  public Comparison withScores(ScoreSummary trainScores, ScoreSummary predictScores) {
    Objects.requireNonNull(trainScores, "train's scores");
    Objects.requireNonNull(predictScores, "predict's scores");
    return new Comparison(config, train, predict, derived, duplicates, damagedFiles,
        new Scores(trainScores, predictScores, ScoresReport.between(trainScores, predictScores, config)));
  }

  public SkewConfig config() {
    return config;
  }

  public DatasetProfile train() {
    return train;
  }

  public DatasetProfile predict() {
    return predict;
  }

  /** Every column of either dataset, by name. */
  public SortedMap<String, Column> columns() {
    return derived.columns();
  }

  /** Each column's prefix, by column name. */
  public Map<String, String> prefixOf() {
    return derived.prefixOf();
  }

  /** The columns compared as features: those the config gives no other role. */
  public SortedSet<String> features() {
    return derived.features();
  }

  /** The prefixes of either dataset. */
  public SortedSet<String> prefixes() {
    return derived.prefixes();
  }

  /**
   * The drift of each tested column, by name: every feature in both datasets with enough values on
   * each side that is not id-like, numeric or categorical by its {@link Column#type()}.
   */
  public SortedMap<String, ColumnDrift> columnDrift() {
    return derived.drift().tested();
  }

  /** Why each other column of either dataset was not drift-tested, by name. */
  public SortedMap<String, String> untestedReasons() {
    return derived.drift().untested();
  }

  /**
   * The drift of each testable family, by prefix: both datasets have it, it has at least two
   * numeric columns with enough values on each side, and every column of it holding numbers is a
   * numeric feature of both datasets that is not id-like (any other would swamp its rows' sums).
   */
  public SortedMap<String, FamilyDrift> familyDrift() {
    return derived.families();
  }

  /** What was counted of duplicates in {@code dataset}; null when nothing was. */
  public Duplicates duplicates(String dataset) {
    return duplicates.get(dataset);
  }

  /** The damaged files, by dataset and path. */
  public List<DamagedFile> damagedFiles() {
    return damagedFiles;
  }

  /** The model's score summary of train; null without scores. */
  public ScoreSummary trainScores() {
    return scores == null ? null : scores.train();
  }

  /** The model's score summary of predict; null without scores. */
  public ScoreSummary predictScores() {
    return scores == null ? null : scores.predict();
  }

  /** The comparison of the two datasets' scores (report.json's {@code scores}); null without scores. */
  public ScoresReport scores() {
    return scores == null ? null : scores.report();
  }

  /** {@code prefix}'s rows in {@code dataset}; null when the dataset lacks the prefix. */
  public PrefixRows prefixRows(DatasetProfile dataset, String prefix) {
    PrefixStats p = dataset.prefixes().get(prefix);
    return p == null ? null : new PrefixRows(dataset.rows(), p.rowsAnyPresent(), p.rowsAnyNonZero());
  }

  /**
   * Whether {@code column} is constant in {@code dataset}: every row holds the same number, none is
   * missing or text. The report counts these per prefix ({@code constantColumns}).
   */
  public static boolean constant(DatasetProfile dataset, ColumnStats column) {
    return column.isConstant() && dataset.missing(column) == 0 && column.nonNumeric() == 0;
  }

  /**
   * The value {@code column} is pinned to: the one number that all its numbers, at least two, take
   * when it is not zero; NaN otherwise. Missing cells and text aside, unlike {@link #constant}: this is
   * what the constancy check tests, and a column all zero is the sparsity check's.
   */
  public static double pinnedValue(ColumnStats column) {
    return column.isConstant() && column.count() >= 2 && column.min() != 0 ? column.min() : Double.NaN;
  }
}
