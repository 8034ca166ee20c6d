package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.skewcheck.validation.config.DateColumn;
import org.skewcheck.validation.config.DateFormat;
import org.skewcheck.validation.config.PrefixRules;

/** A file's header: which field is the id, the other columns' names, or why it is unusable. */
final class Header {
  /** A longer column name makes the header unusable: names travel in profiles, reports and messages. */
  static final int MAX_NAME_CHARS = 1_000;
  final int width;
  final int idIndex;
  final String[] columns;
  /** For each field position, its column index, or -1 for the id field. */
  final int[] columnOfField;
  /** For each column, the date format it is read with, or null. */
  final DateFormat[] dateFormats;
  final String error;

  private Header(int width, int idIndex, String[] columns, int[] columnOfField, DateFormat[] dateFormats,
      String error) {
    this.width = width;
    this.idIndex = idIndex;
    this.columns = columns;
    this.columnOfField = columnOfField;
    this.dateFormats = dateFormats;
    this.error = error;
  }

  /** A header no row can be read with: every row of its file is rejected with {@code reason}. */
  static Header unusable(String reason) {
    return new Header(0, -1, new String[0], new int[0], new DateFormat[0], reason);
  }

  static Header parse(List<String> fields, String idColumn, List<DateColumn> dateColumns, PrefixRules rules) {
    int idIndex = -1;
    if (!fields.isEmpty() && fields.get(0).isBlank()) {
      idIndex = 0;
    } else if (idColumn != null) {
      idIndex = fields.indexOf(idColumn);
    }
    List<String> names = new ArrayList<>();
    int[] columnOfField = new int[fields.size()];
    Set<String> seen = new HashSet<>();
    String error = null;
    for (int i = 0; i < fields.size(); i++) {
      if (i == idIndex) {
        columnOfField[i] = -1;
        continue;
      }
      String name = fields.get(i).strip();
      if (name.length() > MAX_NAME_CHARS && error == null) {
        error = "header (line 1): column " + (i + 1) + "'s name is " + name.length() + " characters long (at most "
            + MAX_NAME_CHARS + "), starting '" + name.substring(0, 40) + "…'";
      } else if (name.isEmpty() && error == null) {
        error = "header (line 1): column " + (i + 1) + " has no name";
      } else if (!seen.add(name) && error == null) {
        error = "header (line 1): column '" + name + "' appears twice";
      }
      columnOfField[i] = names.size();
      names.add(name);
    }
    DateFormat[] dateFormats = new DateFormat[names.size()];
    for (int c = 0; c < names.size(); c++) {
      String format = DateColumn.formatOf(dateColumns, rules, names.get(c));
      dateFormats[c] = format == null ? null : DateFormat.of(format);
    }
    return new Header(fields.size(), idIndex, names.toArray(String[]::new), columnOfField, dateFormats, error);
  }
}

