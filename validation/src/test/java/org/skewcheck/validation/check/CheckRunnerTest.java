package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.DamagedFile;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.Table;

/** The runner runs every check: over three fixtures, every kind of finding a profile comparison can raise. */
class CheckRunnerTest {
  private static final String[] CITIES = {"Oslo", "Rome", "Lima", "Pune", "Kyiv"};

  /**
   * Train and predict that differ in every way one comparison can show: a column in one dataset
   * only, text in one dataset only, a range broken, a family gone all zero, a column gone missing,
   * a column pinned, a shifted column and a shifted family, a new city.
   */
  private static Table table(int rows, boolean predict, SplittableRandom random) {
    Table t = new Table(rows).normal("IQ_a", predict ? 1 : 0, random).normal("IQ_t", 0, random);
    if (!predict) {
      t.normal("IQ_only", 0, random);
    }
    for (int i = 0; i < 3; i++) {
      if (predict) {
        t.add("LG_" + i, r -> 0.0);
      } else {
        t.sparse("LG_" + i, 0.95, random);
      }
      t.normal("FG_" + i, predict ? 1 : 0, random);
    }
    t.add("WI_m", r -> predict ? Double.NaN : random.nextInt(5));
    t.add("U_a", r -> predict ? 3 : 1 + random.nextInt(5));
    t.add("CAT_city", r -> Double.NaN);
    for (int r = 0; r < rows; r++) {
      t.text("CAT_city", r, predict && r % 10 == 0 ? "Atlantis" : CITIES[random.nextInt(CITIES.length)]);
    }
    if (predict) {
      t.text("IQ_t", 0, "n/a");
    }
    return t;
  }

  private static ScoreSummary scores(int rows, double mean, SplittableRandom random) {
    ScoreSummary s = new ScoreSummary();
    for (int r = 0; r < rows; r++) {
      s.addScore(mean + 0.1 * Table.gaussian(random));
    }
    s.addAttribution(rows, rows * mean, Map.of("IQ", rows * mean), 0);
    return s;
  }

  private static Set<Check> kinds(List<Finding> findings) {
    Set<Check> kinds = EnumSet.noneOf(Check.class);
    findings.forEach(f -> kinds.add(f.check()));
    return kinds;
  }

  @Test
  void everyKindOfFindingComesOutOfTheRunner() {
    SplittableRandom random = new SplittableRandom(1301);
    DatasetProfile train = table(2_000, false, random).profile("train");
    DatasetProfile read = table(500, true, random).profile("predict");
    DatasetProfile predict = new DatasetProfile(Dataset.PREDICT, read.files(), read.rows(), 7, read.prefixes());
    SkewConfig paired = SkewConfig.parse("columns: {recordedScore: score}\nexpectedColumns: [IQ_a, IQ_gone]\n"
        + "rules:\n  - column: IQ_a\n    range: [-1, 1]\n", "t");
    ScoreSummary predictScores = scores(500, 0.6, random);
    predictScores.addRecorded(0.5, 0.9);
    predictScores.addBeyondFloat("IQ_a", 3);
    List<Finding> differing = CheckRunner.run(Comparison.of(paired, train, predict)
        .withDuplicates(Map.of("train", new Duplicates(0, null), "predict", new Duplicates(100, null)))
        .withDamagedFiles(List.of(new DamagedFile(Dataset.PREDICT, "p.csv.gz", 40, "Unexpected end of ZLIB input stream")))
        .withScores(scores(2_000, 0.3, random), predictScores));

    SkewConfig unique = SkewConfig.parse("uniqueKey: [row_id]\n", "t");
    List<Finding> repeated = CheckRunner.run(Comparison.of(unique, train, train)
        .withDuplicates(Map.of("train", new Duplicates(3, 2L))));

    List<Finding> empty = CheckRunner.run(Comparison.of(SkewConfig.defaults(), train,
        new DatasetProfile(Dataset.PREDICT, 1, 0, 0, Map.of())));

    List<Finding> all = new ArrayList<>(differing);
    all.addAll(repeated);
    all.addAll(empty);
    Set<Check> expected = EnumSet.allOf(Check.class);
    expected.remove(Check.HISTORY_ANOMALY);  // the history check compares a report with earlier runs' records
    assertThat(kinds(all)).isEqualTo(expected);
    assertThat(kinds(repeated)).containsExactlyInAnyOrder(Check.DUPLICATE_ROWS, Check.UNIQUE_KEY);
    assertThat(kinds(empty)).containsExactly(Check.EMPTY);
  }

  @Test
  void findingsComeInReportOrderWithColumnsFoldedUnderTheirPrefix() {
    SplittableRandom random = new SplittableRandom(1302);
    List<Finding> findings = CheckRunner.run(Comparison.of(SkewConfig.defaults(),
        table(2_000, false, random).profile("train"), table(500, true, random).profile("predict")));

    assertThat(findings).isSortedAccordingTo(Finding.REPORT_ORDER);
    Finding lg = findings.stream().filter(f -> f.check() == Check.SPARSITY && f.scope() == Scope.PREFIX
        && f.target().equals("LG")).findFirst().orElseThrow();
    assertThat(lg.explains()).isEqualTo(3);
    assertThat(findings).filteredOn(f -> f.target().startsWith("LG_") && f.check() == Check.SPARSITY)
        .hasSize(3).allSatisfy(f -> assertThat(f.explainedBy()).isEqualTo(lg.asCause()));
  }
}
