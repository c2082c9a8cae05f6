package dev.confbot.adapter.discord;

import static dev.confbot.adapter.discord.Conference.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.registration.ClaimAdministration;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.InMemoryNotificationLog;
import dev.confbot.fakediscord.FakeAttachment;
import dev.confbot.fakediscord.FakeChannel;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.hooks.EventListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The organizer commands through real JDA against fake-discord: answers for an organizer (olga),
 * refusals for a member without the organizer role, the chart and CSV attachments, and a release
 * with confirmation. One conference for the class; tests use their own members and tickets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizerCommandsEndToEndTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Admission positions of paid non-test orders in TestData.fixtureOrders(), counted by hand. */
  private static final int SOLD = 25;

  private final AtomicInteger syncs = new AtomicInteger();
  private final AtomicInteger reloads = new AtomicInteger();
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(50));
  private Conference conference;
  private FakeMember olga;

  @BeforeAll
  void start() {
    Clock clock = Clock.systemUTC();
    ZonedDateTime keynote =
        ZonedDateTime.now(clock)
            .truncatedTo(ChronoUnit.HOURS)
            .plusHours(2)
            .withZoneSameInstant(ZoneOffset.UTC);
    Room hall = new Room("1", "Forum Hall");
    Schedule schedule =
        new Schedule(
            "v1",
            ZoneId.of("UTC"),
            List.of(
                session("KEY1", "Python in 2027", keynote, hall),
                session("TLK2", "Typing the untypable", keynote.plusHours(1), hall)));
    OrganizerCommands.Programme programme =
        new OrganizerCommands.Programme(
            new NotificationPlanner(NotificationSettings.defaults()),
            () -> Optional.of(schedule),
            new InMemoryNotificationLog(),
            () -> new NotificationScheduler.Stats(3, 1, 0, 0),
            () -> "pretalx REST (test), refreshed just now",
            () ->
                "2 sessions; 0 moved, 0 cancelled, 0 added (reload "
                    + reloads.incrementAndGet()
                    + ")");
    AtomicReference<OrganizerCommands> listener = new AtomicReference<>();
    EventListener forward =
        event -> java.util.Objects.requireNonNull(listener.get()).onEvent(event);
    conference =
        new Conference(6, OrganizerCommands.commands(), List.of(forward)).withMessageContent();
    Conference c = conference;
    listener.set(
        new OrganizerCommands(
            new OrganizerCommands.Settings(
                c.fake.guildId(),
                Set.of(new RoleRef("Organizers")),
                List.of(new RoleRef("Attendees"), new RoleRef("On-site"), new RoleRef("Speakers")),
                ZoneId.of("UTC"),
                true),
            c.claims,
            c.index,
            new ClaimAdministration(
                c.claims,
                c.index,
                c.mapping,
                new DiscordRoleGateway(() -> c.bot().guild()),
                new DiscordAuditSink(() -> c.bot().guild(), Conference.LOG)),
            () -> {
              syncs.incrementAndGet();
              c.index.replaceAll(c.tickets.fullSync());
            },
            Optional.of(programme),
            clock,
            workers));
    conference.start();
    olga = conference.fake.member("olga");
    conference.register(member(0), "MWM3A", "Ingrid Bergström");
    assertThat(conference.claims.claimOf(key("MWM3A", 1))).isPresent();
  }

  private FakeMember member(int i) {
    return conference.fake.member("member" + i);
  }

  private FakeMessage run(FakeMember who, String command, Map<String, ?> options) {
    InteractionHandle handle = conference.fake.runSlashCommand(who, command, options, "en-US");
    FakeMessage answer =
        handle.awaitAnswer(Conference.WAIT).orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    assertThat(handle.rejectedCallbacks()).isEmpty();
    return answer;
  }

  private FakeMessage organizer(String command, Map<String, ?> options) {
    return run(olga, command, options);
  }

  private static Session session(String code, String title, ZonedDateTime start, Room room) {
    return new Session(
        code,
        title,
        List.of("Ada"),
        "",
        start,
        Duration.ofMinutes(30),
        room,
        null,
        "Talk",
        null,
        "en",
        null,
        false);
  }

  private static PositionKey key(String order, int position) {
    return new PositionKey(new OrderCode(order), position);
  }

  @Test
  void registersEveryCommandHiddenByDefault() {
    // then
    for (String name :
        List.of("ping", "participants", "stats", "registration", "export", "schedule")) {
      assertThat(conference.fake.commands().get(name))
          .as(name)
          .contains("\"default_member_permissions\":\"0\"");
    }
  }

  @Test
  void refusesEveryCommandToAMemberWithoutTheOrganizerRole() {
    // given
    FakeMember member = member(5);
    int syncsBefore = syncs.get();
    int reloadsBefore = reloads.get();
    List<Map.Entry<String, Map<String, ?>>> commands =
        List.of(
            Map.entry("ping", Map.of()),
            Map.entry("participants", Map.of()),
            Map.entry("stats", Map.of()),
            Map.entry("registration", Map.of("lookup", Map.of("query", "MWM3A"))),
            Map.entry("registration", Map.of("release", Map.of("query", "MWM3A"))),
            Map.entry("registration", Map.of("resync", Map.of())),
            Map.entry("export", Map.of("members", Map.of())),
            Map.entry("schedule", Map.of("next", Map.of())),
            Map.entry("schedule", Map.of("status", Map.of())),
            Map.entry("schedule", Map.of("reload", Map.of())));
    for (Map.Entry<String, Map<String, ?>> command : commands) {
      // when
      FakeMessage answer = run(member, command.getKey(), command.getValue());
      // then
      assertThat(answer.content()).as(command.toString()).isEqualTo(OrganizerGuard.REFUSAL);
      assertThat(answer.attachments()).isEmpty();
    }
    assertThat(syncs).hasValue(syncsBefore);
    assertThat(reloads).hasValue(reloadsBefore);
    assertThat(conference.claims.claimOf(key("MWM3A", 1))).isPresent();
  }

  @Test
  void pingAnswersGatewayAndRestLatency() {
    // when
    FakeMessage answer = organizer("ping", Map.of());
    // then
    assertThat(answer.content()).matches("Pong! Gateway -?\\d+ ms · REST \\d+ ms");
  }

  @Test
  void textPingAnswersOrganizersOnly() {
    // given
    FakeChannel channel = conference.fake.channel("programme");
    // when
    conference.fake.postUserMessage(member(5), channel, "$ping");
    conference.fake.postUserMessage(olga, channel, "$ping");
    // then
    eventually(
        "pong",
        () ->
            conference.fake.messages(channel).stream()
                .anyMatch(m -> m.content().startsWith("Pong! Gateway")));
    eventually(
        "refusal",
        () ->
            conference.fake.messages(channel).stream()
                .anyMatch(m -> m.content().equals(OrganizerGuard.REFUSAL)));
  }

  @Test
  void participantsCountsMembersRolesAndTickets() {
    // given
    long members =
        conference.fake.members().stream().filter(m -> !m.equals(conference.fake.bot())).count();
    long attendees =
        conference.fake.members().stream()
            .filter(m -> conference.fake.roleNamesOf(m).contains("Attendees"))
            .count();
    long registered = conference.claims.all().stream().filter(c -> c.confirmed()).count();
    // when
    FakeMessage answer = organizer("participants", Map.of());
    // then
    assertThat(answer.content())
        .startsWith(
            "Members: " + members + "\nTickets registered: " + registered + " of " + SOLD + " sold")
        .contains("\n• Attendees: " + attendees)
        .contains("\n• On-site: ")
        .contains("\n• Speakers: 0");
    assertThat(answer.attachments()).isEmpty();
  }

  @Test
  void statsAttachesThePngChart() {
    // when
    FakeMessage answer = organizer("stats", Map.of());
    // then
    assertThat(answer.content()).startsWith("Members: ").contains("of " + SOLD + " sold");
    assertThat(answer.attachments()).hasSize(1);
    FakeAttachment chart = answer.attachments().get(0);
    assertThat(chart.filename()).isEqualTo("stats.png");
    assertThat(chart.size()).isGreaterThan(2000);
    assertThat(java.util.Arrays.copyOf(chart.content(), 8)).isEqualTo(PNG_SIGNATURE);
  }

  @Test
  void lookupByOrderCodeShowsHolderAndFreePositions() {
    // when
    FakeMessage answer = organizer("registration", Map.of("lookup", Map.of("query", "#mwm3a")));
    // then
    assertThat(answer.content())
        .startsWith("Order MWM3A (paid, 2 positions)")
        .contains(
            "• MWM3A-1 Business, \"Ingrid Bergström\": held by <@" + member(0).id() + "> since ")
        .contains("• MWM3A-2 Business, \"Pål Øvergård\": free");
  }

  @Test
  void lookupByMemberMentionListsTicketsAndRoles() {
    // when
    FakeMessage answer =
        organizer("registration", Map.of("lookup", Map.of("query", "<@" + member(0).id() + ">")));
    // then
    assertThat(answer.content())
        .startsWith("<@" + member(0).id() + "> holds 1 ticket:\n• MWM3A-1 Business")
        .contains("Roles: ")
        .contains("Attendees");
  }

  @Test
  void lookupExplainsUnusableInputAndUnknownOrders() {
    // when
    FakeMessage bad = organizer("registration", Map.of("lookup", Map.of("query", "x!")));
    FakeMessage unknown = organizer("registration", Map.of("lookup", Map.of("query", "ZZZZZ")));
    // then
    assertThat(bad.content()).contains("is neither an order code");
    assertThat(unknown.content()).startsWith("Order ZZZZZ is not in the ticket index.");
  }

  @Test
  void releaseAsksForConfirmationThenFreesTheTicketAndRemovesRoles() {
    // given
    FakeMember holder = member(1);
    conference.register(holder, "KCPXF", "İlkay Gündoğan");
    assertThat(conference.fake.roleNamesOf(holder)).contains("Attendees", "On-site");
    // when
    InteractionHandle ask =
        conference.fake.runSlashCommand(
            olga, "registration", Map.of("release", Map.of("query", "kcpxf-1")), "en-US");
    FakeMessage question = ask.awaitAnswer(Conference.WAIT).orElseThrow();
    // then
    assertThat(question.content())
        .isEqualTo(
            "Release KCPXF-1 (\"İlkay Gündoğan\"), held by <@"
                + holder.id()
                + ">? Roles Attendees, On-site will be removed.");
    assertThat(question.buttonCustomIds()).hasSize(2);
    assertThat(conference.claims.claimOf(key("KCPXF", 1))).isPresent();
    FakeChannel channel = conference.fake.channel(Conference.REGISTRATION);
    // when a member without the organizer role clicks
    FakeMessage refused =
        conference
            .fake
            .clickButton(holder, channel, question.id(), question.buttonCustomIds().get(0))
            .awaitAnswer(Conference.WAIT)
            .orElseThrow();
    // then
    assertThat(refused.content()).isEqualTo(OrganizerGuard.REFUSAL);
    assertThat(conference.claims.claimOf(key("KCPXF", 1))).isPresent();
    // when the organizer confirms
    conference.fake.clickButton(olga, channel, question.id(), question.buttonCustomIds().get(0));
    // then
    eventually("released", () -> conference.claims.claimOf(key("KCPXF", 1)).isEmpty());
    eventually("roles removed", () -> !conference.fake.roleNamesOf(holder).contains("Attendees"));
    eventually(
        "answer edited",
        () -> ask.answer().orElseThrow().content().startsWith("Released KCPXF-1."));
    assertThat(ask.answer().orElseThrow().content())
        .isEqualTo(
            "Released KCPXF-1. <@"
                + holder.id()
                + "> lost Attendees, On-site; the ticket can be registered again.");
    assertThat(ask.answer().orElseThrow().buttonCustomIds()).isEmpty();
    eventually(
        "audit line",
        () ->
            conference.logLines().stream()
                .anyMatch(l -> l.contains("released by organizer <@" + olga.id() + ">")));
    assertThat(conference.logLines()).noneMatch(l -> l.contains("KCPXF"));
    FakeMessage lookup = organizer("registration", Map.of("lookup", Map.of("query", "KCPXF")));
    assertThat(lookup.content()).contains("• KCPXF-1 Business, \"İlkay Gündoğan\": free");
  }

  @Test
  void releaseCanBeCancelled() {
    // given
    FakeMember holder = member(2);
    conference.register(holder, "T8CV7", "Chloë Brontë");
    InteractionHandle ask =
        conference.fake.runSlashCommand(
            olga,
            "registration",
            Map.of("release", Map.of("query", String.valueOf(holder.id()))),
            "en-US");
    FakeMessage question = ask.awaitAnswer(Conference.WAIT).orElseThrow();
    // when
    conference.fake.clickButton(
        olga,
        conference.fake.channel(Conference.REGISTRATION),
        question.id(),
        question.buttonCustomIds().get(1));
    // then
    eventually(
        "cancelled",
        () -> ask.answer().orElseThrow().content().equals("Release cancelled; nothing changed."));
    assertThat(conference.claims.claimOf(key("T8CV7", 1))).isPresent();
  }

  @Test
  void releaseOfAFreeTicketSaysSo() {
    // when
    FakeMessage answer = organizer("registration", Map.of("release", Map.of("query", "TED7J")));
    // then
    assertThat(answer.content())
        .isEqualTo("Nothing to release: order TED7J holds no claimed ticket.");
    assertThat(answer.buttonCustomIds()).isEmpty();
  }

  @Test
  void resyncRunsTheFullSyncHook() {
    // given
    int before = syncs.get();
    // when
    FakeMessage answer = organizer("registration", Map.of("resync", Map.of()));
    // then
    assertThat(answer.content())
        .matches(
            "Synced from pretix in \\d+\\.\\d s: the ticket index holds "
                + conference.index.size()
                + " orders\\.");
    assertThat(syncs).hasValue(before + 1);
  }

  @Test
  void resyncFailureIsExplained() {
    // given
    int orders = conference.index.size();
    conference.tickets.failing(true);
    try {
      // when
      FakeMessage answer = organizer("registration", Map.of("resync", Map.of()));
      // then
      assertThat(answer.content())
          .startsWith("The orders could not be loaded from pretix (")
          .endsWith(
              "Registration goes on with the "
                  + orders
                  + " orders already known; try again later.");
    } finally {
      conference.tickets.failing(false);
    }
  }

  @Test
  void onlyTheAskingOrganizerCanConfirmARelease() {
    // given
    FakeMember holder = member(3);
    conference.register(holder, "DK8DQ", "Łukasz Wójcik");
    FakeMember oscar = conference.fake.addMember("oscar", "Organizers");
    FakeMessage question = organizer("registration", Map.of("release", Map.of("query", "DK8DQ")));
    // when
    FakeMessage answer =
        conference
            .fake
            .clickButton(
                oscar,
                conference.fake.channel(Conference.REGISTRATION),
                question.id(),
                question.buttonCustomIds().get(0))
            .awaitAnswer(Conference.WAIT)
            .orElseThrow();
    // then
    assertThat(answer.content())
        .isEqualTo("Only the organizer who asked for this release can confirm or cancel it.");
    assertThat(conference.claims.claimOf(key("DK8DQ", 1))).isPresent();
    assertThat(conference.bot().guild().getMemberById(oscar.id())).isNotNull();
  }

  @Test
  void exportAttachesTheMemberCsv() {
    // when
    FakeMessage answer = organizer("export", Map.of("members", Map.of()));
    // then
    assertThat(answer.content()).contains("personal data");
    assertThat(answer.attachments()).hasSize(1);
    FakeAttachment csv = answer.attachments().get(0);
    assertThat(csv.filename()).matches("members-\\d{4}-\\d{2}-\\d{2}\\.csv");
    String text = new String(csv.content(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("id,name,nickname,roles,joined_at,registered\r\n");
    assertThat(text.split("\r\n"))
        .hasSize(
            (int)
                    conference.fake.members().stream()
                        .filter(m -> !m.equals(conference.fake.bot()))
                        .count()
                + 1);
    assertThat(text)
        .contains(member(0).id() + ",member0,Ingrid Bergström,")
        .contains(",MWM3A-1\r\n");
  }

  @Test
  void scheduleNextListsTheComingNotifications() {
    // when
    FakeMessage answer = organizer("schedule", Map.of("next", Map.of()));
    // then
    assertThat(answer.content())
        .startsWith("Next notifications (UTC):\n• ")
        .contains("#programme: \"Python in 2027\"")
        .contains("#programme: \"Typing the untypable\"");
  }

  @Test
  void scheduleStatusShowsSourceCountsAndNext() {
    // when
    FakeMessage answer = organizer("schedule", Map.of("status", Map.of()));
    // then
    assertThat(answer.content())
        .startsWith("Source: pretalx REST (test), refreshed just now\nSessions: 2 · ")
        .contains("sent 3 notifications since start (1 late, 0 failed, 0 skipped)")
        .contains("ledger holds 0 sent")
        .containsPattern(
            "\nNext: \\w{3} \\d{1,2} \\w{3} \\d{2}:\\d{2} #programme · \\w{3} .* #programme$");
  }

  @Test
  void scheduleReloadRunsTheHook() {
    // given
    int before = reloads.get();
    // when
    FakeMessage answer = organizer("schedule", Map.of("reload", Map.of()));
    // then
    assertThat(answer.content())
        .isEqualTo(
            "Reloaded: 2 sessions; 0 moved, 0 cancelled, 0 added (reload " + (before + 1) + ")");
  }

  @AfterAll
  void stop() {
    conference.close();
    workers.shutdownNow();
  }
}
