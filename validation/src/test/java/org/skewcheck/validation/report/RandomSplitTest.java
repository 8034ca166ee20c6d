package org.skewcheck.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.ProfileFixtures;
import org.skewcheck.validation.stats.WideTable;

/**
 * No false alarms from any check: one dataset split in two at random is not skewed against itself,
 * whether the prediction part is small (100 of 5,000 rows) or half.
 */
class RandomSplitTest {
  private static final WideTable DATA = WideTable.generate(112, 5_000);

  private static Report compare(DatasetProfile train, DatasetProfile predict) {
    return CompareProfiles.with(SkewConfig.defaults()).compare(train, predict);
  }

  private static List<String> alarms(Report report) {
    return report.findings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::message).toList();
  }

  @Test
  void randomSplitsRaiseNoErrorAndNoWarning() {
    for (long seed = 1; seed <= 3; seed++) {
      for (int predictRows : new int[] {100, 2_500}) {
        WideTable.Split split = DATA.split(seed, predictRows);
        Report report = compare(split.train(), split.predict());

        assertThat(alarms(report)).as("%s / %s split, seed %s", 5_000 - predictRows, predictRows, seed).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.OK);
        long tested = report.columns().stream().filter(c -> c.drift().untestedReason() == null).count();
        assertThat(tested).as("drift was measured, not skipped").isGreaterThanOrEqualTo(290);
        assertThat(report.columns()).filteredOn(c -> c.name().startsWith("CAT_")).hasSize(3).allSatisfy(c -> {
          assertThat(c.type()).isEqualTo("categorical");
          assertThat(c.drift().linf()).as(c.name()).isLessThan(predictRows == 100 ? 0.2 : 0.05);
          assertThat(c.drift().untestedReason()).isNull();
        });
        assertThat(report.columns()).filteredOn(c -> c.name().startsWith("ID_") || c.name().startsWith("TS_"))
            .hasSize(2).allSatisfy(c -> assertThat(c.drift().untestedReason()).startsWith("id-like"));
      }
    }
  }

  @Test
  void theSameDataWithOneFamilyShiftedIsCaught() {
    // The quiet test above is not quiet because nothing can be flagged: move one measurement family
    // by one standard deviation in 100 rows and its columns drift, and nothing else does.
    String[] names = DATA.names();
    int first = Arrays.asList(names).indexOf("IQ0_m0");
    double[][] predictRows = new double[100][];
    double[][] trainRows = Arrays.copyOfRange(DATA.rows(), 100, 5_000);
    for (int r = 0; r < 100; r++) {
      predictRows[r] = DATA.rows()[r].clone();
      for (int c = first; c < first + 20; c++) {
        predictRows[r][c] += 1.0;
      }
    }
    PrefixRules rules = PrefixRules.defaults();
    DatasetProfile train = ProfileFixtures.dataset("train", names, trainRows, DATA.text(trainRows), rules);
    DatasetProfile predict = ProfileFixtures.dataset("predict", names, predictRows, DATA.text(predictRows), rules);
    Report report = compare(train, predict);

    // The family moved as a whole, so besides its columns the family test flags it, once.
    assertThat(report.findings()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.check()).isIn(Check.DRIFT, Check.FAMILY_DRIFT);
      assertThat(f.target()).startsWith("IQ0");
    });
    assertThat(report.findings()).filteredOn(f -> f.check() == Check.FAMILY_DRIFT).singleElement()
        .satisfies(f -> assertThat(f.target()).isEqualTo("IQ0"));
    assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).hasSizeGreaterThan(15);
    Report.PrefixDrift iq0 = report.prefixes().stream().filter(p -> p.prefix().equals("IQ0")).findFirst()
        .orElseThrow().drift();
    assertThat(iq0.columnsTested()).isEqualTo(20);
    assertThat(iq0.driftedShare()).isGreaterThan(0.75);
    assertThat(iq0.psiMean()).isGreaterThan(0.5);
  }
}
