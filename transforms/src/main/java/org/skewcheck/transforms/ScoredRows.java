package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * The predict rows of one scored block: row {@code i} has id {@code ids[i]} and score {@code
 * scores[i]}. Scores travel per block, never per row.
 */
public record ScoredRows(String[] ids, double[] scores) {
  public ScoredRows {
    if (ids.length != scores.length) {
      throw new IllegalArgumentException(ids.length + " ids but " + scores.length + " scores");
    }
  }

  public int rows() {
    return ids.length;
  }

  /** The coder of {@link ScoredRows}. */
  public static final class Coder extends AtomicCoder<ScoredRows> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(ScoredRows rows, OutputStream out) throws IOException {
      ArrayCoding.writeStrings(rows.ids, out);
      ArrayCoding.writeDoubles(rows.scores, out);
    }

    @Override
    public ScoredRows decode(InputStream in) throws IOException {
      return new ScoredRows(ArrayCoding.readStrings(in), ArrayCoding.readDoubles(in));
    }
  }
}
