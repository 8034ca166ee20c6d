package org.skewcheck.validation.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.CheckRunner;
import org.skewcheck.validation.check.Comparison;
import org.skewcheck.validation.check.DriftCheck;
import org.skewcheck.validation.check.FamilyDriftCheck;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.CategoricalDrift;
import org.skewcheck.validation.drift.ColumnDrift;
import org.skewcheck.validation.drift.FamilyDrift;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.DamagedFile;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Builds the {@link Report} of a train and a predict profile: the {@link Comparison} of the two,
 * every check on it ({@link CheckRunner}), and the report's sections, each finding also under the
 * prefix or column it is about. The checks run on complete profiles, so the same findings come out
 * whatever engine built the profiles.
 *
 * <pre>{@code
 * Report report = CompareProfiles.with(config).compare(trainProfile, predictProfile);
 * }</pre>
 */
public final class CompareProfiles {
  static final String TOOL = "skewcheck";
  private static final double[] RANKS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
  private static final String[] RANK_NAMES = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
  private static final int WORST_COLUMNS = 5;
  private static final int TOP_VALUES = 10;

  private final SkewConfig config;
  private final Provenance provenance;
  private final Map<String, Duplicates> duplicates;
  private final List<DamagedFile> damagedFiles;

  private CompareProfiles(SkewConfig config, Provenance provenance, Map<String, Duplicates> duplicates,
      List<DamagedFile> damagedFiles) {
    this.config = config;
    this.provenance = provenance;
    this.duplicates = duplicates;
    this.damagedFiles = damagedFiles;
  }

  public static CompareProfiles with(SkewConfig config) {
    return new CompareProfiles(config, null, Map.of(), List.of());
  }

  /** Also records where the report comes from. */
  public CompareProfiles withProvenance(Provenance runProvenance) {
    return new CompareProfiles(config, runProvenance, duplicates, damagedFiles);
  }

  /** Also reports, per dataset, the duplicated rows and keys counted while reading. */
  public CompareProfiles withDuplicates(Map<String, Duplicates> perDataset) {
    return new CompareProfiles(config, provenance, Map.copyOf(perDataset), damagedFiles);
  }

  /** Also reports the files that could be read only up to a point, one error each, by dataset and path. */
  public CompareProfiles withDamagedFiles(List<DamagedFile> files) {
    return new CompareProfiles(config, provenance, duplicates, List.copyOf(files));
  }

  public Report compare(DatasetProfile train, DatasetProfile predict) {
    return compare(train, predict, null, null);
  }

  /** Also compares the model's scores on both datasets, when both summaries are given. */
  public Report compare(DatasetProfile train, DatasetProfile predict, ScoreSummary trainScores,
      ScoreSummary predictScores) {
    Comparison comparison = Comparison.of(config, train, predict).withDuplicates(duplicates)
        .withDamagedFiles(damagedFiles);
    if (trainScores != null && predictScores != null) {
      comparison = comparison.withScores(trainScores, predictScores);
    }
    List<Finding> findings = CheckRunner.run(comparison);

    // A schema finding names a whole prefix exactly when that prefix is in one dataset only (else it
    // names columns); it belongs with the prefix, like the prefix-scope findings.
    Set<String> oneSidedPrefixes = new TreeSet<>(comparison.prefixes());
    oneSidedPrefixes.removeIf(prefix -> train.prefixes().containsKey(prefix) && predict.prefixes().containsKey(prefix));
    Map<String, List<Finding>> byTarget = new LinkedHashMap<>();
    findings.forEach(f -> {
      boolean aboutPrefix = f.scope() == Scope.PREFIX
          || (f.scope() == Scope.SCHEMA && f.check() == Check.SCHEMA && oneSidedPrefixes.contains(f.target()));
      byTarget.computeIfAbsent(aboutPrefix ? "prefix:" + f.target() : f.target(), k -> new ArrayList<>()).add(f);
    });
    Set<String> drifted = findings.stream().filter(f -> f.check() == Check.DRIFT && f.scope() == Scope.COLUMN)
        .map(Finding::target).collect(Collectors.toSet());

    Map<String, Report.DatasetSummary> datasets = new LinkedHashMap<>();
    datasets.put(train.name(), datasetSummary(comparison, train));
    datasets.put(predict.name(), datasetSummary(comparison, predict));
    Map<String, String> measures = new LinkedHashMap<>(DriftCheck.definitions(config));
    measures.putAll(FamilyDriftCheck.definitions(config));
    return new Report(Report.SCHEMA_VERSION, TOOL, Verdict.of(findings), provenance, datasets, findings,
        comparison.scores(), measures, prefixReports(comparison, drifted, byTarget),
        columnReports(comparison, byTarget), config.drift());
  }

