package org.skewcheck.validation.drift;

/**
 * Each side's share of values per bin or category of a {@link ColumnDrift}: p for train, q for
 * predict, in the same order. The arrays are copied in and out, so a drift's figures cannot be
 * changed through them.
 *
 * @param train train's share per bin or category (p)
 * @param predict predict's share per bin or category (q)
 */
public record Shares(double[] train, double[] predict) {
  public Shares {
    if (train.length != predict.length) {
      throw new IllegalArgumentException("train has " + train.length + " shares, predict " + predict.length);
    }
    train = train.clone();
    predict = predict.clone();
  }

  @Override
  public double[] train() {
    return train.clone();
  }

  @Override
  public double[] predict() {
    return predict.clone();
  }
}
