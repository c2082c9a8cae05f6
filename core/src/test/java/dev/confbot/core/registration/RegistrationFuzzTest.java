package dev.confbot.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzzed form input always produces one clear answer, never an exception. */
class RegistrationFuzzTest {
  private static final MemberId MEMBER = new MemberId(42);

  private static RegistrationService service(RecordingAuditSink audit) {
    FakeTicketSource pretix = new FakeTicketSource().putAll(TestData.fixtureOrders());
    TicketIndex index = new TicketIndex();
    index.replaceAll(pretix.fullSync());
    return new RegistrationService(
        index,
        pretix,
        new InMemoryClaimStore(),
        new RecordingRoleGateway(),
        TestData.roleMapping(),
        audit,
        TestClock.atConferenceStart(),
        RegistrationSettings.defaults(),
        RegistrationMessages.ENGLISH);
  }

  @Property(tries = 300)
  void answersAnyInputWithOneClearMessage(
      @ForAll("nasty") String code, @ForAll("nasty") String name) {
    // given
    RecordingAuditSink audit = new RecordingAuditSink();
    // when
    RegistrationResult result = service(audit).register(MEMBER, code, name);
    // then
    assertThat(result.message()).isNotBlank();
    assertThat(audit.lines()).hasSize(1);
    if (name.strip().length() >= 6) {
      assertThat(audit.last()).doesNotContain(name.strip());
    }
  }

  @Provide
  Arbitrary<String> nasty() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("XJ7Q2#- \u200B\u202Eé").ofMaxLength(12),
        Arbitraries.of(
            "",
            " ",
            "A".repeat(10_000),
            "\u0000\u0001\u0007",
            "\u200B\u200C\u200D\uFEFF",
            "\u202Eمرحبا\u202C",
            "🎉🐍🎟️",
            "'; DROP TABLE claims; --",
            "<script>alert(1)</script>",
            "@everyone",
            "${jndi:ldap://x}",
            "TYJEL",
            "Paula Larsen"));
  }
}
