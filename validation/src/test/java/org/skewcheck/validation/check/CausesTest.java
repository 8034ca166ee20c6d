package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grouping by cause: a column finding folds under its prefix's finding of the same kind and
 * direction when that one is at least as severe; anything else stays a cause of its own.
 */
class CausesTest {
  private static final Map<String, String> PREFIX_OF = Map.of("LG_1", "LG", "LG_2", "LG", "LG_3", "LG", "IQ_a", "IQ");

  private static Finding finding(Check check, Scope scope, String target, Severity severity, String key,
      String direction) {
    return new Finding(check, scope, target, severity, target + " " + check.label(), Map.of(key, direction));
  }

  @Test
  void columnFindingsOfTheSameKindAndDirectionFoldUnderTheirPrefix() {
    Finding lg = finding(Check.SPARSITY, Scope.PREFIX, "LG", Severity.ERROR, "heavierIn", "predict");
    List<Finding> linked = Causes.link(List.of(lg,
        finding(Check.SPARSITY, Scope.COLUMN, "LG_1", Severity.ERROR, "heavierIn", "predict"),
        finding(Check.SPARSITY, Scope.COLUMN, "LG_2", Severity.WARNING, "heavierIn", "predict"),
        finding(Check.SPARSITY, Scope.COLUMN, "LG_3", Severity.ERROR, "heavierIn", "train"),
        finding(Check.SPARSITY, Scope.COLUMN, "IQ_a", Severity.ERROR, "heavierIn", "predict"),
        finding(Check.DRIFT, Scope.COLUMN, "LG_1", Severity.ERROR, "direction", "down")), PREFIX_OF);

    assertThat(linked.get(0).explains()).as("LG_1 and LG_2").isEqualTo(2);
    assertThat(linked.get(0).explainedBy()).isNull();
    assertThat(linked.get(1).explainedBy()).isEqualTo(new Finding.Cause(Check.SPARSITY, Scope.PREFIX, "LG"));
    assertThat(linked.get(2).explainedBy()).isEqualTo(lg.asCause());
    assertThat(linked.get(3).explainedBy()).as("the other direction").isNull();
    assertThat(linked.get(4).explainedBy()).as("another prefix").isNull();
    assertThat(linked.get(5).explainedBy()).as("another kind of change").isNull();
    assertThat(linked).extracting(Finding::message).as("every finding stays, in order")
        .containsExactly("LG sparsity", "LG_1 sparsity", "LG_2 sparsity", "LG_3 sparsity", "IQ_a sparsity",
            "LG_1 drift");
  }

  @Test
  void aColumnDriftFoldsUnderItsFamilysDriftOnlyTheSameWayAndNeverUnderALesserFinding() {
    List<Finding> linked = Causes.link(List.of(
        finding(Check.FAMILY_DRIFT, Scope.PREFIX, "LG", Severity.WARNING, "direction", "down"),
        finding(Check.DRIFT, Scope.COLUMN, "LG_1", Severity.ERROR, "direction", "down"),
        finding(Check.DRIFT, Scope.COLUMN, "LG_2", Severity.WARNING, "direction", "down"),
        finding(Check.DRIFT, Scope.COLUMN, "LG_3", Severity.WARNING, "direction", "up")), PREFIX_OF);

    assertThat(linked.get(1).explainedBy()).as("an error is not hidden under a warning").isNull();
    assertThat(linked.get(2).explainedBy()).isEqualTo(linked.get(0).asCause());
    assertThat(linked.get(3).explainedBy()).isNull();
    assertThat(linked.get(0).explains()).isEqualTo(1);
  }
}
