package dev.confbot.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OrderCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
    "ABCDEFG, ABCDEFG, 0"
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

  @Provide
  Arbitrary<String> pretixCodes() {
    return Arbitraries.strings().withChars("ABCDEFGHJKLMNPQRSTUVWXYZ3789").ofLength(5);
  }
}
