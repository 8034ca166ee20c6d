package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteScoresFnTest {
  @Test
  void idsThatASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
    assertThat(WriteScoresFn.csvField("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(WriteScoresFn.csvField("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
    assertThat(WriteScoresFn.csvField("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(WriteScoresFn.csvField("-2+3")).isEqualTo("'-2+3");
    assertThat(WriteScoresFn.csvField("\tx")).isEqualTo("'\tx");
  }

  @Test
  void numbersAndPlainIdsStayAsTheyAre() {
    assertThat(WriteScoresFn.csvField("-12")).isEqualTo("-12");
    assertThat(WriteScoresFn.csvField("+1.5e3")).isEqualTo("+1.5e3");
    assertThat(WriteScoresFn.csvField("post #1 @acct")).isEqualTo("post #1 @acct");
    assertThat(WriteScoresFn.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(WriteScoresFn.csvField("")).isEmpty();
  }
}
