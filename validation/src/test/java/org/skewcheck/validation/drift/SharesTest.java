package org.skewcheck.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharesTest {
  @Test
  void aDriftsSharesCannotBeChangedThroughTheArraysGivenOrReturned() {
    double[] p = {0.5, 0.5};
    double[] q = {0.25, 0.75};
    Shares shares = new Shares(p, q);

    p[0] = 9;
    shares.predict()[1] = 9;

    assertThat(shares.train()).containsExactly(0.5, 0.5);
    assertThat(shares.predict()).containsExactly(0.25, 0.75);
  }

  @Test
  void bothSidesHaveOneSharePerBin() {
    assertThatThrownBy(() -> new Shares(new double[] {1}, new double[] {0.5, 0.5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("train has 1 shares, predict 2");
  }
}
