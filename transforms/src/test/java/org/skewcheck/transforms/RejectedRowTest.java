package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

class RejectedRowTest {
  private static final RejectedRow ODD = new RejectedRow("predict", "/data/post #1 @acct.csv", 12_345_678_901L,
      "has 4 fields, the header has 3", "a,\"b, \"\"quoted\"\"\",\"multi\nline\",é€😀");

  @Test
  void coderRoundTrips() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(RejectedRow.Coder.of(), ODD);
    CoderProperties.coderDecodeEncodeEqual(RejectedRow.Coder.of(), new RejectedRow("", "", 1, "", ""));
    CoderProperties.coderDecodeEncodeEqual(ListCoder.of(RejectedRow.Coder.of()),
        List.of(ODD, new RejectedRow("train", "f.csv", 2, "r", "x")));
  }

  @Test
  void coderIsDeterministicAndSerializable() throws Exception {
    CoderProperties.coderDeterministic(RejectedRow.Coder.of(), ODD,
        new RejectedRow(ODD.dataset(), ODD.file(), ODD.line(), ODD.reason(), ODD.raw()));
    CoderProperties.coderSerializable(RejectedRow.Coder.of());
  }

  @Test
  void jsonLineIsOneLineWithEveryField() throws Exception {
    String json = ODD.toJsonLine();

    assertThat(json).doesNotContain("\n").doesNotContain("\r");
    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("dataset").asText()).isEqualTo("predict");
    assertThat(node.get("file").asText()).isEqualTo(ODD.file());
    assertThat(node.get("line").asLong()).isEqualTo(12_345_678_901L);
    assertThat(node.get("reason").asText()).isEqualTo(ODD.reason());
    assertThat(node.get("raw").asText()).isEqualTo(ODD.raw());
    assertThat(node.size()).isEqualTo(5);
  }
}
