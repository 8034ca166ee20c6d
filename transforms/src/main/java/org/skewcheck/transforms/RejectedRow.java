package org.skewcheck.transforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A row that could not be read: the dead letter that keeps where it came from and why.
 *
 * @param line the 1-based line the row starts on
 * @param raw the row's fields re-encoded as one CSV line
 */
public record RejectedRow(String dataset, String file, long line, String reason, String raw) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One JSON object on one line: {@code {"dataset":…,"file":…,"line":…,"reason":…,"raw":…}}. */
  public String toJsonLine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", dataset);
    m.put("file", file);
    m.put("line", line);
    m.put("reason", reason);
    m.put("raw", raw);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The coder of {@link RejectedRow}. */
  public static final class Coder extends AtomicCoder<RejectedRow> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(RejectedRow r, OutputStream out) throws IOException {
      STRING.encode(r.dataset, out);
      STRING.encode(r.file, out);
      VarLongCoder.of().encode(r.line, out);
      STRING.encode(r.reason, out);
      STRING.encode(r.raw, out);
    }

    @Override
    public RejectedRow decode(InputStream in) throws IOException {
      return new RejectedRow(STRING.decode(in), STRING.decode(in), VarLongCoder.of().decode(in), STRING.decode(in),
          STRING.decode(in));
    }
  }
}
