package dev.confbot.core.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes CSV as RFC 4180 describes it: fields separated by commas, records by line
 * breaks; a field holding a comma, a double quote or a line break is enclosed in double quotes and
 * its quotes are doubled. Reading accepts CRLF, LF and lone CR line breaks and a leading UTF-8
 * byte-order mark; writing uses CRLF and quotes only where needed.
 */
public final class Csv {
  private static final char BOM = '\uFEFF';

  private Csv() {}

  /**
   * Decodes UTF-8 bytes (with or without a byte-order mark) and parses them.
   *
   * @throws CsvFormatException when the bytes are not UTF-8 or the text is not valid CSV
   */
  public static List<CsvRecord> parse(byte[] utf8) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      throw new CsvFormatException(1, 1, "the file is not UTF-8 text; save it as \"CSV UTF-8\"");
    }
    return parse(text);
  }

  /**
   * Parses CSV text into records. A trailing line break does not start a new record; an empty text
   * has no records. A leading byte-order mark is ignored.
   *
   * @throws CsvFormatException on an unterminated quoted field or text after a closing quote
   */
  public static List<CsvRecord> parse(String text) {
    return new Parser(text).records();
  }

  /** Formats one record without a line break, quoting only the fields that need it. */
  public static String formatRecord(List<String> fields) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a record has at least one field");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, fields.get(i));
    }
    return out.toString();
  }

  /**
   * Formats records, each ended by CRLF. A record of one empty field is written as {@code ""} so
   * that it is not read back as a blank line.
   */
  public static String format(List<List<String>> records) {
    StringBuilder out = new StringBuilder();
    for (List<String> record : records) {
      if (record.size() == 1 && record.get(0).isEmpty()) {
        out.append("\"\"");
      } else {
        out.append(formatRecord(record));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static void appendField(StringBuilder out, String field) {
    boolean quote =
        field.indexOf(',') >= 0
            || field.indexOf('"') >= 0
            || field.indexOf('\n') >= 0
            || field.indexOf('\r') >= 0
            || (!field.isEmpty() && field.charAt(0) == BOM);
    if (!quote) {
      out.append(field);
      return;
    }
    out.append('"').append(field.replace("\"", "\"\"")).append('"');
  }

  /** A single-pass state machine over the text; tracks lines and columns for messages. */
  private static final class Parser {
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    Parser(String text) {
      this.text = text;
      this.pos = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
      this.lineStart = pos;
    }

    List<CsvRecord> records() {
      List<CsvRecord> records = new ArrayList<>();
      while (pos < text.length()) {
        records.add(record());
      }
      return records;
    }

    /** Reads one record and the line break after it (if any). */
    private CsvRecord record() {
      int recordLine = line;
      List<String> fields = new ArrayList<>();
      List<Integer> fieldLines = new ArrayList<>();
      while (true) {
        fieldLines.add(line);
        fields.add(field());
        if (pos >= text.length()) {
          break;
        }
        char c = text.charAt(pos);
        if (c == ',') {
          pos++;
          continue;
        }
        lineBreak();
        break;
      }
      return new CsvRecord(recordLine, fields, fieldLines);
    }

    private String field() {
      if (pos < text.length() && text.charAt(pos) == '"') {
        return quotedField();
      }
      int start = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == ',' || c == '\n' || c == '\r') {
          break;
        }
        if (c == '"') {
          throw error(
              "a double quote inside an unquoted field; enclose the field in quotes and"
                  + " double the quote (\"\")");
        }
        pos++;
      }
      return text.substring(start, pos);
    }

    private String quotedField() {
      int openLine = line;
      int openColumn = column();
      pos++; // opening quote
      StringBuilder value = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw new CsvFormatException(
              openLine, openColumn, "a quoted field is never closed (missing \")");
        }
        char c = text.charAt(pos);
        if (c == '"') {
          if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
            value.append('"');
            pos += 2;
            continue;
          }
          pos++; // closing quote
          if (pos < text.length()) {
            char next = text.charAt(pos);
            if (next != ',' && next != '\n' && next != '\r') {
              throw error("text after the closing quote of a field");
            }
          }
          return value.toString();
        }
        if (c == '\r' || c == '\n') {
          int before = pos;
          lineBreak();
          value.append(text, before, pos);
          continue;
        }
        value.append(c);
        pos++;
      }
    }

    /** Consumes CRLF, LF or a lone CR at {@code pos}. */
    private void lineBreak() {
      if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
        pos += 2;
      } else {
        pos++;
      }
      line++;
      lineStart = pos;
    }

    private int column() {
      return pos - lineStart + 1;
    }

    private CsvFormatException error(String problem) {
      return new CsvFormatException(line, column(), problem);
    }
  }
}
