package org.skewcheck.transforms;

import org.skewcheck.validation.score.ScoreSummary;

/** The coder of the {@link ScoreSummary} accumulator: the domain's own binary form. */
public final class ScoreSummaryCoder extends BinaryFormCoder<ScoreSummary> {
  private static final ScoreSummaryCoder INSTANCE = new ScoreSummaryCoder();

  private ScoreSummaryCoder() {
    super(ScoreSummary::writeTo, ScoreSummary::readFrom);
  }

  public static ScoreSummaryCoder of() {
    return INSTANCE;
  }
}
