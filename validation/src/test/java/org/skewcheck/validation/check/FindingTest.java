package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTest {
  private static Finding finding(String target, Figures figures) {
    return new Finding(Check.SPARSITY, Scope.COLUMN, target, Severity.ERROR, target + " went sparse", figures);
  }

  @Test
  void probabilitiesAreTypedFieldsListedWhereTheCheckGaveThem() {
    Finding f = finding("LG_a", new Figures().put("trainN", 5_000L).put("predictN", 100L).probability(1e-9, 4e-8)
        .put("heavierIn", "predict"));

    assertThat(f.probability()).isEqualTo(1e-9);
    assertThat(f.adjustedProbability()).isEqualTo(4e-8);
    assertThat(f.figures()).containsOnlyKeys("trainN", "predictN", "heavierIn");
    assertThat(f.reportedFigures().keySet())
        .containsExactly("trainN", "predictN", "probability", "adjustedProbability", "heavierIn");
    assertThat(f.explainedBy(new Finding.Cause(Check.SPARSITY, Scope.PREFIX, "LG")).explaining(2).reportedFigures())
        .as("folding keeps them").isEqualTo(f.reportedFigures());
  }

  @Test
  void aProbabilityGivenFirstOrLastIsListedFirstOrLast() {
    assertThat(finding("a", new Figures().probability(0.5).put("psi", 0.2)).reportedFigures().keySet())
        .containsExactly("probability", "psi");
    assertThat(finding("a", new Figures().put("psi", 0.2).probability(0.5)).reportedFigures().keySet())
        .containsExactly("psi", "probability");
  }

  @Test
  void aFindingWithoutATestHasNoProbabilityAndOrdersAsOne() {
    Finding untested = new Finding(Check.SCHEMA, Scope.COLUMN, "b", Severity.ERROR, "b", Map.of("presentIn", "train"));
    Finding likely = finding("a", new Figures().probability(0.9));
    Finding unlikely = finding("c", new Figures().probability(1e-6));

    assertThat(untested.probability()).isNull();
    assertThat(untested.adjustedProbability()).isNull();
    assertThat(untested.reportedFigures()).containsOnlyKeys("presentIn");
    assertThat(List.of(untested, likely, unlikely).stream().sorted(Finding.REPORT_ORDER).map(Finding::target))
        .containsExactly("c", "a", "b");
  }

  @Test
  void aProbabilityIsGivenOnceAndNeverAsAFigure() {
    assertThatThrownBy(() -> new Figures().probability(0.1).probability(0.2))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Finding(Check.DRIFT, Scope.COLUMN, "a", Severity.ERROR, "a",
        Map.of("probability", 0.1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typed");
  }
}