  private static Report.DatasetSummary datasetSummary(Comparison comparison, DatasetProfile d) {
    int columns = d.prefixes().values().stream().mapToInt(p -> p.columns().size()).sum();
    Duplicates dup = comparison.duplicates(d.name());
    return new Report.DatasetSummary(d.files(), d.rows(), d.rejectedRows(), columns,
        dup == null ? null : dup.rows(), dup == null ? null : dup.keys());
  }

  private static List<Report.PrefixReport> prefixReports(Comparison comparison, Set<String> drifted,
      Map<String, List<Finding>> byTarget) {
    DatasetProfile train = comparison.train();
    DatasetProfile predict = comparison.predict();
    // Each family's tests and p-value as the check counts them, from the drift the comparison measured.
    Map<String, FamilyDriftCheck.Family> families = new FamilyDriftCheck().test(comparison).tested();
    List<Report.PrefixReport> out = new ArrayList<>();
    for (String prefix : comparison.prefixes()) {
      Set<String> columns = new TreeSet<>();
      PrefixStats t = train.prefixes().get(prefix);
      PrefixStats p = predict.prefixes().get(prefix);
      if (t != null) {
        columns.addAll(t.columns().keySet());
      }
      if (p != null) {
        columns.addAll(p.columns().keySet());
      }
      out.add(new Report.PrefixReport(prefix, columns.size(), prefixSummary(comparison, train, prefix),
          prefixSummary(comparison, predict, prefix),
          prefixDrift(columns, comparison.columnDrift(), drifted, families.get(prefix)),
          byTarget.getOrDefault("prefix:" + prefix, List.of()), null));
    }
    return out;
  }

  /**
   * The prefix's roll-up over its tested columns (PSI over numeric and categorical ones, JS and KS
   * over numeric ones) and its family test, when it had one.
   */
  private static Report.PrefixDrift prefixDrift(Set<String> columns, Map<String, ColumnDrift> drift,
      Set<String> drifted, FamilyDriftCheck.Family family) {
    List<String> tested = columns.stream().filter(drift::containsKey).toList();
    List<NumericDrift> numeric = tested.stream().map(drift::get).filter(NumericDrift.class::isInstance)
        .map(NumericDrift.class::cast).toList();
    int driftedColumns = (int) tested.stream().filter(drifted::contains).count();
    ToDoubleFunction<String> psiOf = c -> drift.get(c).psi();
    double[] psi = tested.stream().mapToDouble(psiOf).toArray();
    double[] js = numeric.stream().mapToDouble(NumericDrift::js).toArray();
    double[] ks = numeric.stream().mapToDouble(NumericDrift::ks).toArray();
    List<String> worst = tested.stream()
        .sorted(Comparator.comparingDouble((String c) -> -psiOf.applyAsDouble(c)).thenComparing(c -> c))
        .limit(WORST_COLUMNS).toList();
    return new Report.PrefixDrift(tested.size(), driftedColumns, ratio(driftedColumns, tested.size()), max(psi),
        mean(psi), max(js), mean(js), max(ks), mean(ks), worst, family == null ? null : familyDrift(family));
  }

  private static Report.FamilyDrift familyDrift(FamilyDriftCheck.Family family) {
    FamilyDrift d = family.drift();
    return new Report.FamilyDrift(aggregateDrift(d.total()), aggregateDrift(d.nonZeroCount()),
        aggregateDrift(d.nonZeroMean()), d.meanShift(), d.meanShiftPValue(), d.logMeanShift(),
        d.logMeanShiftPValue(), d.columnsUp(), d.columnsDown(), family.tests(), family.pValue());
  }

