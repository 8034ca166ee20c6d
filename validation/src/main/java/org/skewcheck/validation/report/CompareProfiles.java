package org.skewcheck.validation.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.skewcheck.validation.check.Causes;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.ColumnType;
import org.skewcheck.validation.check.DriftCheck;
import org.skewcheck.validation.check.DuplicateCheck;
import org.skewcheck.validation.check.FamilyDriftCheck;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.RuleCheck;
import org.skewcheck.validation.check.SchemaCheck;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.check.SparsityCheck;
import org.skewcheck.validation.check.UnseenCategoryCheck;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.CategoricalDrift;
import org.skewcheck.validation.drift.FamilyDrift;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.score.ScoreCheck;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.score.ScoresReport;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.DamagedFile;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Compares a train and a predict profile and builds the {@link Report}: every check runs here, on
 * complete profiles, so the same findings come out whatever engine built the profiles.
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
    return new CompareProfiles(config, provenance, duplicates, files.stream()
        .sorted(Comparator.comparing(DamagedFile::dataset).thenComparing(DamagedFile::file)).toList());
  }

  public Report compare(DatasetProfile train, DatasetProfile predict) {
    return compare(train, predict, null, null);
  }

  /** Also compares the model's scores on both datasets, when both summaries are given. */
  public Report compare(DatasetProfile train, DatasetProfile predict, ScoreSummary trainScores,
      ScoreSummary predictScores) {
    Map<String, String> prefixOf = new TreeMap<>();
    for (DatasetProfile d : List.of(train, predict)) {
      d.prefixes().forEach((prefix, stats) -> stats.columns().keySet().forEach(c -> prefixOf.put(c, prefix)));
    }
    Set<String> features = new TreeSet<>();
    prefixOf.keySet().stream().filter(c -> config.columns().roleOf(c).equals("feature")).forEach(features::add);

    List<Finding> checked = new ArrayList<>();
    checked.addAll(datasetFindings(train));
    checked.addAll(datasetFindings(predict));
    damagedFiles.forEach(f -> checked.add(damagedFinding(f)));
    checked.addAll(duplicateFindings(train, predict));
    checked.addAll(new SchemaCheck(prefixOf, config.expectedColumns(), config.columns().label()).run(train, predict, features));
    checked.addAll(new RuleCheck(config, prefixOf).run(train, predict));
    checked.addAll(new SparsityCheck(config).run(train, predict, features));
    DriftCheck.Result drift = new DriftCheck(config).run(train, predict, features);
    checked.addAll(drift.findings());
    FamilyDriftCheck.Result family = new FamilyDriftCheck(config).run(train, predict, features);
    checked.addAll(family.findings());
    checked.addAll(new UnseenCategoryCheck(config).run(train, predict, drift.categorical().keySet()));
    ScoresReport scores = null;
    if (trainScores != null && predictScores != null) {
      ScoreCheck.Result scored = new ScoreCheck(config).run(trainScores, predictScores);
      scores = scored.report();
      checked.addAll(scored.findings());
    }
    checked.sort(Finding.REPORT_ORDER);
    List<Finding> findings = Causes.link(checked, prefixOf);

    // A schema finding names a whole prefix exactly when that prefix is in one dataset only (else it
    // names columns); it belongs with the prefix, like the prefix-scope findings.
    Set<String> oneSidedPrefixes = new TreeSet<>(train.prefixes().keySet());
    oneSidedPrefixes.addAll(predict.prefixes().keySet());
    oneSidedPrefixes.removeIf(prefix -> train.prefixes().containsKey(prefix) && predict.prefixes().containsKey(prefix));
    Map<String, List<Finding>> byTarget = new LinkedHashMap<>();
    findings.forEach(f -> {
      boolean aboutPrefix = f.scope() == Scope.PREFIX
          || (f.scope() == Scope.SCHEMA && f.check() == Check.SCHEMA && oneSidedPrefixes.contains(f.target()));
      byTarget.computeIfAbsent(aboutPrefix ? "prefix:" + f.target() : f.target(), k -> new ArrayList<>()).add(f);
    });

    Map<String, Report.DatasetSummary> datasets = new LinkedHashMap<>();
    datasets.put("train", datasetSummary(train));
    datasets.put("predict", datasetSummary(predict));
    Map<String, String> measures = new LinkedHashMap<>(DriftCheck.definitions(config));
    measures.putAll(FamilyDriftCheck.definitions(config));
    return new Report(Report.SCHEMA_VERSION, TOOL, Verdict.of(findings), provenance, datasets, findings, scores,
        measures, prefixReports(train, predict, drift, family, byTarget),
        columnReports(train, predict, prefixOf, drift, byTarget));
  }

  private static List<Finding> datasetFindings(DatasetProfile d) {
    List<Finding> out = new ArrayList<>();
    if (d.rows() == 0) {
      out.add(new Finding(Check.EMPTY, Scope.DATASET, d.name(), Severity.ERROR,
          d.name() + " has no readable rows (" + d.files() + " files, " + d.rejectedRows() + " rows rejected)",
          Map.of("files", d.files(), "rejectedRows", d.rejectedRows())));
    }
    if (d.rejectedRows() > 0) {
      double share = (double) d.rejectedRows() / (d.rows() + d.rejectedRows());
      out.add(new Finding(Check.REJECTED_ROWS, Scope.DATASET, d.name(), Severity.WARNING,
          d.name() + ": " + d.rejectedRows() + " rows could not be read (see rejected/)",
          Map.of("rejectedRows", d.rejectedRows(), "rejectedFraction", share)));
    }
    return out;
  }

  private static Finding damagedFinding(DamagedFile f) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("dataset", f.dataset());
    figures.put("file", f.file());
    figures.put("line", f.line());
    return new Finding(Check.DAMAGED_FILE, Scope.DATASET, f.dataset(), Severity.ERROR,
        f.dataset() + ": " + f.file() + " is damaged from line " + f.line() + " on (" + f.reason() + "): the rows "
            + "before it were profiled, the rest of the file could not be read", figures);
  }

  /**
   * Where the config declares rows unique ({@code rowsUnique} or a {@code uniqueKey}), any repeated
   * row is a finding; otherwise repeats happen by nature and the two datasets' rates are compared.
   */
  private List<Finding> duplicateFindings(DatasetProfile train, DatasetProfile predict) {
    Duplicates t = duplicates.get(train.name());
    Duplicates p = duplicates.get(predict.name());
    boolean declaredUnique = config.rowsUnique() || !config.uniqueKey().isEmpty();
    List<Finding> out = new ArrayList<>();
    if (!declaredUnique && t != null && p != null) {
      out.addAll(new DuplicateCheck(config).run(train, predict, t.rows(), p.rows()));
    }
    for (String dataset : List.of(train.name(), predict.name())) {
      Duplicates d = duplicates.get(dataset);
      if (d == null) {
        continue;
      }
      if (declaredUnique && d.rows() > 0) {
        out.add(new Finding(Check.DUPLICATE_ROWS, Scope.DATASET, dataset, Severity.WARNING,
            dataset + ": " + d.rows() + " rows repeat an earlier row in every column",
            Map.of("duplicateRows", d.rows())));
      }
      if (d.keys() != null && d.keys() > 0) {
        out.add(new Finding(Check.UNIQUE_KEY, Scope.DATASET, dataset, Severity.ERROR,
            dataset + ": the key " + config.uniqueKey() + " is not unique: " + d.keys() + " rows repeat an earlier key",
            Map.of("duplicateKeys", d.keys(), "key", String.join(",", config.uniqueKey()))));
      }
    }
    return out;
  }

  private Report.DatasetSummary datasetSummary(DatasetProfile d) {
    int columns = d.prefixes().values().stream().mapToInt(p -> p.columns().size()).sum();
    Duplicates dup = duplicates.get(d.name());
    return new Report.DatasetSummary(d.files(), d.rows(), d.rejectedRows(), columns,
        dup == null ? null : dup.rows(), dup == null ? null : dup.keys());
  }

  private List<Report.PrefixReport> prefixReports(DatasetProfile train, DatasetProfile predict,
      DriftCheck.Result drift, FamilyDriftCheck.Result family, Map<String, List<Finding>> byTarget) {
    Set<String> prefixes = new TreeSet<>(train.prefixes().keySet());
    prefixes.addAll(predict.prefixes().keySet());
    List<Report.PrefixReport> out = new ArrayList<>();
    for (String prefix : prefixes) {
      Set<String> columns = new TreeSet<>();
      PrefixStats t = train.prefixes().get(prefix);
      PrefixStats p = predict.prefixes().get(prefix);
      if (t != null) {
        columns.addAll(t.columns().keySet());
      }
      if (p != null) {
        columns.addAll(p.columns().keySet());
      }
      out.add(new Report.PrefixReport(prefix, columns.size(), prefixSummary(train, t), prefixSummary(predict, p),
          prefixDrift(columns, drift, family.tested().get(prefix)), byTarget.getOrDefault("prefix:" + prefix, List.of()), null));
    }
    return out;
  }

  /**
   * The prefix's roll-up over its tested columns (PSI over numeric and categorical ones, JS and KS
   * over numeric ones) and its family test, when it had one.
   */
  private static Report.PrefixDrift prefixDrift(Set<String> columns, DriftCheck.Result drift,
      FamilyDriftCheck.Family family) {
    List<String> tested = columns.stream()
        .filter(c -> drift.tested().containsKey(c) || drift.categorical().containsKey(c)).toList();
    List<String> numeric = tested.stream().filter(drift.tested()::containsKey).toList();
    int drifted = (int) tested.stream().filter(drift.drifted()::contains).count();
    ToDoubleFunction<String> psiOf = c -> drift.tested().containsKey(c) ? drift.tested().get(c).psi()
        : drift.categorical().get(c).psi();
    double[] psi = tested.stream().mapToDouble(psiOf).toArray();
    double[] js = numeric.stream().mapToDouble(c -> drift.tested().get(c).js()).toArray();
    double[] ks = numeric.stream().mapToDouble(c -> drift.tested().get(c).ks()).toArray();
    List<String> worst = tested.stream()
        .sorted(Comparator.comparingDouble((String c) -> -psiOf.applyAsDouble(c)).thenComparing(c -> c))
        .limit(WORST_COLUMNS).toList();
    return new Report.PrefixDrift(tested.size(), drifted, ratio(drifted, tested.size()), max(psi), mean(psi),
        max(js), mean(js), max(ks), mean(ks), worst, family == null ? null : familyDrift(family));
  }

  private static Report.FamilyDrift familyDrift(FamilyDriftCheck.Family family) {
    FamilyDrift d = family.drift();
    return new Report.FamilyDrift(aggregateDrift(d.total()), aggregateDrift(d.nonZeroCount()),
        aggregateDrift(d.nonZeroMean()), d.meanShift(), d.meanShiftPValue(), d.columnsUp(), d.columnsDown(),
        family.tests(), family.pValue());
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

  private static Report.PrefixSummary prefixSummary(DatasetProfile d, PrefixStats p) {
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
      if (c.isConstant() && d.missing(c) == 0 && c.nonNumeric() == 0) {
        constant++;
      }
      if (!Double.isNaN(c.stddev())) {
        stddevSum += c.stddev();
        stddevs++;
      }
    }
    int columns = p.columns().size();
    return new Report.PrefixSummary(columns, ratio(zeros, numbers), ratio(missing, d.rows() * columns), constant,
        stddevs == 0 ? Double.NaN : stddevSum / stddevs, ratio(p.rowsAnyPresent() - p.rowsAnyNonZero(), p.rowsAnyPresent()),
        ratio(d.rows() - p.rowsAnyPresent(), d.rows()));
  }

  private List<Report.ColumnReport> columnReports(DatasetProfile train, DatasetProfile predict,
      Map<String, String> prefixOf, DriftCheck.Result drift, Map<String, List<Finding>> byTarget) {
    Map<String, ColumnStats> t = train.columns();
    Map<String, ColumnStats> p = predict.columns();
    List<Map.Entry<String, String>> ordered = new ArrayList<>(prefixOf.entrySet());
    ordered.sort(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    List<Report.ColumnReport> out = new ArrayList<>(ordered.size());
    for (Map.Entry<String, String> e : ordered) {
      String name = e.getKey();
      ColumnStats tc = t.get(name);
      ColumnStats pc = p.get(name);
      boolean categorical = ColumnType.categorical(config, name, tc, pc);
      out.add(new Report.ColumnReport(name, e.getValue(), config.columns().roleOf(name),
          categorical ? ColumnType.CATEGORICAL : ColumnType.NUMERIC, columnSummary(train, tc, categorical),
          columnSummary(predict, pc, categorical), columnDrift(name, drift), byTarget.getOrDefault(name, List.of())));
    }
    return out;
  }

  private static Report.ColumnDrift columnDrift(String name, DriftCheck.Result drift) {
    CategoricalDrift c = drift.categorical().get(name);
    if (c != null) {
      return new Report.ColumnDrift(c.psi(), Double.NaN, Double.NaN, c.linf(), Double.NaN, c.chiSquarePValue(), null,
          c.categories(), boxed(c.trainProportions()), boxed(c.predictProportions()), null);
    }
    NumericDrift d = drift.tested().get(name);
    if (d == null) {
      return Report.ColumnDrift.untested(drift.untested().get(name));
    }
    return numericDrift(d);
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
