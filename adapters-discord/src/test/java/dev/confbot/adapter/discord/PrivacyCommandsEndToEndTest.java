package dev.confbot.adapter.discord;

import static dev.confbot.adapter.discord.Conference.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.privacy.ForgetService;
import dev.confbot.core.testing.FakePersonalData;
import dev.confbot.fakediscord.FakeChannel;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.hooks.EventListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /forget-me} and {@code /forget} through real JDA against fake-discord: the questions,
 * cancelling, who may press the buttons, a member confbot knows nothing about, and the German
 * answers. The rows themselves are checked in SQLite by the app's {@code PrivacyEndToEndTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyCommandsEndToEndTest {
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(50));
  private Conference conference;
  private FakePersonalData data;
  private FakeMember olga;
  private FakeChannel channel;

  @BeforeAll
  void start() {
    AtomicReference<PrivacyCommands> listener = new AtomicReference<>();
    EventListener forward = event -> Objects.requireNonNull(listener.get()).onEvent(event);
    conference = new Conference(6, PrivacyCommands.commands(), List.of(forward));
    Conference c = conference;
    data = new FakePersonalData(c.claims);
    ForgetService service =
        new ForgetService(
            data,
            c.claims,
            c.index,
            c.mapping,
            new DiscordRoleGateway(() -> c.bot().guild()),
            new DiscordAuditSink(() -> c.bot().guild(), Conference.LOG));
    listener.set(
        new PrivacyCommands(
            new PrivacyCommands.Settings(c.fake.guildId(), Set.of(new RoleRef("Organizers"))),
            () -> service,
            Texts.bundled(),
            workers));
    conference.start();
    olga = conference.fake.member("olga");
    channel = conference.fake.channel(Conference.REGISTRATION);
  }

  @AfterAll
  void stop() {
    conference.close();
    workers.shutdownNow();
  }

  private FakeMember member(int i) {
    return conference.fake.member("member" + i);
  }

  private InteractionHandle run(
      FakeMember who, String command, Map<String, ?> options, String locale) {
    return conference.fake.runSlashCommand(who, channel, command, options, locale);
  }

  private static FakeMessage answer(InteractionHandle handle) {
    FakeMessage answer =
        handle.awaitAnswer(Conference.WAIT).orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    return answer;
  }

  @Test
  void registersForgetMeForEveryoneAndForgetHiddenByDefault() {
    assertThat(conference.fake.commands().get("forget"))
        .contains("\"default_member_permissions\":\"0\"");
    assertThat(conference.fake.commands().get("forget-me"))
        .doesNotContain("\"default_member_permissions\":\"0\"");
  }

  @Test
  void forgetMeInGermanAsksThenCancelsWithoutDeleting() {
    // given
    FakeMember member = member(0);
    conference.register(member, "TYJEL", "Paula Larsen");
    data.addReminders(new MemberId(member.id()), 2);
    // when
    InteractionHandle ask = run(member, "forget-me", Map.of(), "de");
    FakeMessage question = answer(ask);
    // then
    assertThat(question.content())
        .isEqualTo(
            "confbot speichert über dich: Ticket-Registrierungen: 1, Erinnerungen an Sessions: 2,"
                + " fehlgeschlagene Registrierungsversuche: 0. Jetzt alles löschen? Deine"
                + " Ticket-Rollen (Attendees, On-site) werden ebenfalls entfernt: Du bist dann"
                + " nicht mehr registriert und müsstest dich erneut registrieren, um sie"
                + " zurückzubekommen.");
    assertThat(question.buttonCustomIds())
        .containsExactly(
            PrivacyCommands.FORGET_ME_BUTTON + member.id(),
            PrivacyCommands.FORGET_ME_CANCEL + member.id());
    // when
    conference.fake.clickButton(
        member, channel, question.id(), question.buttonCustomIds().get(1), "de");
    // then
    eventually(
        "cancelled",
        () ->
            ask.answer().orElseThrow().content().equals("Abgebrochen: Es wurde nichts gelöscht."));
    assertThat(data.countOf(new MemberId(member.id())).total()).isEqualTo(3);
    assertThat(conference.fake.roleNamesOf(member)).contains("Attendees", "On-site");
  }

  @Test
  void forgetMeOfAMemberConfbotKnowsNothingAboutSaysSo() {
    // when
    FakeMessage answer = answer(run(member(1), "forget-me", Map.of(), "en-US"));
    // then
    assertThat(answer.content())
        .isEqualTo("confbot keeps no data about you, so there is nothing to delete.");
    assertThat(answer.buttonCustomIds()).isEmpty();
  }

  @Test
  void forgetMeConfirmedDeletesAndRemovesTheTicketRoles() {
    // given
    FakeMember member = member(2);
    conference.register(member, "DLSSW", "José Müller-Lüdenscheidt");
    InteractionHandle ask = run(member, "forget-me", Map.of(), "en-US");
    FakeMessage question = answer(ask);
    // when
    conference.fake.clickButton(member, channel, question.id(), question.buttonCustomIds().get(0));
    // then
    eventually("answered", () -> ask.answer().orElseThrow().content().startsWith("Done:"));
    assertThat(ask.answer().orElseThrow().content())
        .endsWith(
            "Your ticket roles (Attendees, On-site) were removed. To get them back, register"
                + " again with /register.");
    assertThat(data.countOf(new MemberId(member.id())).total()).isZero();
    eventually("roles removed", () -> conference.fake.roleNamesOf(member).isEmpty());
  }

  @Test
  void forgetIsRefusedToMembersWithoutTheOrganizerRole() {
    // given
    FakeMember target = member(3);
    conference.register(target, "JMM7N", "Søren Kierkegaard Nielsen");
    // when
    FakeMessage answer = answer(run(member(4), "forget", Map.of("member", target), "en-US"));
    // then
    assertThat(answer.content()).isEqualTo(OrganizerGuard.REFUSAL);
    assertThat(data.countOf(new MemberId(target.id())).total()).isEqualTo(1);
  }

  @Test
  void onlyTheAskingOrganizerConfirmsAndCancelKeepsEverything() {
    // given
    FakeMember target = member(5);
    conference.register(target, "KKQEW", "Đorđe Petrović");
    InteractionHandle ask = run(olga, "forget", Map.of("member", target), "en-US");
    FakeMessage question = answer(ask);
    assertThat(question.content())
        .isEqualTo(
            "Forget <@"
                + target.id()
                + ">? This deletes 1 ticket claim, 0 session reminders and 0 failed registration"
                + " attempts and removes the roles Attendees, On-site: they are unregistered and"
                + " their tickets can be registered again. This cannot be undone.");
    // when: the member clicks the organizer's button
    FakeMessage refused =
        answer(
            conference.fake.clickButton(
                target, channel, question.id(), question.buttonCustomIds().get(0)));
    // then
    assertThat(refused.content()).isEqualTo(OrganizerGuard.REFUSAL);
    // when: cancelled
    conference.fake.clickButton(olga, channel, question.id(), question.buttonCustomIds().get(1));
    // then
    eventually(
        "cancelled",
        () -> ask.answer().orElseThrow().content().equals("Cancelled; nothing was deleted."));
    assertThat(data.countOf(new MemberId(target.id())).total()).isEqualTo(1);
    assertThat(conference.fake.roleNamesOf(target)).contains("Attendees");
  }
}
