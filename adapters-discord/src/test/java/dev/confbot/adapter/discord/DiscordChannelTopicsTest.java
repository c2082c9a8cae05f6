package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.port.GatewayException;
import dev.confbot.fakediscord.Fault;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Room channel topics set through real JDA against fake-discord. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordChannelTopicsTest {
  private Conference conference;

  @BeforeAll
  void start() {
    conference = new Conference(0).start();
  }

  @AfterAll
  void stop() {
    conference.close();
  }

  private DiscordChannelTopics topics() {
    return new DiscordChannelTopics(conference.bot()::jda, conference.fake.guildId());
  }

  @Test
  void setsTheTopicOfAChannelByName() {
    // when
    topics().setTopic("#forum-hall", "▶ Now: Keynote (until 10:45) · ⏭ Next 11:00: Typing");
    // then
    assertThat(conference.fake.channel("forum-hall").topic())
        .isEqualTo("▶ Now: Keynote (until 10:45) · ⏭ Next 11:00: Typing");
    assertThat(conference.fake.requests("PATCH channels/*")).isNotEmpty();
  }

  @Test
  void setsTheTopicOfAChannelById() {
    // given
    String id = Long.toString(conference.fake.channel("terrace-2a").id());
    // when
    topics().setTopic(id, "Nothing more today");
    // then
    assertThat(conference.fake.channel("terrace-2a").topic()).isEqualTo("Nothing more today");
  }

  @Test
  void reportsAMissingChannelByName() {
    assertThatThrownBy(() -> topics().setTopic("club-z", "x"))
        .isInstanceOf(GatewayException.class)
        .hasMessage("discord: text channel \"club-z\" not found on the server");
  }

  @Test
  void reportsThatTheBotLacksManageChannels() {
    // given: Discord refuses the edit
    conference.fake.failNext("PATCH channels/*", Fault.error(403, 50013, "Missing Permissions"));
    // when / then
    assertThatThrownBy(() -> topics().setTopic("forum-hall", "x"))
        .isInstanceOf(GatewayException.class)
        .hasMessage(
            "discord: the bot may not edit the topic of channel forum-hall"
                + " (it needs the Manage Channels permission there)");
  }

  @Test
  void reportsThatTheBotLacksManageChannelsBeforeAskingDiscord() throws InterruptedException {
    // given: the bot's role may not manage #programme (JDA knows it from its cache)
    Guild guild = conference.bot().guild();
    TextChannel programme = guild.getTextChannelsByName("programme", false).get(0);
    Member self = guild.getSelfMember();
    programme
        .upsertPermissionOverride(self.getRoles().get(0))
        .deny(Permission.MANAGE_CHANNEL)
        .complete();
    long deadline = System.nanoTime() + Conference.WAIT.toNanos();
    while (self.hasPermission(programme, Permission.MANAGE_CHANNEL)) {
      assertThat(System.nanoTime()).as("waited for the overwrite").isLessThan(deadline);
      Thread.sleep(20);
    }
    conference.fake.clearRequests();
    // when / then
    assertThatThrownBy(() -> topics().setTopic("programme", "x"))
        .isInstanceOf(GatewayException.class)
        .hasMessage(
            "discord: the bot may not edit the topic of channel programme"
                + " (it needs the Manage Channels permission there)");
    assertThat(conference.fake.requests("PATCH channels/*")).isEqualTo(List.of());
  }

  @Test
  void reportsAnyOtherRefusal() {
    // given
    conference.fake.failNext("PATCH channels/*", Fault.error(400, 50035, "Invalid Form Body"));
    // when / then
    assertThatThrownBy(() -> topics().setTopic("forum-hall", "x"))
        .isInstanceOf(GatewayException.class)
        .hasMessageStartingWith("discord: topic of channel forum-hall refused: ");
  }

  @Test
  void skipsTheEditWhenTheTopicIsAlreadyShown() throws InterruptedException {
    // given: forum-hall shows the topic, and JDA's cache knows it
    topics().setTopic("forum-hall", "Lunch");
    TextChannel hall = conference.bot().guild().getTextChannelsByName("forum-hall", false).get(0);
    long deadline = System.nanoTime() + Conference.WAIT.toNanos();
    while (!"Lunch".equals(hall.getTopic())) {
      assertThat(System.nanoTime()).as("waited for the cache").isLessThan(deadline);
      Thread.sleep(20);
    }
    conference.fake.clearRequests();
    // when: set again (as after a restart)
    topics().setTopic("forum-hall", "Lunch");
    // then
    assertThat(conference.fake.requests("PATCH channels/*")).isEqualTo(List.of());
  }

  @Test
  void failsOnARateLimitInsteadOfWaitingItOutAndSucceedsOnALaterTry() throws InterruptedException {
    // given: Discord answers the edit with a 429
    conference.fake.failNext("PATCH channels/*", Fault.rateLimited(Duration.ofSeconds(1)));
    // when / then: the failure surfaces (JDA would otherwise wait and retry by itself)
    assertThatThrownBy(() -> topics().setTopic("terrace-2a", "Rate limited"))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("rate limit");
    assertThat(conference.fake.channel("terrace-2a").topic()).isNotEqualTo("Rate limited");
    // when: a later tick tries again
    long deadline = System.nanoTime() + Conference.WAIT.toNanos();
    while (!"Rate limited".equals(conference.fake.channel("terrace-2a").topic())) {
      assertThat(System.nanoTime()).as("retried until accepted").isLessThan(deadline);
      Thread.sleep(200);
      try {
        topics().setTopic("terrace-2a", "Rate limited");
      } catch (GatewayException e) {
        // still limited
      }
    }
  }
}
