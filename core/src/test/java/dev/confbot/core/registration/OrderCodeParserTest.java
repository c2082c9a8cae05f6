package dev.confbot.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OrderCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderCodeParserTest {

  @ParameterizedTest
  @CsvSource({
    "XJ7Q2, XJ7Q2, 0",
    "'  xj7q2  ', XJ7Q2, 0",
    "#XJ7Q2, XJ7Q2, 0",
    "'# xj7q2', XJ7Q2, 0",
    "XJ7Q2-1, XJ7Q2, 1",
    "xj7q2 - 12, XJ7Q2, 12",
    "XJ7Q2–3, XJ7Q2, 3",
    "'\u200BXJ7Q2\u200E', XJ7Q2, 0",
    "ABCDEFG, ABCDEFG, 0",
    "XJ7Q2 1, XJ7Q2, 1",
    "'xj7q2   12 ', XJ7Q2, 12",
    "XJ7Q2/1, XJ7Q2, 1",
    "XJ7Q2 / 2, XJ7Q2, 2",
    "XJ7Q2‐1, XJ7Q2, 1",
    "XJ7Q2‑1, XJ7Q2, 1",
    "XJ7Q2−1, XJ7Q2, 1",
    "XJ7Q2—1, XJ7Q2, 1",
    "ＸＪ７Ｑ２－１, XJ7Q2, 1",
    "ｘｊ７ｑ２, XJ7Q2, 0",
    "'＃XJ7Q2　1', XJ7Q2, 1"
  })
  void acceptsOrderCodesAsAttendeesTypeThem(String raw, String code, int position) {
    // when
    ParsedCode parsed = OrderCodeParser.parse(raw);
    // then
    assertThat(parsed).isEqualTo(new ParsedCode.Valid(new OrderCode(code), position));
  }

  @ParameterizedTest
  @CsvSource({
    "'', EMPTY",
    "'   ', EMPTY",
    "#, EMPTY",
    "XJ, TOO_SHORT",
    "XJ7Q2XJ7Q2XJ7Q2XJ7Q2, TOO_LONG",
    "XJ7 Q2, BAD_CHARACTERS",
    "XJ 7Q2 1, BAD_CHARACTERS",
    "XJ7Q2/, BAD_POSITION",
    "XJ7Q2 1234, BAD_POSITION",
    "XJ7Q2!, BAD_CHARACTERS",
    "'<script>', BAD_CHARACTERS",
    "XJ7Q2-, BAD_POSITION",
    "XJ7Q2-0, BAD_POSITION",
    "XJ7Q2-1234, BAD_POSITION",
    "XJ7Q2-A, BAD_POSITION",
    "ÄBC12, BAD_CHARACTERS",
    "'; DROP TABLE claims; --', BAD_CHARACTERS"
  })
  void rejectsWhatCannotBeAnOrderCodeWithAReason(String raw, ParsedCode.Reason reason) {
    assertThat(OrderCodeParser.parse(raw)).isEqualTo(new ParsedCode.Invalid(reason));
  }

  @org.junit.jupiter.api.Test
  void rejectsTenThousandCharactersAsTooLong() {
    assertThat(OrderCodeParser.parse("A".repeat(10_000)))
        .isEqualTo(new ParsedCode.Invalid(ParsedCode.Reason.TOO_LONG));
  }

  @ParameterizedTest
  @ValueSource(strings = {"V0JT3", "A0BCD", "#v0jt3-1"})
  void recognisesTestModeCodesByTheirSecondCharacter(String raw) {
    ParsedCode.Valid parsed = (ParsedCode.Valid) OrderCodeParser.parse(raw);
    assertThat(parsed.testMode()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void regularCodesAreNotTestMode() {
    assertThat(OrderCodeParser.isTestMode(new OrderCode("XJ7Q2"))).isFalse();
    assertThat(OrderCodeParser.isTestMode(new OrderCode("0JT3X"))).isFalse();
  }

  @Property
  void neverThrowsOnArbitraryInput(@ForAll String raw) {
    assertThat(OrderCodeParser.parse(raw)).isNotNull();
  }

  @Property
  void acceptsEveryPretixCodeInAnyCaseWithDecoration(
      @ForAll("pretixCodes") String code, @ForAll boolean lower, @ForAll boolean hash) {
    // given
    String typed = (hash ? "#" : "") + " " + (lower ? code.toLowerCase() : code) + " ";
    // when
    ParsedCode parsed = OrderCodeParser.parse(typed);
    // then
    assertThat(parsed).isEqualTo(new ParsedCode.Valid(new OrderCode(code), 0));
  }

  @Property
  void acceptsEveryPositionAfterAnySeparatorInAnyWidth(
      @ForAll("pretixCodes") String code,
      @ForAll("positions") int position,
      @ForAll("separators") String separator,
      @ForAll boolean fullWidth) {
    // given
    String typed = code + separator + position;
    if (fullWidth) {
      typed = toFullWidth(typed);
    }
    // when
    ParsedCode parsed = OrderCodeParser.parse(typed);
    // then
    assertThat(parsed).isEqualTo(new ParsedCode.Valid(new OrderCode(code), position));
  }

  @Property
  void neverTurnsASeparatorIntoPartOfTheCode(
      @ForAll("pretixCodes") String code, @ForAll("separators") String separator) {
    Assume.that(!separator.isBlank());
    // when: a separator without a position
    ParsedCode parsed = OrderCodeParser.parse(code + separator.strip() + "X");
    // then: refused, never a code containing the separator or the X glued on
    assertThat(parsed).isInstanceOf(ParsedCode.Invalid.class);
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(1, 999);
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of(
        "-", " - ", " ", "   ", "/", " / ", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014",
        "\u2212", "\uFE63", "\uFF0D", "\u3000");
  }

  /** What a CJK input method in full-width mode types for ASCII letters, digits and signs. */
  private static String toFullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(c > 0x20 && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : c == ' ' ? '\u3000' : c);
    }
    return out.toString();
  }

  @Provide
  Arbitrary<String> pretixCodes() {
    return Arbitraries.strings().withChars("ABCDEFGHJKLMNPQRSTUVWXYZ3789").ofLength(5);
  }
}