  private static Report.ColumnDrift aggregateDrift(NumericDrift d) {
    return d == null ? null : numericDrift(d);
  }

  private static double max(double[] xs) {
    return Arrays.stream(xs).max().orElse(Double.NaN);
  }

  private static double mean(double[] xs) {
    return Arrays.stream(xs).average().orElse(Double.NaN);
  }

  private static Report.PrefixSummary prefixSummary(Comparison comparison, DatasetProfile d, String prefix) {
    PrefixStats p = d.prefixes().get(prefix);
    if (p == null || d.rows() == 0) {
      return null;
    }
    long zeros = 0;
    long numbers = 0;
    long missing = 0;
    int constant = 0;
    double stddevSum = 0;
    int stddevs = 0;
    for (ColumnStats c : p.columns().values()) {
      zeros += c.zeros();
      numbers += c.count();
      missing += d.missing(c);
      if (Comparison.constant(d, c)) {
        constant++;
      }
      if (!Double.isNaN(c.stddev())) {
        stddevSum += c.stddev();
        stddevs++;
      }
    }
    int columns = p.columns().size();
    Comparison.PrefixRows rows = comparison.prefixRows(d, prefix);
    return new Report.PrefixSummary(columns, ratio(zeros, numbers), ratio(missing, d.rows() * columns), constant,
        stddevs == 0 ? Double.NaN : stddevSum / stddevs, rows.zeroRowRate(), rows.missingRowRate());
  }

  private static List<Report.ColumnReport> columnReports(Comparison comparison, Map<String, List<Finding>> byTarget) {
    List<Comparison.Column> ordered = new ArrayList<>(comparison.columns().values());
    ordered.sort(Comparator.comparing(Comparison.Column::prefix).thenComparing(Comparison.Column::name));
    List<Report.ColumnReport> out = new ArrayList<>(ordered.size());
    for (Comparison.Column c : ordered) {
      out.add(new Report.ColumnReport(c.name(), c.prefix(), c.role(), c.type(),
          columnSummary(comparison.train(), c.train(), c.categorical()),
          columnSummary(comparison.predict(), c.predict(), c.categorical()), columnDrift(comparison, c.name()),
          byTarget.getOrDefault(c.name(), List.of())));
    }
    return out;
  }

  private static Report.ColumnDrift columnDrift(Comparison comparison, String name) {
    ColumnDrift drift = comparison.columnDrift().get(name);
    if (drift instanceof CategoricalDrift c) {
      return new Report.ColumnDrift(c.psi(), Double.NaN, Double.NaN, c.linf(), Double.NaN, c.chiSquarePValue(), null,
          c.categories(), boxed(c.trainProportions()), boxed(c.predictProportions()), null);
    }
    if (drift instanceof NumericDrift d) {
      return numericDrift(d);
    }
    return Report.ColumnDrift.untested(comparison.untestedReasons().get(name));
  }

  private static Report.ColumnDrift numericDrift(NumericDrift d) {
    return new Report.ColumnDrift(d.psi(), d.js(), d.ks(), Double.NaN, d.ksPValue(), d.chiSquarePValue(),
        boxed(d.bins().edges()), null, boxed(d.trainProportions()), boxed(d.predictProportions()), null);
  }

  private static List<Double> boxed(double[] xs) {
    return Arrays.stream(xs).boxed().toList();
  }

  private static Report.ColumnSummary columnSummary(DatasetProfile d, ColumnStats c, boolean categorical) {
    if (c == null) {
      return null;
    }
    Map<String, Double> quantiles = null;
    if (c.count() > 0) {
      quantiles = new LinkedHashMap<>();
      for (int i = 0; i < RANKS.length; i++) {
        quantiles.put(RANK_NAMES[i], c.quantile(RANKS[i]));
      }
    }
    double distinct = c.distinct();
    return new Report.ColumnSummary(c.count(), d.missing(c), c.nonNumeric(), c.zeros(), c.mean(), c.stddev(),
        c.min(), c.max(), quantiles, c.skewness(), c.excessKurtosis(),
        Double.isNaN(distinct) ? null : Math.round(distinct), categorical ? c.topValues(TOP_VALUES) : null);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
