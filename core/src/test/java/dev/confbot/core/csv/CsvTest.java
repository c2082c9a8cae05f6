package dev.confbot.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CsvTest {

  private static List<List<String>> fieldsOf(List<CsvRecord> records) {
    return records.stream().map(CsvRecord::fields).collect(Collectors.toList());
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
    // given
    String text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n";
    // when
    List<CsvRecord> records = Csv.parse(text);
    // then
    assertThat(fieldsOf(records))
        .containsExactly(
            List.of("a", "b", "c"),
            List.of("x, y", "say \"hi\"", "two\nlines"),
            List.of("last", "", ""));
  }

  @Test
  void tracksTheLineOfEveryRecordAndField() {
    // given
    String text = "h1,h2\n\"multi\nline\",after\nthird,row";
    // when
    List<CsvRecord> records = Csv.parse(text);
    // then
    assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 4);
    assertThat(records.get(1).fieldLines()).containsExactly(2, 3);
  }

  @Test
  void acceptsLfCrlfAndLoneCrLineBreaks() {
    // when
    List<CsvRecord> records = Csv.parse("a\rb\nc\r\nd");
    // then
    assertThat(fieldsOf(records))
        .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
  }

  @Test
  void ignoresALeadingByteOrderMark() {
    // given
    byte[] bytes = "\uFEFFcompany,title\nACME,Dev\n".getBytes(StandardCharsets.UTF_8);
    // when
    List<CsvRecord> records = Csv.parse(bytes);
    // then
    assertThat(records.get(0).fields()).containsExactly("company", "title");
  }

  @Test
  void keepsBlankLinesAsBlankRecords() {
    // when
    List<CsvRecord> records = Csv.parse("a\n\nb\n");
    // then
    assertThat(records).extracting(CsvRecord::isBlank).containsExactly(false, true, false);
  }

  @Test
  void hasNoRecordsForEmptyText() {
    assertThat(Csv.parse("")).isEmpty();
    assertThat(Csv.parse("\uFEFF")).isEmpty();
  }

  @Test
  void rejectsAnUnterminatedQuotedFieldNamingWhereItOpened() {
    assertThatThrownBy(() -> Csv.parse("a,b\nok,\"never closed\nstill open"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2, column 4: a quoted field is never closed (missing \")")
        .satisfies(
            e -> {
              CsvFormatException csv = (CsvFormatException) e;
              assertThat(csv.line()).isEqualTo(2);
              assertThat(csv.column()).isEqualTo(4);
            });
  }

  @Test
  void rejectsTextAfterAClosingQuote() {
    assertThatThrownBy(() -> Csv.parse("a,\"b\"c"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("line 1, column 6: text after the closing quote");
  }

  @Test
  void rejectsAQuoteInsideAnUnquotedField() {
    assertThatThrownBy(() -> Csv.parse("x\nab\"c"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("line 2, column 3: a double quote inside an unquoted field");
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    // given: "Zoë" in ISO-8859-1
    byte[] latin1 = {'Z', 'o', (byte) 0xEB};
    // then
    assertThatThrownBy(() -> Csv.parse(latin1))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void quotesOnlyTheFieldsThatNeedIt() {
    // when
    String text =
        Csv.format(List.of(List.of("plain", "with,comma", "with \"quote\"", "two\nlines", "")));
    // then
    assertThat(text).isEqualTo("plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\r\n");
  }

  @Test
  void writesALoneEmptyFieldSoThatItIsNotABlankLine() {
    assertThat(Csv.format(List.of(List.of("")))).isEqualTo("\"\"\r\n");
  }

  @Property(tries = 500)
  void readsBackWhatItWrites(@ForAll("records") List<List<String>> records) {
    // when
    String text = Csv.format(records);
    // then
    assertThat(fieldsOf(Csv.parse(text))).isEqualTo(records);
    assertThat(fieldsOf(Csv.parse(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(records);
  }

  @Provide
  Arbitrary<List<List<String>>> records() {
    Arbitrary<String> field =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars(",\"\r\n \tabcÿé€\uFEFF").ofMaxLength(12),
            Arbitraries.strings().all().ofMaxLength(20).filter(s -> !hasLoneSurrogate(s)));
    return field.list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(8);
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
