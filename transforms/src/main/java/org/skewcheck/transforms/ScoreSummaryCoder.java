package org.skewcheck.transforms;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.skewcheck.validation.score.ScoreSummary;

/** The coder of the {@link ScoreSummary} accumulator: the domain's own binary form. */
public final class ScoreSummaryCoder extends AtomicCoder<ScoreSummary> {
  private static final ScoreSummaryCoder INSTANCE = new ScoreSummaryCoder();

  private ScoreSummaryCoder() {}

  public static ScoreSummaryCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ScoreSummary value, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    value.writeTo(data);
    data.flush();
  }

  @Override
  public ScoreSummary decode(InputStream in) throws IOException {
    return ScoreSummary.readFrom(new DataInputStream(in));
  }
}
