package org.skewcheck.validation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skewcheck.validation.stats.Dataset;

class SkewConfigTest {
  /** The repository's ready-to-use configs, relative to the module directory (Maven's working dir). */
  private static SkewConfig repoConfig(String name) throws IOException {
    Path path = Path.of("..", "configs", name);
    return SkewConfig.parse(Files.readString(path), path.toString());
  }

  private static SkewConfig parse(String yaml) {
    return SkewConfig.parse(yaml, "test.yaml");
  }

  @Test
  void defaultYamlHoldsExactlyTheDefaults() throws IOException {
    SkewConfig config = repoConfig("default.yaml");
    assertThat(config.columns().id()).isNull();
    assertThat(config.columns().label()).isNull();
    assertThat(config.columns().recordedScore()).isNull();
    assertThat(config.prefixes()).isEmpty();
    assertThat(config.expected().train().constant()).isEmpty();
    assertThat(config.expected().train().sparse()).isEmpty();
    assertThat(config.expected().predict().constant()).isEmpty();
    assertThat(config.expected().predict().sparse()).isEmpty();
    assertThat(config.sparsity().alpha()).isEqualTo(0.001);
    assertThat(config.sparsity().minChange()).isEqualTo(0.1);
    assertThat(config.sparsity().prefixColumnShare()).isEqualTo(0.5);
    assertThat(config.drift()).isEqualTo(new SkewConfig.Drift(0.1, 0.25, 0.1, 0.1, 0.05, 0.1, 0.2, 0.95, 50L));
    assertThat(config.history()).isEqualTo(new SkewConfig.History(0.01, 30, 5, 0.05));
    assertThat(config.rowsUnique()).isFalse();
    assertThat(config.duplicates()).isEqualTo(new SkewConfig.Duplicates(0.001, 0.05));
    assertThat(config).as("the file documents the defaults").isEqualTo(SkewConfig.defaults());
  }

  @Test
  void jootYaml() throws IOException {
    SkewConfig config = repoConfig("joot.yaml");
    assertThat(config.columns().label()).isEqualTo("target");
    assertThat(config.columns().recordedScore()).isEqualTo("score");
    assertThat(config.columns().id()).isNull();
    assertThat(config.columns().roleOf("target")).isEqualTo("label");
    assertThat(config.columns().roleOf("score")).isEqualTo("recordedScore");
    assertThat(config.columns().roleOf("U_3")).isEqualTo("feature");
    assertThat(config.expected().predict().constant()).containsExactlyInAnyOrder("U", "_Dy", "_Dm", "_Ddow", "_Dh",
        "_dateR");
    assertThat(config.expected().predict().sparse()).isEmpty();
    assertThat(config.expected().of(Dataset.PREDICT)).isSameAs(config.expected().predict());
    assertThat(config.expected().of(Dataset.TRAIN).constant()).isEmpty();
    assertThat(config.sparsity()).isEqualTo(SkewConfig.defaults().sparsity());
    assertThat(config.drift()).isEqualTo(SkewConfig.defaults().drift());
    assertThat(config.prefixRules().prefixOf("_Dy_2014")).isEqualTo("_Dy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\n", "# everything commented out\n#sparsity:\n#  alpha: 0.01\n", "---\n"})
  void blankOrEmptyYamlGivesDefaults(String yaml) {
    assertThat(parse(yaml)).isEqualTo(SkewConfig.defaults());
  }

  @Test
  void nullSectionsGiveDefaults() {
    SkewConfig config = parse("columns:\nprefixes:\nexpected:\n  predict:\nsparsity:\ndrift:\n");
    assertThat(config).isEqualTo(SkewConfig.defaults());
  }

