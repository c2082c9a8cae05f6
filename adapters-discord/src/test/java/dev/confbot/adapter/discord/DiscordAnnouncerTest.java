package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.confbot.core.model.Embed;
import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.port.Announcer;
import dev.confbot.core.port.GatewayException;
import dev.confbot.fakediscord.FakeEmbed;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.Fault;
import dev.confbot.fakediscord.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Delivery of core messages to channels and webhooks through real JDA. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAnnouncerTest {
  private static final Embed CARD =
      new Embed(
          "Opening keynote",
          "https://pycon.example/talk/KEY",
          "Why Python <@&123> matters",
          0x57F287,
          List.of(
              new Embed.Field("Room", "Forum Hall", true),
              new Embed.Field("Level", "beginner", true)),
          "10:00 Prague time");

  private int nonces;

  private Conference conference;
  private String webhookUrl;

  @BeforeAll
  void start() {
    conference = new Conference(0).start();
    webhookUrl = conference.fake.createWebhook(conference.fake.channel("terrace-2a"), "programme");
  }

  @AfterAll
  void stop() {
    conference.close();
  }

  private DiscordAnnouncer announcer() {
    return new DiscordAnnouncer(
        conference.bot()::jda, conference.fake.guildId(), Map.of("terrace-hook", webhookUrl));
  }

  @Test
  void postsContentAndEmbedsToAChannelByName() {
    // when
    announcer()
        .send(
            new OutgoingMessage("#programme", "Starting in 5 minutes @everyone", List.of(CARD)),
            nonce());
    // then
    FakeMessage posted = last("programme");
    assertThat(posted.content()).isEqualTo("Starting in 5 minutes @everyone");
    assertThat(posted.authorId()).isEqualTo(conference.fake.bot().id());
    assertThat(posted.embeds())
        .singleElement()
        .isEqualTo(
            new FakeEmbed(
                "Opening keynote",
                "Why Python <@&123> matters",
                "https://pycon.example/talk/KEY",
                0x57F287,
                List.of(
                    new FakeEmbed.Field("Room", "Forum Hall", true),
                    new FakeEmbed.Field("Level", "beginner", true)),
                "10:00 Prague time",
                null));
    assertThat(conference.fake.requests("POST channels/*/messages"))
        .last()
        .satisfies(r -> assertThat(r.body()).contains("\"allowed_mentions\""));
  }

  @Test
  void postsToAChannelById() {
    // given
    String id = Long.toString(conference.fake.channel("forum-hall").id());
    // when
    announcer().send(new OutgoingMessage(id, "by id", List.of()), nonce());
    // then
    assertThat(last("forum-hall").content()).isEqualTo("by id");
  }

  @Test
  void postsThroughAWebhookNamedByAlias() {
    // when
    announcer().send(new OutgoingMessage("terrace-hook", "", List.of(CARD)), nonce());
    // then
    FakeMessage posted = last("terrace-2a");
    assertThat(posted.embeds()).extracting(FakeEmbed::title).containsExactly("Opening keynote");
    assertThat(posted.authorId()).isNotEqualTo(conference.fake.bot().id());
  }

  @Test
  void postsThroughAWebhookGivenAsUrl() {
    // when
    announcer().send(new OutgoingMessage(webhookUrl, "straight to the hook", List.of()), nonce());
    // then
    assertThat(last("terrace-2a").content()).isEqualTo("straight to the hook");
  }

  @Test
  void waitsOutARateLimit() {
    // given
    conference.fake.failNext("POST channels/*/messages", Fault.rateLimited(Duration.ofMillis(200)));
    // when
    announcer().send(new OutgoingMessage("programme", "after the limit", List.of()), nonce());
    // then
    assertThat(last("programme").content()).isEqualTo("after the limit");
    assertThat(conference.fake.requests("POST channels/*/messages"))
        .extracting(RecordedRequest::status)
        .containsSubsequence(429, 200);
  }

  @Test
  void reportsAnUnknownChannel() {
    assertThatThrownBy(
            () -> announcer().send(new OutgoingMessage("no-such-room", "x", List.of()), nonce()))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("no-such-room")
        .satisfies(e -> assertThat(((GatewayException) e).system()).isEqualTo("discord"));
  }

  @Test
  void reportsARefusedMessage() {
    // given
    conference.fake.failNext(
        "POST channels/*/messages", Fault.error(403, 50013, "Missing Permissions"));
    // when / then
    assertThatThrownBy(
            () -> announcer().send(new OutgoingMessage("programme", "x", List.of()), nonce()))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("refused");
  }

  @Test
  void rejectsAWebhookThatIsNoDiscordWebhook() {
    assertThatThrownBy(
            () ->
                new DiscordAnnouncer(
                    conference.bot()::jda,
                    conference.fake.guildId(),
                    Map.of("x", "https://example.org/not-a-hook")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recognisesDiscordWebhookUrls() {
    assertThat(
            DiscordAnnouncer.parseWebhook(
                "https://discord.com/api/webhooks/123456789012345678/abc_DEF-ghi"))
        .map(DiscordAnnouncer.WebhookId::id)
        .contains("123456789012345678");
    assertThat(DiscordAnnouncer.parseWebhook("programme")).isEmpty();
  }

  @Test
  void sendsADeterministicNonceThatDiscordEnforces() {
    // given
    String nonce = nonce();
    OutgoingMessage message = new OutgoingMessage("forum-hall", "once only", List.of(CARD));
    int before = conference.fake.messages("forum-hall").size();
    // when: the same message is sent twice with its nonce
    assertThat(announcer().send(message, nonce)).isEqualTo(Announcer.Delivery.DELIVERED);
    assertThat(announcer().send(message, nonce)).isEqualTo(Announcer.Delivery.DELIVERED);
    // then: Discord kept one
    assertThat(conference.fake.messages("forum-hall")).hasSize(before + 1);
    assertThat(conference.fake.requests("POST channels/*/messages"))
        .last()
        .satisfies(
            r ->
                assertThat(r.body())
                    .contains("\"nonce\":\"" + nonce + "\"")
                    .contains("\"enforce_nonce\":true"));
  }

  @Test
  void reportsALostResponseAsUncertainAndFindsTheStoredMessage() {
    // given: Discord stores the message, then the answer is lost
    String nonce = nonce();
    OutgoingMessage message = new OutgoingMessage("programme", "stored, answer lost", List.of());
    conference.fake.failNext("POST channels/*/messages", Fault.responseLost(500));
    int before = conference.fake.messages("programme").size();
    // when
    Announcer.Delivery delivery = announcer().send(message, nonce);
    // then
    assertThat(delivery).isEqualTo(Announcer.Delivery.UNCERTAIN);
    assertThat(conference.fake.messages("programme")).hasSize(before + 1);
    assertThat(announcer().find(message, nonce)).isEqualTo(Announcer.Presence.FOUND);
    assertThat(conference.fake.requests("GET channels/*/messages"))
        .last()
        .satisfies(r -> assertThat(r.query()).contains("limit=50"));
  }

  @Test
  void reportsAServerErrorAsUncertainAndTheCheckFindsNothing() {
    // given: Discord fails before storing anything
    String nonce = nonce();
    OutgoingMessage message = new OutgoingMessage("programme", "never stored", List.of(CARD));
    conference.fake.failNext("POST channels/*/messages", Fault.status(500));
    // when / then
    assertThat(announcer().send(message, nonce)).isEqualTo(Announcer.Delivery.UNCERTAIN);
    assertThat(announcer().find(message, nonce)).isEqualTo(Announcer.Presence.ABSENT);
  }

  @Test
  void cannotCheckAWebhook() {
    assertThat(announcer().find(new OutgoingMessage("terrace-hook", "x", List.of(CARD)), nonce()))
        .isEqualTo(Announcer.Presence.UNCHECKABLE);
  }

  @Test
  void leavesOutOnlyTheLinkDiscordWouldRefuse() {
    // given: one session whose pretalx URL lacks its scheme, one that is fine
    Embed bad =
        new Embed(
            "Packaging workshop",
            "pycon.example/talk/WS1",
            "Wheels and more",
            0x3498DB,
            List.of(new Embed.Field("Room", "Terrace 2A", true)),
            "10:00 Prague time");
    // when
    Announcer.Delivery delivery =
        announcer()
            .send(new OutgoingMessage("terrace-2a", "Starting soon", List.of(bad, CARD)), nonce());
    // then: the message goes out with both cards; only the bad link is missing
    assertThat(delivery).isEqualTo(Announcer.Delivery.DELIVERED);
    assertThat(last("terrace-2a").embeds())
        .extracting(FakeEmbed::title, FakeEmbed::url)
        .containsExactly(
            tuple("Packaging workshop", null),
            tuple("Opening keynote", "https://pycon.example/talk/KEY"));
  }

  private String nonce() {
    return "cb-test-" + (++nonces);
  }

  private FakeMessage last(String channel) {
    List<FakeMessage> messages = conference.fake.messages(channel);
    assertThat(messages).isNotEmpty();
    return messages.get(messages.size() - 1);
  }
}
