package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** The comparison the parity tests rely on finds what differs, and only that. */
class ReportDiffTest {
  private static JsonNode json(String s) throws Exception {
    return JsonMapper.builder().build().readTree(s.replace('\'', '"'));
  }

  @Test
  void numbersWithinTheRelativeToleranceAndTheRunsOwnFieldsAgree() throws Exception {
    JsonNode a = json("{'provenance':{'runId':'a','runner':'DirectRunner','version':'1'},'x':1.0,'l':[1,'b']}");
    JsonNode b = json("{'provenance':{'runId':'b','runner':'FlinkRunner','version':'1'},'x':1.0000000000001,'l':[1,'b']}");
    assertThat(ReportDiff.between(a, b, 1e-9)).isEmpty();
  }

  @Test
  void reportsFiguresOrderMissingFieldsAndOtherProvenance() throws Exception {
    JsonNode a = json("{'provenance':{'version':'1'},'x':1.0,'l':['a','b'],'m':[1],'only':true}");
    JsonNode b = json("{'provenance':{'version':'2'},'x':1.00001,'l':['b','a'],'m':[1,2]}");
    assertThat(ReportDiff.between(a, b, 1e-9)).containsExactly(
        "/l[0]: \"a\" vs \"b\"", "/l[1]: \"b\" vs \"a\"", "/m: 1 vs 2 elements", "/only: only in the first",
        "/provenance/version: \"1\" vs \"2\"", "/x: 1.0 vs 1.00001");
  }
}
