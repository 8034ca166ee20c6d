package org.skewcheck.validation.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders a {@link Report} as {@code report.json}: compact (a wide table's report is megabytes; any
 * JSON viewer indents it), with NaN or infinite figures as null.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new SimpleModule("finite-doubles")
          .addSerializer(Double.class, new FiniteDouble())
          .addSerializer(Double.TYPE, new FiniteDouble()))
      .build();

  private ReportJson() {}

  public static void write(Report report, OutputStream out) throws IOException {
    MAPPER.writeValue(out, report);
  }

  public static byte[] toBytes(Report report) throws IOException {
    return MAPPER.writeValueAsBytes(report);
  }

  /** The tree {@code report.json} holds (non-finite figures as null), for renderers that read it by name. */
  public static JsonNode toTree(Report report) {
    return MAPPER.valueToTree(report);
  }

  private static final class FiniteDouble extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      if (value == null || value.isNaN() || value.isInfinite()) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }
}
