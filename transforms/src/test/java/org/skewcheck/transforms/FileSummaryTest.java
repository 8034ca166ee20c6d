package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

class FileSummaryTest {
  @Test
  void coderRoundTrips() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(FileSummary.Coder.of(),
        new FileSummary("train", "/in/a b#@.csv.gz", 10, 7, 3));
    CoderProperties.coderDecodeEncodeEqual(FileSummary.Coder.of(), new FileSummary("predict", "empty.csv", 0, 0, 0));
    CoderProperties.coderDecodeEncodeEqual(FileSummary.Coder.of(),
        new FileSummary("train", "huge.csv", Long.MAX_VALUE, Long.MAX_VALUE - 1, 1));
    CoderProperties.coderDecodeEncodeEqual(ListCoder.of(FileSummary.Coder.of()),
        List.of(new FileSummary("train", "a", 2, 1, 1), new FileSummary("train", "b", 5, 5, 0)));
  }

  @Test
  void coderIsDeterministicAndSerializable() throws Exception {
    CoderProperties.coderDeterministic(FileSummary.Coder.of(), new FileSummary("train", "a", 2, 1, 1),
        new FileSummary("train", "a", 2, 1, 1));
    CoderProperties.coderSerializable(FileSummary.Coder.of());
  }

  @Test
  void rowsReadMustBeProfiledPlusRejected() {
    assertThatThrownBy(() -> new FileSummary("train", "bad.csv", 5, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.csv")
        .hasMessageContaining("5");
  }
}
