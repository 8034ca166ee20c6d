package org.skewcheck.validation.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads date cells of one {@link DateColumn} format as numbers: a date-only pattern gives epoch
 * days (days since 1970-01-01), a pattern with a time of day epoch seconds, read as UTC unless the
 * pattern has a zone or offset. A cell that does not match gives NaN; the reader then keeps it as
 * text. The unit is the pattern's, not the cell's, so a column never mixes days and seconds.
 *
 * <pre>{@code
 * DateFormat.of("yyyy-MM-dd").parse("1970-01-11");                   // 10.0 (epoch days)
 * DateFormat.of("yyyy-MM-dd HH:mm").parse("1970-01-01 00:02");       // 120.0 (epoch seconds)
 * DateFormat.of("yyyy-MM-dd").parse("11/01/1970");                   // NaN
 * }</pre>
 */
public final class DateFormat {
  private enum Unit { DAYS, LOCAL_SECONDS, ZONED_SECONDS }

  private final DateTimeFormatter formatter;
  private final Unit unit;

  private DateFormat(DateTimeFormatter formatter, Unit unit) {
    this.formatter = formatter;
    this.unit = unit;
  }

  /**
   * The reader of {@code pattern}.
   *
   * @throws ConfigException when the pattern is not a valid java.time pattern
   */
  public static DateFormat of(String pattern) {
    DateTimeFormatter formatter;
    try {
      formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("date format \"" + pattern + "\" is not a java.time pattern: " + e.getMessage());
    }
    // What the pattern can print tells what it holds: a date alone, a local date-time, or a zoned one.
    Unit unit = prints(formatter, LocalDate.of(2000, 1, 1)) ? Unit.DAYS
        : prints(formatter, LocalDateTime.of(2000, 1, 1, 0, 0)) ? Unit.LOCAL_SECONDS
        : Unit.ZONED_SECONDS;
    String one = formatter.format(ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    String other = formatter.format(ZonedDateTime.of(2001, 2, 3, 0, 0, 0, 0, ZoneOffset.UTC));
    if (one.equals(other)) {
      throw new ConfigException("date format \"" + pattern + "\" holds no date");
    }
    return new DateFormat(formatter, unit);
  }

  private static boolean prints(DateTimeFormatter formatter, TemporalAccessor t) {
    try {
      formatter.format(t);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Epoch days or seconds of {@code cell} (surrounding blanks ignored), or NaN when it does not match. */
  public double parse(String cell) {
    String t = cell.strip();
    try {
      return switch (unit) {
        case DAYS -> formatter.parse(t, LocalDate::from).toEpochDay();
        case LOCAL_SECONDS -> formatter.parse(t, LocalDateTime::from).toEpochSecond(ZoneOffset.UTC);
        case ZONED_SECONDS -> formatter.parse(t, ZonedDateTime::from).toEpochSecond();
      };
    } catch (DateTimeParseException e) {
      return Double.NaN;
    }
  }
}