  @Test
  void fullConfig() {
    SkewConfig config = parse("""
        columns:
          id: post_id
          label: target
        prefixes:
          - match: "^(LG)_(likes|comments)_"
            prefix: "$1_$2"
          - match: "^IQ_"
            prefix: "IQ"
        expected:
          train:
            sparse: [LG_likes]
          predict:
            constant: [U]
            sparse: [WI, LG_comments]
        sparsity:
          alpha: 0.01
          minChange: 0.2
          prefixColumnShare: 0.75
        drift:
          psiWarning: 0.2
          psiError: 0.5
          js: 0.05
          ks: 0.15
          fdr: 0.01
        """);
    assertThat(config.columns().roleOf("post_id")).isEqualTo("id");
    assertThat(config.columns().recordedScore()).isNull();
    assertThat(config.prefixes()).extracting(PrefixRule::match).containsExactly("^(LG)_(likes|comments)_", "^IQ_");
    assertThat(config.prefixRules().prefixOf("LG_comments_7")).isEqualTo("LG_comments");
    assertThat(config.prefixRules().prefixOf("IQ_IQ_HSV_Value")).isEqualTo("IQ");
    assertThat(config.prefixRules().prefixOf("WI_floral")).isEqualTo("WI");
    assertThat(config.expected().train().sparse()).containsExactly("LG_likes");
    assertThat(config.expected().predict().constant()).containsExactly("U");
    assertThat(config.expected().predict().sparse()).containsExactlyInAnyOrder("WI", "LG_comments");
    assertThat(config.sparsity().alpha()).isEqualTo(0.01);
    assertThat(config.sparsity().minChange()).isEqualTo(0.2);
    assertThat(config.sparsity().prefixColumnShare()).isEqualTo(0.75);
    assertThat(config.drift()).isEqualTo(new SkewConfig.Drift(0.2, 0.5, 0.05, 0.15, 0.01, 0.1, 0.2, 0.95, 50L));
  }

  @Test
  void driftKeysDefaultOneByOne() {
    assertThat(parse("drift:\n  psiError: 0.4\n").drift()).isEqualTo(new SkewConfig.Drift(0.1, 0.4, 0.1, 0.1, 0.05, 0.1, 0.2, 0.95, 50L));
    assertThat(parse("drift: {fdr: 0.1}\n").drift()).isEqualTo(new SkewConfig.Drift(0.1, 0.25, 0.1, 0.1, 0.1, 0.1, 0.2, 0.95, 50L));
  }

