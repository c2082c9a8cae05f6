package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.TicketSyncService;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled bot while pretix keeps failing and after a claimed order falls back to pending:
 * organizers are alerted once in the log channel and again on recovery, {@code /healthz} says
 * "degraded" with the reason, {@code /metrics} counts the failures, and the unpaid ticket's roles
 * are removed in Discord.
 */
class TicketSyncHealthEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String LOG = "registration-log";

  /** The demo's pretix files, failing or with one order's status changed on demand. */
  private static final class Pretix implements TicketSource {
    private final TicketSource files;
    private volatile boolean failing;
    private volatile @Nullable OrderCode unpaid;

    Pretix(TicketSource files) {
      this.files = files;
    }

    private Snapshot adjusted(Snapshot snapshot) {
      if (failing) {
        throw new GatewayException("pretix", "HTTP 503 Service Unavailable", null);
      }
      return new Snapshot(snapshot.orders().stream().map(this::adjusted).toList(), "cursor");
    }

    private Order adjusted(Order order) {
      return order.code().equals(unpaid)
          ? new Order(order.code(), OrderStatus.PENDING, order.testMode(), order.positions())
          : order;
    }

    @Override
    public Optional<Order> order(OrderCode code) {
      if (failing) {
        throw new GatewayException("pretix", "HTTP 503 Service Unavailable", null);
      }
      return files.order(code).map(this::adjusted);
    }

    @Override
    public Snapshot fullSync() {
      return adjusted(files.fullSync());
    }

    @Override
    public Snapshot changedSince(String cursor) {
      return adjusted(files.fullSync());
    }
  }

  @Test
  void alertsReportsAndRecoversWhenTheTicketSyncKeepsFailing(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given
      ConfbotConfig config = DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      Pretix pretix = new Pretix(PretixDirectoryTicketSource.load(dir.resolve("pretix")));
      try (Confbot bot = AssembledBot.start(config, discord, pretix, Clock.systemUTC());
          HealthServer health = HealthServer.start(0, bot)) {
        TicketSyncService sync = bot.injector().getInstance(TicketSyncService.class);
        await(() -> bot.lastTicketSync().isPresent());
        // when
        pretix.failing = true;
        for (int i = 0; i < 3; i++) {
          sync.sync();
        }
        // then
        await(() -> logLines(discord).stream().anyMatch(l -> l.contains("failed 3 time(s)")));
        assertThat(get(health, "/healthz"))
            .startsWith("200 ")
            .contains("\"status\":\"degraded\"")
            .contains("pretix ticket sync failed 3 time(s) in a row")
            .contains("HTTP 503")
            .contains("\"pretix_sync_failures_in_a_row\":3");
        assertThat(get(health, "/metrics"))
            .contains("confbot_pretix_sync_failures_total 3.0")
            .containsPattern("confbot_schedule_refresh_age_seconds [0-9]")
            .contains("confbot_pretix_sync_stale 1.0");

        // when: pretix answers again
        pretix.failing = false;
        sync.sync();
        // then
        await(() -> logLines(discord).stream().anyMatch(l -> l.contains("works again")));
        assertThat(logLines(discord)).filteredOn(l -> l.contains("in a row")).hasSize(1);
        assertThat(get(health, "/healthz"))
            .contains("\"status\":\"ok\"")
            .contains("\"problems\":[]");
        assertThat(get(health, "/metrics")).contains("confbot_pretix_sync_stale 0.0");
      }
    }
  }

  @Test
  void removesTheRolesOfAClaimedOrderThatIsNoLongerPaid(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given
      ConfbotConfig config = DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      Pretix pretix = new Pretix(PretixDirectoryTicketSource.load(dir.resolve("pretix")));
      FakeMember guido = discord.member("guido");
      try (Confbot bot = AssembledBot.start(config, discord, pretix, Clock.systemUTC())) {
        await(() -> bot.lastTicketSync().isPresent());
        assertThat(answer(discord, guido, "HXYCT", "Guido van Rossum"))
            .contains("registered with your Speaker ticket");
        assertThat(discord.roleNamesOf(guido)).contains("Speakers");
        // when: the payment is reversed and pretix marks the order pending again
        pretix.unpaid = new OrderCode("HXYCT");
        bot.injector().getInstance(TicketSyncService.class).sync();
        // then
        await(() -> !discord.roleNamesOf(guido).contains("Speakers"));
        await(
            () ->
                logLines(discord).stream()
                    .anyMatch(l -> l.contains("no longer paid") && l.contains("roles removed")));
        assertThat(logLines(discord)).noneMatch(l -> l.contains("HXYCT"));
      }
    }
  }

  private static List<String> logLines(FakeDiscord discord) {
    return discord.messages(LOG).stream().map(FakeMessage::content).toList();
  }

  private static String answer(FakeDiscord discord, FakeMember member, String code, String name) {
    return discord
        .submitModal(member, "confbot:register", Map.of("order", code, "name", name), "en-US")
        .awaitAnswer(WAIT)
        .map(FakeMessage::content)
        .orElse("(no answer)");
  }

  private static String get(HealthServer health, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
