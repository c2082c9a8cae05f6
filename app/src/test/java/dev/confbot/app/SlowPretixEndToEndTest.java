package dev.confbot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.google.inject.AbstractModule;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.core.registration.OrderLookup;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled bot (real JDA, fake-discord, the real pretix adapter against a WireMock pretix)
 * while pretix's direct order lookups hang or are rate-limited, after the full sync filled the
 * index: members whose ticket is indexed still register, members with a code the index does not
 * hold are told "we can't verify tickets right now" once the lookup deadline passes.
 *
 * <p>Why the tests fail without the guarantees: if an indexed ticket were looked up at pretix, its
 * member would get "can't verify" instead of the roles; if it were looked up and the index used as
 * the fallback, the rate-limit case sees the lookup in WireMock's journal (checked by setting
 * {@code refreshed(order)} on OrderLookup's index-hit path). If direct lookups had no deadline,
 * each unknown-code member would hold one of the four registration workers until pretix answered
 * (30 s of delay, 60 s of {@code Retry-After}), so neither they nor the indexed member behind them
 * would be answered within {@link #WAIT}.
 */
class SlowPretixEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String EVENT = "/api/v1/organizers/pyconxx/events/2026/";

  /** More than the lookup pool and its queue hold (2 + 16): some are refused at once. */
  private static final int UNKNOWN_MEMBERS = 20;

  private static final String CANT_VERIFY = "We can't verify tickets right now";

  private final WireMockServer pretix =
      new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

  @BeforeEach
  void startPretix() {
    pretix.start();
  }

  /** Drops the hanging requests' stubs and stops WireMock without waiting out the delays. */
  @AfterEach
  void stopPretix() {
    pretix.resetAll();
    pretix.stop();
  }

  @Test
  void indexedTicketsRegisterAndUnknownCodesAreAnsweredWhilePretixHangs(@TempDir Path dir)
      throws Exception {
    assertIndexedRegistersAndUnknownCannotBeVerified(
        dir, UNKNOWN_MEMBERS, false, aResponse().withStatus(404).withFixedDelay(30_000));
  }

  @Test
  void indexedTicketsRegisterAndUnknownCodesAreAnsweredWhilePretixRateLimits(@TempDir Path dir)
      throws Exception {
    assertIndexedRegistersAndUnknownCannotBeVerified(
        dir, 1, true, aResponse().withStatus(429).withHeader("Retry-After", "60"));
  }

  /**
   * With a lookup deadline longer than pretix's hang, more unknown codes than registration workers
   * would hold every worker (the old, blocking lookup) and the indexed member behind them would
   * wait out pretix too; the registrations waiting for pretix when the bot stops are told to submit
   * again.
   */
  @Test
  void lookupsWaitingForPretixHoldNoWorkerAndAreAnsweredWhenTheBotStops(@TempDir Path dir)
      throws Exception {
    int waitingMembers = 6; // more than the 4 workers, fewer than the lookup pool and queue
    FakeGuild guild = DemoCommand.guild();
    for (int i = 0; i < waitingMembers; i++) {
      guild.member(unknownMember(i));
    }
    List<InteractionHandle> waiting = new ArrayList<>();
    try (FakeDiscord discord = FakeDiscord.start(guild)) {
      ConfbotConfig config = config(dir, discord);
      stubFullSync(dir.resolve("pretix"));
      try (Confbot bot = startSynced(config, discord, Duration.ofMinutes(2))) {
        pretix.stubFor(
            get(urlPathMatching(EVENT + "orders/[A-Z0-9]+/"))
                .willReturn(aResponse().withStatus(404).withFixedDelay(60_000)));
        // given: more members waiting for pretix than there are workers
        for (int i = 0; i < waitingMembers; i++) {
          waiting.add(submit(discord, discord.member(unknownMember(i)), unknownCode(i), "Jo Doe"));
        }
        for (InteractionHandle handle : waiting) {
          assertThat(handle.awaitAck(WAIT)).isPresent();
        }
        // when: a member whose ticket is indexed submits
        FakeMember guido = discord.member("guido");
        InteractionHandle indexed = submit(discord, guido, "HXYCT", "Guido van Rossum");
        // then: answered while pretix still hangs, and nobody waiting has been answered yet
        assertThat(answer(indexed)).contains("registered with your Speaker ticket");
        for (InteractionHandle handle : waiting) {
          assertThat(handle.awaitAnswer(Duration.ZERO)).isEmpty();
        }
      }
      // and when the bot stops, each of them is told to submit again
      for (InteractionHandle handle : waiting) {
        assertThat(answer(handle)).contains("The bot is restarting");
      }
    }
  }

  private void assertIndexedRegistersAndUnknownCannotBeVerified(
      Path dir, int unknownMembers, boolean indexedFirst, ResponseDefinitionBuilder orderLookup)
      throws Exception {
    FakeGuild guild = DemoCommand.guild();
    for (int i = 0; i < unknownMembers; i++) {
      guild.member(unknownMember(i));
    }
    try (FakeDiscord discord = FakeDiscord.start(guild)) {
      // given: the full sync filled the index, then direct lookups hang or are rate-limited
      ConfbotConfig config = config(dir, discord);
      stubFullSync(dir.resolve("pretix"));
      try (Confbot bot = startSynced(config, discord, Duration.ofMillis(300))) {
        pretix.stubFor(get(urlPathMatching(EVENT + "orders/[A-Z0-9]+/")).willReturn(orderLookup));

        // when: members with unknown codes submit, and a member with an indexed ticket (first,
        // while pretix is not yet paused by a 429, so a lookup of it would reach WireMock)
        FakeMember guido = discord.member("guido");
        InteractionHandle indexed =
            indexedFirst ? submit(discord, guido, "HXYCT", "Guido van Rossum") : null;
        List<InteractionHandle> unknown = new ArrayList<>();
        for (int i = 0; i < unknownMembers; i++) {
          unknown.add(submit(discord, discord.member(unknownMember(i)), unknownCode(i), "Jo Doe"));
        }
        if (indexed == null) {
          indexed = submit(discord, guido, "HXYCT", "Guido van Rossum");
        }

        // then
        assertThat(answer(indexed)).contains("registered with your Speaker ticket");
        await(() -> discord.roleNamesOf(guido).contains("Speakers"));
        for (int i = 0; i < unknownMembers; i++) {
          assertThat(answer(unknown.get(i))).as(unknownMember(i)).contains(CANT_VERIFY);
          assertThat(discord.roleNamesOf(discord.member(unknownMember(i)))).isEmpty();
        }
        assertThat(pretix.findAll(getRequestedFor(urlPathEqualTo(EVENT + "orders/HXYCT/"))))
            .as("the indexed ticket is not looked up at pretix")
            .isEmpty();
      }
    }
  }

  /** The assembled bot with the given lookup deadline, once the full sync filled the index. */
  private static Confbot startSynced(ConfbotConfig config, FakeDiscord discord, Duration deadline)
      throws InterruptedException {
    OrderLookup.Settings lookups = OrderLookup.Settings.defaults().withDeadline(deadline);
    Confbot bot =
        Confbot.create(
            config,
            new RunOptions(Clock.systemUTC(), discord.baseUrl(), discord.gatewayUrl()),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(OrderLookup.Settings.class).toInstance(lookups);
              }
            });
    bot.start();
    await(() -> bot.lastTicketSync().isPresent());
    return bot;
  }

  /** The demo's files, with {@code [pretix] base_url} pointing at WireMock. */
  private ConfbotConfig config(Path dir, FakeDiscord discord) throws IOException {
    DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
    Path file = dir.resolve("config.toml");
    String demo = Files.readString(file, StandardCharsets.UTF_8);
    String wired = demo.replace("http://127.0.0.1:9/", pretix.baseUrl() + "/");
    assertThat(wired).isNotEqualTo(demo);
    Files.writeString(file, wired, StandardCharsets.UTF_8);
    return new ConfigLoader(
            Map.of("DISCORD_BOT_TOKEN", discord.token(), "PRETIX_TOKEN", "test-pretix-token"))
        .load(file)
        .config();
  }

  /** The items and the three order pages of the demo's pretix export. */
  private void stubFullSync(Path files) throws IOException {
    pretix.stubFor(
        get(urlPathEqualTo(EVENT + "items/"))
            .willReturn(okJson(Files.readString(files.resolve("items.json")))));
    for (int page = 1; page <= 3; page++) {
      pretix.stubFor(
          get(urlPathEqualTo(EVENT + "orders/"))
              .withQueryParam("page", equalTo(String.valueOf(page)))
              .willReturn(
                  okJson(Files.readString(files.resolve("orders-page-" + page + ".json")))
                      .withHeader("X-Page-Generated", "2026-03-01T08:00:00.123456+00:00")));
    }
  }

  private static String unknownMember(int i) {
    return "unknown-" + i;
  }

  private static String unknownCode(int i) {
    return String.format("QQ%03d", i);
  }

  private static InteractionHandle submit(
      FakeDiscord discord, FakeMember member, String code, String name) {
    return discord.submitModal(
        member, "confbot:register", Map.of("order", code, "name", name), "en-US");
  }

  private static String answer(InteractionHandle handle) {
    return handle.awaitAnswer(WAIT).map(FakeMessage::content).orElse("(no answer)");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