  @Test
  void historyKeysDefaultOneByOneAndBadValuesNameTheKey() {
    assertThat(parse("history:\n  alpha: 0.05\n  runs: 10\n").history())
        .isEqualTo(new SkewConfig.History(0.05, 10, 5, 0.05));
    assertThatThrownBy(() -> parse("history:\n  runs: 3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("history.minRuns must be >= 2 and history.runs >= it, got 5 and 3")
        .hasMessageContaining("'history.minRuns' and 'history.runs' at line 2, column 3:");
    assertThatThrownBy(() -> parse("history: {alpha: 0}\n")).hasMessageContaining("history.alpha must be in (0, 1]");
    assertThatThrownBy(() -> parse("history: {k: 3}\n")).hasMessageContaining("unknown key 'history.k'");
    assertThatThrownBy(() -> parse("history: {minChange: -1}\n")).hasMessageContaining("history.minChange");
    assertThatThrownBy(() -> parse("drift: {}\nhistory:\n  n: 30\n"))
        .hasMessageContaining("unknown key 'history.n' at line 3, column 3");
  }

  @Test
  void badDriftValuesNameTheKey() {
    assertThatThrownBy(() -> parse("drift:\n  psiWarning: 0.3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("drift.psiError >= it, got 0.3 and 0.25")
        .hasMessageContaining("'drift.psiWarning' and 'drift.psiError' at line 2, column 3:");
    assertThatThrownBy(() -> parse("drift:\n  psiWarning: 0\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("drift.psiWarning must be > 0");
    assertThatThrownBy(() -> parse("sparsity: {}\ndrift:\n  fdr: 1.5\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("drift.fdr must be in (0, 1], got 1.5")
        .hasMessageContaining("'drift.fdr' at line 3, column 3:");
    assertThatThrownBy(() -> parse("drift: {js: 0}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("drift.js");
    assertThatThrownBy(() -> parse("drift: {ks: 2}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("drift.ks");
    assertThatThrownBy(() -> parse("drift:\n  psi: 0.2\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'drift.psi' at line 2, column 3")
        .hasMessageContaining("psiWarning");
  }

  @Test
  void allowedValuesTakeTextAndNumbersReadAsCellsAre() {
    assertThat(parse("rules:\n  - column: colour\n    allowedValues: [red, blue]\n").rules().get(0).allowedValues())
        .containsExactly("red", "blue");
    assertThat(parse("rules:\n  - column: c\n    allowedValues: [1, 2.5, unknown, \"01\", yes, 0x10, \" a b \"]\n")
        .rules().get(0).allowedValues())
        .as("numbers, quoted or not, are numbers; YAML's booleans and hex are text as written")
        .containsExactly(1.0, 2.5, "unknown", 1.0, "yes", "0x10", " a b ");
    assertThat(parse("rules:\n  - column: c\n    allowedValues: [0, 1]\n").fingerprint())
        .as("a numeric list means what it meant")
        .isEqualTo(parse("rules:\n  - column: c\n    allowedValues: [0.0, 1.0]\n").fingerprint());
  }

  @Test
  void anAllowedValueThatIsNoValueNamesItsIndex() {
    assertThatThrownBy(() -> parse("rules:\n  - column: c\n    allowedValues:\n      - red\n      - NA\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml: bad value for 'rules[0].allowedValues[1]' at line 5, column 9: 'NA' is read as a"
            + " missing cell, never a value");
    assertThatThrownBy(() -> parse("rules:\n  - column: c\n    allowedValues: [red, ~]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'rules[0].allowedValues[1]' at line 3, column 26: an empty value");
    assertThatThrownBy(() -> parse("rules:\n  - column: c\n    allowedValues: [red, [blue]]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'rules[0].allowedValues[1]' at line 3, column 26: expected a number or text");
  }

  @Test
  void blankColumnNamesMeanNone() {
    SkewConfig config = parse("columns:\n  label: \"  \"\n  recordedScore: score\n");
    assertThat(config.columns().label()).isNull();
    assertThat(config.columns().roleOf("  ")).isEqualTo("feature");
  }

  @Test
  void unknownKeyIsNamedWithItsLine() {
    assertThatThrownBy(() -> parse("columns:\n  label: target\n  lable: target\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("test.yaml")
        .hasMessageContaining("unknown key 'columns.lable'")
        .hasMessageContaining("line 3")
        .hasMessageContaining("recordedScore");
  }

  @Test
  void unknownKeyLineIsTheKeysEvenWhenTheMappingGoesOn() {
    // Jackson reports creator-built records' unknown keys at the end of the mapping: line 6 here.
    assertThatThrownBy(() -> parse("columns:\n  lable: target\n  id: x\n\n\nprefixes: []\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'columns.lable' at line 2, column 3 ");
    assertThatThrownBy(() -> parse("threshold: 3\nsparsity:\n  alpha: 0.1\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'threshold' at line 1, column 1 ");
    assertThatThrownBy(() -> parse("prefixes:\n  - match: a\n    prefix: b\n  - match: c\n    note: d\n"
        + "    prefix: e\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'prefixes[1].note' at line 5, column 5 ");
  }

  @Test
  void unknownKeyLineIsFoundByPathNotByName() {
    // 'alpha' is a known key under sparsity (line 2); the unknown one is under expected.predict.
    assertThatThrownBy(() -> parse("sparsity:\n  alpha: 0.01\nexpected:\n  predict:\n    alpha: 3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'expected.predict.alpha' at line 5, column 5 ");
  }

  @Test
  void unknownTopLevelKeyIsNamedWithItsLine() {
    assertThatThrownBy(() -> parse("sparsity:\n  alpha: 0.01\n\nthreshold: 3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'threshold'")
        .hasMessageContaining("line 4");
  }

  @Test
  void unknownNestedKeyIsNamedWithItsPath() {
    assertThatThrownBy(() -> parse("expected:\n  predict:\n    constants: [U]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'expected.predict.constants'")
        .hasMessageContaining("line 3");
  }

  @Test
  void outOfRangeValueNamesTheKey() {
    assertThatThrownBy(() -> parse("sparsity: {alpha: 2}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sparsity.alpha' at line 1, column 12:")
        .hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> parse("expected: {}\nsparsity:\n  minChange: 0\n\n\nprefixes: []\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sparsity.minChange' at line 3, column 3:");
  }

  @Test
  void outOfRangeValueNamesItsFullKeyAndItsOwnLine() {
    assertThatThrownBy(() -> parse("drift:\n  fdr: 2\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml: bad value for 'drift.fdr' at line 2, column 3: drift.fdr must be in (0, 1], got 2.0");
    assertThatThrownBy(() -> parse("scoring:\n  alpha: 0.01\n\n  trainAttributionSample: 0\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'scoring.trainAttributionSample' at line 4, column 3:");
  }

  @Test
  void keysThatExcludeEachOtherAreBothNamedAtTheLaterOnesLine() {
    assertThatThrownBy(() -> parse("columns: {}\nexpectedColumns: [a]\nexpectedColumnsFrom: model.csv\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad value for 'expectedColumns' and 'expectedColumnsFrom' at line 3, column 1:")
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> parse("expectedColumnsFrom: model.csv\ndrift: {}\nexpectedColumns:\n  - a\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'expectedColumns' and 'expectedColumnsFrom' at line 3, column 1:");
  }

  @Test
  void aBadListItemValueNamesItsIndexAndKey() {
    String yaml = """
        rules:
          - column: a
            range: [0, 1]
          - column: b
            range: [2, 1]
          - column: c
            range: [0, 1]
        """;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml: bad value for 'rules[1].range' at line 5, column 5: range must be [low, high] with"
            + " low <= high, got [2.0, 1.0]");
    assertThatThrownBy(() -> parse("rules:\n  - column: a\n    maxMissingFraction: 0.1\n    prefix: A\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'rules[0].column' and 'rules[0].prefix' at line 4, column 5:")
        .hasMessageContaining("exactly one of column, prefix or match");
  }

  @Test
  void aListItemLackingAKeyIsPointedAtByItsOwnLine() {
    assertThatThrownBy(() -> parse("prefixes:\n  - match: a\n    prefix: b\n  - match: c\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'prefixes[1].prefix' at line 4, column 5:")
        .hasMessageContaining("prefix is required");
    assertThatThrownBy(() -> parse("drift: {}\nrules:\n  - column: a\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'rules[0]' at line 3, column 5:")
        .hasMessageContaining("at least one of range, allowedValues or maxMissingFraction");
  }

  @Test
  void aValueOfTheWrongTypeNamesItsKeyAndLine() {
    assertThatThrownBy(() -> parse("rules:\n  - column: a\n    maxMissingFraction: lots\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml: bad value for 'rules[0].maxMissingFraction' at line 3, column 5: expected a number,"
            + " got 'lots'");
    assertThatThrownBy(() -> parse("history:\n  k: 3\n  runs: 2.5\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'history.runs' at line 3, column 3: expected a whole number, got '2.5'");
    assertThatThrownBy(() -> parse("sparsity: {}\ndrift: 5\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'drift' at line 2, column 1: expected a mapping of keys to values");
    assertThatThrownBy(() -> parse("rules:\n  - column: a\n    range: 3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'rules[0].range' at line 3, column 5: expected a list");
  }

  @Test
  void nonNumericValueNamesTheKey() {
    assertThatThrownBy(() -> parse("sparsity:\n  alpha: abc\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sparsity.alpha' at line 2, column 3: expected a number, got 'abc'");
  }

  @Test
  void wrongShapeNamesTheKey() {
    assertThatThrownBy(() -> parse("expected:\n  predict:\n    constant: {U: 1}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected.predict.constant");
  }

  @Test
  void badRegexNamesThePrefixRule() {
    assertThatThrownBy(() -> parse("prefixes:\n  - match: \"^(LG_[\"\n    prefix: LG\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("prefixes[0]")
        .hasMessageContaining("^(LG_[")
        .hasMessageContaining("not a valid regex");
  }

  @Test
  void templateWithAMissingGroupNamesThePrefixRule() {
    assertThatThrownBy(() -> parse("prefixes:\n  - match: \"^IQ_\"\n    prefix: IQ\n"
        + "  - match: \"^(LG)_\"\n    prefix: \"$1_$2\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'prefixes[1].prefix' at line 5, column 5:")
        .hasMessageContaining("group 2");
  }

  @Test
  void ruleWithoutPrefixNamesIt() {
    assertThatThrownBy(() -> parse("prefixes:\n  - match: \"^IQ_\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("prefixes")
        .hasMessageContaining("prefix is required");
  }

  @Test
  void secondDocumentIsNotSilentlyIgnored() {
    assertThatThrownBy(() -> parse("sparsity:\n  alpha: 0.01\n---\nsparsity:\n  alpha: 0.5\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("test.yaml");
  }

  @Test
  void invalidYamlIsReportedWithItsLine() {
    assertThatThrownBy(() -> parse("columns:\n  label: [target\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("test.yaml")
        .hasMessageContaining("line");
  }

  @Test
  void fingerprintIgnoresCommentsOrderAndSpelledOutDefaults() {
    String a = "expected:\n  predict:\n    constant: [U, _Dy]\nsparsity:\n  alpha: 0.001\n";
    String b = "# the same, said differently\nsparsity: {alpha: 0.001, minChange: 0.1}\n"
        + "expected: {predict: {constant: [_Dy, U]}}\n";
    String c = "expected:\n  predict:\n    constant: [U, _Dy]\nsparsity:\n  alpha: 0.01\n";
    assertThat(SkewConfig.parse(a, "a").fingerprint()).isEqualTo(SkewConfig.parse(b, "b").fingerprint())
        .hasSize(64).matches("[0-9a-f]+");
    assertThat(SkewConfig.parse(c, "c").fingerprint()).isNotEqualTo(SkewConfig.parse(a, "a").fingerprint());
  }

  @Test
  void dateColumnsAndUnseenCategories() {
    SkewConfig config = parse("dateColumns:\n  - column: signup\n    format: yyyy-MM-dd\n  - match: \"^TS_\"\n"
        + "    format: \"yyyy-MM-dd'T'HH:mm:ssXXX\"\nunseenCategories: {alpha: 0.01, errorShare: 0}\n");
    assertThat(config.dateColumns()).hasSize(2);
    assertThat(DateColumn.formatOf(config.dateColumns(), config.prefixRules(), "signup")).isEqualTo("yyyy-MM-dd");
    assertThat(DateColumn.formatOf(config.dateColumns(), config.prefixRules(), "TS_seen")).endsWith("XXX");
    assertThat(DateColumn.formatOf(config.dateColumns(), config.prefixRules(), "other")).isNull();
    assertThat(DateFormat.of("yyyy-MM-dd'T'HH:mm:ssXXX").parse("1970-01-01T01:00:00+01:00")).isZero();
    assertThat(config.unseenCategories()).isEqualTo(new SkewConfig.UnseenCategories(0.01, 0.0));
    assertThat(config.fingerprint()).isNotEqualTo(SkewConfig.defaults().fingerprint());
  }

  @Test
  void badDateColumnsAreErrorsWithTheirLine() {
    assertThatThrownBy(() -> parse("drift: {}\ndateColumns:\n  - column: d\n    format: \"yyyy-MM-dd bb\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'dateColumns[0].format' at line 4, column 5:")
        .hasMessageContaining("not a java.time pattern");
    assertThatThrownBy(() -> parse("dateColumns:\n  - column: d\n    format: HH:mm\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("holds no date");
    assertThatThrownBy(() -> parse("dateColumns:\n  - column: d\n    prefix: D\n    format: yyyy\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exactly one of column, prefix or match");
    assertThatThrownBy(() -> parse("drift: {linfWarning: 0.3, linfError: 0.2}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("drift.linfError must be >= drift.linfWarning");
  }
}
