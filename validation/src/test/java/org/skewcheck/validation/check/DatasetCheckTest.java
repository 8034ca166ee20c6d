package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.DamagedFile;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

class DatasetCheckTest {
  @Test
  void anEmptyDatasetRejectedRowsAndADamagedFileAreFindingsWithTheirFiguresInAFixedOrder() {
    DatasetProfile train = new Table(20).normal("IQ_a", 0, new SplittableRandom(1)).profile("train");
    DatasetProfile read = new DatasetProfile(Dataset.TRAIN, 2, train.rows(), 5, train.prefixes());
    DatasetProfile empty = new DatasetProfile(Dataset.PREDICT, 1, 0, 3, Map.of());
    Comparison comparison = Comparison.of(SkewConfig.defaults(), read, empty)
        .withDamagedFiles(List.of(new DamagedFile(Dataset.PREDICT, "b.csv.gz", 7, "truncated"),
            new DamagedFile(Dataset.PREDICT, "a.csv.gz", 40, "truncated")));

    List<Finding> findings = new DatasetCheck().check(comparison);

    assertThat(findings).extracting(Finding::check, Finding::target).containsExactly(
        Tuple.tuple(Check.REJECTED_ROWS, "train"),
        Tuple.tuple(Check.EMPTY, "predict"),
        Tuple.tuple(Check.REJECTED_ROWS, "predict"),
        Tuple.tuple(Check.DAMAGED_FILE, "predict"),
        Tuple.tuple(Check.DAMAGED_FILE, "predict"));
    assertThat(findings.get(0).reportedFigures()).containsExactly(Map.entry("rejectedRows", 5L),
        Map.entry("rejectedFraction", 0.2));
    assertThat(findings.get(1).reportedFigures()).containsExactly(Map.entry("files", 1L), Map.entry("rejectedRows", 3L));
    assertThat(findings.get(3).reportedFigures()).as("by path")
        .containsExactly(Map.entry("dataset", "predict"), Map.entry("file", "a.csv.gz"), Map.entry("line", 40L));
    assertThat(findings.get(4).message()).startsWith("predict: b.csv.gz is damaged from line 7 on (truncated)");
  }
}
