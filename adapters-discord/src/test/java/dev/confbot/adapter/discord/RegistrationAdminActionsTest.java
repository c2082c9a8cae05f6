package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How organizers' queries are read, and how long replies are cut. */
class RegistrationAdminActionsTest {
  private static final long ZOE = 284193001234567890L;

  @ParameterizedTest
  @ValueSource(
      strings = {"<@284193001234567890>", "<@!284193001234567890>", " 284193001234567890 "})
  void readsMentionsAndIdsAsMembers(String query) {
    // when
    RegistrationAdminActions.Target target = RegistrationAdminActions.parse(query);
    // then
    assertThat(target).isEqualTo(new RegistrationAdminActions.MemberTarget(new MemberId(ZOE)));
  }

  @Test
  void readsOrderCodesAsAttendeesTypeThem() {
    // when / then
    assertThat(RegistrationAdminActions.parse("#xj7q2"))
        .isEqualTo(new RegistrationAdminActions.OrderTarget(new OrderCode("XJ7Q2"), 0));
    assertThat(RegistrationAdminActions.parse("XJ7Q2–2"))
        .isEqualTo(new RegistrationAdminActions.OrderTarget(new OrderCode("XJ7Q2"), 2));
    assertThat(RegistrationAdminActions.parse("XJ7Q2-2")).hasToString("XJ7Q2-2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x!", "<@12>", "XJ7Q2-0", "@zoe"})
  void explainsQueriesThatAreNeitherOrderNorMember(String query) {
    // when
    RegistrationAdminActions.Target target = RegistrationAdminActions.parse(query);
    // then
    assertThat(target).isInstanceOf(RegistrationAdminActions.Unusable.class);
    assertThat(((RegistrationAdminActions.Unusable) target).message())
        .contains("is neither an order code");
  }

  @Test
  void cutsLongRepliesAtALineEnd() {
    // given
    String text = ("• a line of a long member lookup\n").repeat(100);
    // when
    String cut = Replies.cut(text);
    // then
    assertThat(cut).hasSizeLessThanOrEqualTo(2000).endsWith("\n… (cut: too long for one message)");
    assertThat(cut.substring(0, cut.length() - 34)).endsWith("lookup");
    assertThat(Replies.cut("short")).isEqualTo("short");
  }
}
