package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.adapter.sqlite.SqliteSettings;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.time.HeldClock;
import dev.confbot.fakediscord.FakeChannel;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /forget-me} and {@code /forget @member} through the assembled bot (real injector, SQLite,
 * real JDA against fake-discord): members register, set a reminder and fail an attempt; after the
 * confirmation button their rows are gone from the database file and their ticket roles from the
 * server, and the ticket can be registered again.
 */
class PrivacyEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final List<String> MEMBER_TABLES =
      List.of("claims", "reminders", "failed_attempts");

  @Test
  void membersAndOrganizersForgetAndTheRowsAndRolesAreGone(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given
      ConfbotConfig config = DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));
      Path database = SqliteSettings.in(config.runtime().dataDir()).databaseFile();
      FakeMember francois = discord.member("francois");
      FakeMember zoe = discord.member("zoe");
      FakeMember mallory = discord.member("mallory");
      FakeMember olga = discord.member("olga-organizer");
      FakeChannel channel = discord.channel("registration");
      HeldClock held = new HeldClock(Clock.systemUTC());
      try (Confbot bot =
          AssembledBot.startAt(config, discord, tickets, held, "2023-07-19T10:39:00+02:00")) {
        assertThat(bot.guildProblems()).isEmpty();
        await(() -> bot.lastScheduleRefresh().isPresent());
        assertThat(register(discord, francois, "7SRMG", "Nobody Here")).contains("7SRMG");
        assertThat(register(discord, francois, "7SRMG", "François-Xavier Lefèvre"))
            .contains("registered");
        assertThat(discord.roleNamesOf(francois)).isNotEmpty();
        String reminder =
            discord
                .runSlashCommand(francois, channel, "remind", Map.of("session", "PNVM3S"), "fr")
                .awaitAnswer(WAIT)
                .orElseThrow()
                .content();
        assertThat(reminder).startsWith("⏰");
        assertThat(register(discord, zoe, "#ut8z3", "Zoe Papadopoulou")).contains("registered");
        assertThat(discord.roleNamesOf(zoe)).isNotEmpty();
        long francoisId = francois.id();
        long zoeId = zoe.id();
        for (String table : MEMBER_TABLES) {
          assertThat(rows(database, table, francoisId)).as(table).isPositive();
        }
        assertThat(rows(database, "claims", zoeId)).isEqualTo(1);

        // when: francois asks to be forgotten, in French, and confirms
        InteractionHandle ask =
            discord.runSlashCommand(francois, channel, "forget-me", Map.of(), "fr");
        FakeMessage question = ask.awaitAnswer(WAIT).orElseThrow();
        assertThat(question.ephemeral()).isTrue();
        assertThat(question.content())
            .startsWith("confbot conserve ceci à votre sujet")
            .contains("enregistrements de billets\u00a0: 1")
            .contains("rappels de sessions\u00a0: 1")
            .contains("Vos rôles de billet (");
        assertThat(question.buttonCustomIds()).hasSize(2);
        assertThat(rows(database, "claims", francoisId)).as("nothing before confirming").isOne();
        // a click by someone else changes nothing
        FakeMessage refused =
            discord
                .clickButton(
                    zoe, channel, question.id(), question.buttonCustomIds().get(0), "en-GB")
                .awaitAnswer(WAIT)
                .orElseThrow();
        assertThat(refused.content()).isEqualTo("This button belongs to another member's request.");
        assertThat(rows(database, "claims", francoisId)).isOne();
        discord.clickButton(
            francois, channel, question.id(), question.buttonCustomIds().get(0), "fr");

        // then: his rows are gone from the database and his ticket roles from the server
        await(() -> ask.answer().orElseThrow().content().startsWith("C'est fait"));
        assertThat(ask.answer().orElseThrow().content())
            .contains("Vos rôles de billet (")
            .contains("/register");
        assertThat(ask.answer().orElseThrow().buttonCustomIds()).isEmpty();
        for (String table : MEMBER_TABLES) {
          assertThat(rows(database, table, francoisId)).as(table).isZero();
        }
        await(() -> discord.roleNamesOf(francois).isEmpty());
        await(
            () ->
                logLines(discord).stream()
                    .anyMatch(l -> l.contains("A member had their personal data deleted")));
        assertThat(logLines(discord).stream().filter(l -> l.contains("/forget-me")))
            .noneMatch(l -> l.contains(String.valueOf(francoisId)) || l.contains("François"));
        // the ticket is free again
        assertThat(rows(database, "claims", zoeId)).isOne();

        // when: a member without the organizer role tries /forget
        FakeMessage notAllowed =
            discord
                .runSlashCommand(mallory, channel, "forget", Map.of("member", zoe), "en-US")
                .awaitAnswer(WAIT)
                .orElseThrow();
        // then
        assertThat(notAllowed.content()).startsWith("Sorry, this command is for organizers only");
        assertThat(rows(database, "claims", zoeId)).isOne();

        // when: the organizer forgets zoe and confirms
        InteractionHandle forget =
            discord.runSlashCommand(olga, channel, "forget", Map.of("member", zoe), "en-US");
        FakeMessage confirm = forget.awaitAnswer(WAIT).orElseThrow();
        assertThat(confirm.content())
            .startsWith("Forget <@" + zoeId + ">? This deletes 1 ticket claim, 0 session reminders")
            .contains("and removes the roles ")
            .endsWith("This cannot be undone.");
        discord.clickButton(olga, channel, confirm.id(), confirm.buttonCustomIds().get(0));

        // then
        await(() -> forget.answer().orElseThrow().content().startsWith("Forgot <@" + zoeId + ">"));
        for (String table : MEMBER_TABLES) {
          assertThat(rows(database, table, zoeId)).as(table).isZero();
        }
        await(() -> discord.roleNamesOf(zoe).isEmpty());
        await(
            () ->
                logLines(discord).stream()
                    .anyMatch(
                        l ->
                            l.contains(
                                "Personal data of <@"
                                    + zoeId
                                    + "> deleted by organizer <@"
                                    + olga.id()
                                    + ">")));
        assertThat(logLines(discord)).noneMatch(l -> l.contains("Papadopoulou"));

        // then: a forgotten member can register again
        assertThat(register(discord, zoe, "#ut8z3", "Zoe Papadopoulou")).contains("registered");
        assertThat(rows(database, "claims", zoeId)).isOne();
      }
    }
  }

  private static String register(FakeDiscord discord, FakeMember member, String code, String name) {
    return discord
        .submitModal(member, "confbot:register", Map.of("order", code, "name", name), "en-US")
        .awaitAnswer(WAIT)
        .map(FakeMessage::content)
        .orElse("(no answer)");
  }

  private static List<String> logLines(FakeDiscord discord) {
    return discord.messages("registration-log").stream().map(FakeMessage::content).toList();
  }

  /** Rows of the member in a table, read from the database file with a connection of our own. */
  private static int rows(Path database, String table, long member) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE member_id = " + member)) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
