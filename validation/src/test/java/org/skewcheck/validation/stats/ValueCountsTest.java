package org.skewcheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ValueCountsTest {

  private static ValueCounts full() {
    ValueCounts vc = new ValueCounts();
    for (int v = 0; v < ValueCounts.CAPACITY; v++) {
      assertThat(vc.tryAdd(v * 10.0, v + 1)).as("distinct value %s of %s", v + 1, ValueCounts.CAPACITY).isTrue();
    }
    return vc;
  }

  @Test
  void countsUpToCapacityDistinctValuesInFirstSeenOrder() {
    ValueCounts vc = full();
    assertThat(vc.size()).isEqualTo(ValueCounts.CAPACITY);
    for (int i = 0; i < ValueCounts.CAPACITY; i++) {
      assertThat(vc.value(i)).isEqualTo(i * 10.0);
      assertThat(vc.count(i)).isEqualTo(i + 1);
      assertThat(vc.countOf(i * 10.0)).isEqualTo(i + 1);
    }
    assertThat(vc.countOf(5.0)).isZero();
  }

  @Test
  void newValueBeyondCapacityIsRefusedAndChangesNothing() {
    ValueCounts vc = full();
    assertThat(vc.tryAdd(-1.0, 99)).isFalse();
    assertThat(vc.size()).isEqualTo(ValueCounts.CAPACITY);
    assertThat(vc.countOf(-1.0)).isZero();
    for (int i = 0; i < ValueCounts.CAPACITY; i++) {
      assertThat(vc.value(i)).isEqualTo(i * 10.0);
      assertThat(vc.count(i)).isEqualTo(i + 1);
    }
    assertThat(vc.quantile(0.0, 136)).isEqualTo(0.0);

    // A value already counted is still accepted when full.
    assertThat(vc.tryAdd(30.0, 100)).isTrue();
    assertThat(vc.countOf(30.0)).isEqualTo(104);
    assertThat(vc.size()).isEqualTo(ValueCounts.CAPACITY);
  }

  @Test
  void repeatedValuesAccumulate() {
    ValueCounts vc = new ValueCounts();
    vc.tryAdd(1.5, 2);
    vc.tryAdd(0.0, 1);
    vc.tryAdd(1.5, 3);
    vc.tryAdd(-0.0, 4);
    assertThat(vc.size()).as("-0.0 and 0.0 are one value, as for the zero count").isEqualTo(2);
    assertThat(vc.countOf(1.5)).isEqualTo(5);
    assertThat(vc.countOf(0.0)).isEqualTo(5);
  }

  @Test
  void quantileIsTheSmallestValueWhoseCumulativeShareReachesTheRank() {
    ValueCounts vc = new ValueCounts();
    // Inserted out of order: 3 x2, 1 x1, 2 x1 -> sorted 1, 2, 3, 3 (shares .25, .5, 1).
    vc.tryAdd(3.0, 2);
    vc.tryAdd(1.0, 1);
    vc.tryAdd(2.0, 1);
    assertThat(vc.quantile(0.0, 4)).isEqualTo(1.0);
    assertThat(vc.quantile(0.25, 4)).isEqualTo(1.0);
    assertThat(vc.quantile(0.2501, 4)).isEqualTo(2.0);
    assertThat(vc.quantile(0.5, 4)).isEqualTo(2.0);
    assertThat(vc.quantile(0.5001, 4)).isEqualTo(3.0);
    assertThat(vc.quantile(0.99, 4)).isEqualTo(3.0);
    assertThat(vc.quantile(1.0, 4)).isEqualTo(3.0);
  }

  @Test
  void quantileOfNegativeValuesAndDecimalRanks() {
    ValueCounts vc = new ValueCounts();
    vc.tryAdd(0.0, 93);
    vc.tryAdd(-2.0, 7);
    assertThat(vc.quantile(0.07, 100)).as("7 of 100 values reach rank 0.07").isEqualTo(-2.0);
    assertThat(vc.quantile(0.08, 100)).isEqualTo(0.0);
  }

  @Test
  void quantileOfNothingIsNaN() {
    assertThat(new ValueCounts().quantile(0.5, 0)).isNaN();
  }

  @Test
  void roundTripKeepsValuesCountsAndOrder() throws IOException {
    ValueCounts vc = full();
    vc.tryAdd(70.0, 1L << 40);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    vc.writeTo(new DataOutputStream(bytes));
    assertThat(bytes.size()).as("one byte of size, then value and count per entry").isEqualTo(1 + 16 * 16);
    ValueCounts read = ValueCounts.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read.size()).isEqualTo(vc.size());
    for (int i = 0; i < vc.size(); i++) {
      assertThat(read.value(i)).isEqualTo(vc.value(i));
      assertThat(read.count(i)).isEqualTo(vc.count(i));
    }
    assertThat(read.tryAdd(-5.0, 1)).as("still full after reading").isFalse();
  }
}
