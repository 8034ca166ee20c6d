package org.skewcheck.validation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "_Dy_2014, _Dy",
      "_dateR, _dateR",
      "WI_floral, WI",
      "IQ_IQ_HSV_Value, IQ",
      "target, target",
      "U_17, U",
      "_Dh_23_x, _Dh",
      "LG_likes_12, LG",
      "WI_, WI",
  })
  void defaultRuleSplitsOnUnderscore(String column, String prefix) {
    assertThat(PrefixRules.defaults().prefixOf(column)).isEqualTo(prefix);
  }

  @Test
  void defaultRulesHaveNoConfiguredRules() {
    assertThat(PrefixRules.defaults().rules()).isEmpty();
  }

  @Test
  void regexRuleBuildsThePrefixFromGroups() {
    PrefixRules rules = PrefixRules.of(List.of(PrefixRule.of("^(LG)_(likes|comments)_", "$1_$2")));
    assertThat(rules.prefixOf("LG_likes_12")).isEqualTo("LG_likes");
    assertThat(rules.prefixOf("LG_comments_3")).isEqualTo("LG_comments");
    assertThat(rules.prefixOf("LG_shares_3")).as("no rule matches: the default rule").isEqualTo("LG");
    assertThat(rules.prefixOf("_Dy_2014")).isEqualTo("_Dy");
  }

  @Test
  void templateMayMixLiteralTextAndGroups() {
    PrefixRules rules = PrefixRules.of(List.of(PrefixRule.of("^IQ_IQ_(HSV|RGB)_", "colour-$1")));
    assertThat(rules.prefixOf("IQ_IQ_HSV_Value")).isEqualTo("colour-HSV");
    assertThat(rules.prefixOf("IQ_IQ_RGB_R")).isEqualTo("colour-RGB");
    assertThat(rules.prefixOf("IQ_sharpness")).isEqualTo("IQ");
  }

  @Test
  void unanchoredRegexMatchesAnywhereAndOnlyTheMatchIsReplaced() {
    PrefixRules rules = PrefixRules.of(List.of(PrefixRule.of("HSV", "colour")));
    assertThat(rules.prefixOf("IQ_IQ_HSV_Value")).isEqualTo("colour");
    assertThat(rules.prefixOf("IQ_IQ_RGB_Value")).isEqualTo("IQ");
  }

  @Test
  void firstMatchingRuleWins() {
    PrefixRules rules = PrefixRules.of(List.of(
        PrefixRule.of("^IQ_IQ_", "IQIQ"),
        PrefixRule.of("^IQ_", "IQ1"),
        PrefixRule.of("^IQ_IQ_HSV", "never")));
    assertThat(rules.prefixOf("IQ_IQ_HSV_Value")).isEqualTo("IQIQ");
    assertThat(rules.prefixOf("IQ_blur")).isEqualTo("IQ1");
    assertThat(rules.prefixOf("WI_floral")).isEqualTo("WI");
    assertThat(rules.rules()).extracting(PrefixRule::prefix).containsExactly("IQIQ", "IQ1", "never");
  }

  @Test
  void ruleRequiresMatchAndPrefix() {
    assertThatThrownBy(() -> PrefixRule.of(null, "x")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("match");
    assertThatThrownBy(() -> PrefixRule.of("^a", "")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("prefix").hasMessageContaining("^a");
  }

  @Test
  void badRegexIsAConfigErrorNamingIt() {
    assertThatThrownBy(() -> PrefixRule.of("^(LG_[", "x")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("^(LG_[").hasMessageContaining("not a valid regex");
  }

  @Test
  void templateReferringToAMissingGroupFailsAtConstruction() {
    // Otherwise it would throw IndexOutOfBoundsException on a worker, at the first matching column.
    assertThatThrownBy(() -> PrefixRule.of("^(LG)_", "$1_$2")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("$1_$2").hasMessageContaining("group 2");
    assertThatThrownBy(() -> PrefixRule.of("^LG_", "$1")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("group 1");
    assertThatThrownBy(() -> PrefixRule.of("^(?<fam>LG)_", "${family}")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("family");
  }

  @Test
  void malformedTemplateFailsAtConstruction() {
    assertThatThrownBy(() -> PrefixRule.of("^LG_", "cost$")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("cost$");
    assertThatThrownBy(() -> PrefixRule.of("^LG_", "a$b")).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> PrefixRule.of("^LG_", "LG\\")).isInstanceOf(ConfigException.class);
  }

  @Test
  void namedGroupsAndEscapesInTemplates() {
    PrefixRules rules = PrefixRules.of(List.of(
        PrefixRule.of("^(?<fam>LG)_(?<kind>likes)_", "${fam}.${kind}"),
        PrefixRule.of("^cost_", "cost\\$")));
    assertThat(rules.prefixOf("LG_likes_1")).isEqualTo("LG.likes");
    assertThat(rules.prefixOf("cost_usd")).isEqualTo("cost$");
  }

  @Test
  void rulesSurviveJavaSerialization() throws IOException, ClassNotFoundException {
    // A DoFn carries the rules to the workers.
    PrefixRules rules = PrefixRules.of(List.of(PrefixRule.of("^(LG)_(likes|comments)_", "$1_$2")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(rules);
    }
    PrefixRules read;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (PrefixRules) in.readObject();
    }
    assertThat(read.prefixOf("LG_likes_12")).isEqualTo("LG_likes");
    assertThat(read.prefixOf("_Dy_2014")).isEqualTo("_Dy");
  }
}
