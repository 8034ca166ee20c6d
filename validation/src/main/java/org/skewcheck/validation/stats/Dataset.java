package org.skewcheck.validation.stats;

/**
 * The two datasets a run compares. Each has a label, the word the report, the messages, the
 * config's {@code expected} section and the readers' keys use for it.
 */
public enum Dataset {
  /** The data the model was trained on. */
  TRAIN("train"),
  /** The data the model scores. */
  PREDICT("predict");

  private final String label;

  Dataset(String label) {
    this.label = label;
  }

  /** "train" or "predict". */
  public String label() {
    return label;
  }

  /** The dataset this one is compared with. */
  public Dataset other() {
    return this == TRAIN ? PREDICT : TRAIN;
  }

  /** The dataset labelled {@code label}; an IllegalArgumentException for any other word. */
  public static Dataset of(String label) {
    for (Dataset d : values()) {
      if (d.label.equals(label)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no dataset '" + label + "': train or predict");
  }

  @Override
  public String toString() {
    return label;
  }
}
