package dev.confbot.fakediscord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Test;

/** JDA's {@code openPrivateChannelById(long)} sends the user id as a JSON number. */
class DirectMessageByIdTest {

  @Test
  void opensTheDmChannelOfAUserGivenOnlyByALargeNumericId() throws InterruptedException {
    try (FakeDiscord fake =
        FakeDiscord.start(FakeGuild.named("PyConf").textChannel("general").member("alice"))) {
      FakeMember alice = fake.member("alice");
      JDA jda = JdaFixture.connect(fake);
      try {
        // when
        jda.openPrivateChannelById(alice.id())
            .flatMap(channel -> channel.sendMessage("Reminder"))
            .timeout(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .complete();
        // then
        assertThat(alice.id()).isGreaterThan(1L << 53);
        assertThat(fake.directMessages(alice))
            .extracting(FakeMessage::content)
            .containsExactly("Reminder");
      } finally {
        JdaFixture.shutdown(jda);
      }
    }
  }
}
