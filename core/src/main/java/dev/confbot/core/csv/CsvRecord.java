package dev.confbot.core.csv;

import java.util.List;

/**
 * One record (row) of a CSV text.
 *
 * @param line the 1-based line on which the record starts
 * @param fields the field values, unquoted
 * @param fieldLines for each field, the 1-based line on which it starts (a quoted field may span
 *     several lines)
 */
public record CsvRecord(int line, List<String> fields, List<Integer> fieldLines) {
  public CsvRecord {
    fields = List.copyOf(fields);
    fieldLines = List.copyOf(fieldLines);
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more, was " + line);
    }
    if (fields.isEmpty() || fields.size() != fieldLines.size()) {
      throw new IllegalArgumentException("a record has at least one field and a line per field");
    }
  }

  /** True for a line with nothing on it (one empty, unquoted field). */
  public boolean isBlank() {
    return fields.size() == 1 && fields.get(0).isEmpty();
  }
}
