package dev.confbot.fakediscord;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.FileUpload;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdaScenariosTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeDiscord fake =
      FakeDiscord.start(
          FakeGuild.named("PyConf")
              .role("Organizers", 10, Permissions.MANAGE_GUILD, 0xE67E22)
              .role("Participants", 2, 0, 0x3498DB)
              .textChannel("registration")
              .textChannel("announcements")
              .member("alice")
              .member("olga", "Organizers"));
  private @Nullable JDA jda;

  @AfterEach
  void stop() throws InterruptedException {
    if (jda != null) {
      JdaFixture.shutdown(jda);
    }
    fake.close();
  }

  private Guild guild() {
    return requireNonNull(requireNonNull(jda).getGuildById(fake.guildId()));
  }

  private TextChannel textChannel(String name) {
    return guild().getTextChannelsByName(name, false).get(0);
  }

  @Test
  void slashCommandIsRegisteredRunAndAnsweredEphemerally() throws InterruptedException {
    // given
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                String code = requireNonNull(event.getOption("code")).getAsString();
                event
                    .reply("Got " + code + " in " + event.getUserLocale().getLocale())
                    .setEphemeral(true)
                    .queue();
              }
            });
    List<Command> registered =
        guild()
            .updateCommands()
            .addCommands(
                Commands.slash("register", "Register your ticket")
                    .addOption(OptionType.STRING, "code", "Order code", true))
            .complete();
    // when
    InteractionHandle handle =
        fake.runSlashCommand(fake.member("alice"), "register", Map.of("code", "ABC12"), "de");
    // then
    assertThat(registered).extracting(Command::getIdLong).allMatch(id -> id > 0);
    assertThat(fake.commands()).containsKey("register");
    FakeMessage answer = handle.awaitAnswer(WAIT).orElseThrow();
    assertThat(answer.content()).isEqualTo("Got ABC12 in de");
    assertThat(answer.ephemeral()).isTrue();
    assertThat(handle.callbackType()).contains(4);
    assertThat(fake.messages("registration")).isEmpty();
  }

  @Test
  void buttonOnABotMessageOpensAModal() throws InterruptedException {
    // given
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onButtonInteraction(ButtonInteractionEvent event) {
                event
                    .replyModal(
                        Modal.create("register", "Registration")
                            .addComponents(
                                Label.of(
                                    "Order code",
                                    TextInput.create("order", TextInputStyle.SHORT)
                                        .setRequiredRange(5, 5)
                                        .build()))
                            .build())
                    .queue();
              }
            });
    Message posted =
        textChannel("registration")
            .sendMessage("Register here")
            .addComponents(ActionRow.of(Button.primary("register-button", "Register")))
            .complete();
    FakeMessage stored = fake.messages("registration").get(0);
    // when
    InteractionHandle handle =
        fake.clickButton(
            fake.member("alice"),
            fake.channel("registration"),
            posted.getIdLong(),
            "register-button");
    // then
    assertThat(stored.buttonCustomIds()).containsExactly("register-button");
    FakeModal modal = handle.awaitModal(WAIT).orElseThrow();
    assertThat(modal.customId()).isEqualTo("register");
    assertThat(modal.inputs())
        .containsExactly(new FakeModal.Input("order", "Order code", true, 5, 5));
  }

  @Test
  void buttonCanUpdateItsMessage() throws InterruptedException {
    // given
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onButtonInteraction(ButtonInteractionEvent event) {
                event.editMessage("Registration closed").setComponents().queue();
              }
            });
    Message posted =
        textChannel("registration")
            .sendMessage("Register here")
            .addComponents(ActionRow.of(Button.primary("register-button", "Register")))
            .complete();
    // when
    InteractionHandle handle =
        fake.clickButton(
            fake.member("olga"),
            fake.channel("registration"),
            posted.getIdLong(),
            "register-button",
            "en-GB");
    // then
    FakeMessage updated = handle.awaitAnswer(WAIT).orElseThrow();
    assertThat(handle.callbackType()).contains(7);
    assertThat(updated.id()).isEqualTo(posted.getIdLong());
    assertThat(fake.messages("registration"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.content()).isEqualTo("Registration closed");
              assertThat(m.buttonCustomIds()).isEmpty();
            });
  }

  @Test
  void buttonOnAnEphemeralAnswerCanBeClicked() throws InterruptedException {
    // given
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event
                    .reply("Unlink your ticket?")
                    .addComponents(ActionRow.of(Button.danger("confirm", "Yes")))
                    .setEphemeral(true)
                    .queue();
              }

              @Override
              public void onButtonInteraction(ButtonInteractionEvent event) {
                event.editMessage("Unlinked").setComponents().queue();
              }
            });
    guild().updateCommands().addCommands(Commands.slash("unlink", "Unlink")).complete();
    FakeMember alice = fake.member("alice");
    FakeMessage question =
        fake.runSlashCommand(alice, "unlink", Map.of(), "en-US").awaitAnswer(WAIT).orElseThrow();
    // when
    InteractionHandle click =
        fake.clickButton(alice, fake.channel("registration"), question.id(), "confirm");
    // then
    assertThat(question.buttonCustomIds()).containsExactly("confirm");
    FakeMessage updated = click.awaitAnswer(WAIT).orElseThrow();
    assertThat(updated.content()).isEqualTo("Unlinked");
    assertThat(updated.ephemeral()).isTrue();
    assertThat(fake.messages("registration")).isEmpty();
  }

  @Test
  void messagesCanBeFetchedAndDeleted() throws InterruptedException {
    // given
    jda = JdaFixture.connect(fake);
    TextChannel channel = textChannel("announcements");
    Message first = channel.sendMessage("one").complete();
    channel.sendMessage("two").complete();
    // when
    Message fetched = channel.retrieveMessageById(first.getIdLong()).complete();
    channel.deleteMessageById(first.getIdLong()).complete();
    // then
    assertThat(fetched.getContentRaw()).isEqualTo("one");
    assertThat(fake.messages("announcements"))
        .extracting(FakeMessage::content)
        .containsExactly("two");
    assertThat(fake.requests("DELETE channels/*/messages/*")).hasSize(1);
  }

  @Test
  void channelMessagesKeepEmbedsAttachmentsAndEdits() throws Exception {
    // given
    jda = JdaFixture.connect(fake);
    TextChannel channel = textChannel("announcements");
    // when
    Message message =
        channel
            .sendMessageEmbeds(
                new EmbedBuilder()
                    .setTitle("Next up")
                    .setDescription("Keynote")
                    .addField("Room", "Main hall", true)
                    .setFooter("PyConf")
                    .build())
            .addFiles(FileUpload.fromData("line 1".getBytes(StandardCharsets.UTF_8), "plan.txt"))
            .complete();
    channel.editMessageById(message.getIdLong(), "Starting now").complete();
    channel.getManager().setTopic("Today: keynote").complete();
    List<Message> history = channel.getHistory().retrievePast(10).complete();
    // then
    FakeMessage stored = fake.messages("announcements").get(0);
    assertThat(stored.content()).isEqualTo("Starting now");
    assertThat(stored.edited()).isTrue();
    FakeEmbed embed = stored.embeds().get(0);
    assertThat(embed.title()).isEqualTo("Next up");
    assertThat(embed.description()).isEqualTo("Keynote");
    assertThat(embed.fields()).containsExactly(new FakeEmbed.Field("Room", "Main hall", true));
    assertThat(embed.footer()).isEqualTo("PyConf");
    assertThat(stored.attachments())
        .extracting(FakeAttachment::filename)
        .containsExactly("plan.txt");
    assertThat(stored.attachments().get(0).text()).isEqualTo("line 1");
    assertThat(stored.authorId()).isEqualTo(fake.bot().id());
    assertThat(fake.channel("announcements").topic()).isEqualTo("Today: keynote");
    assertThat(history).extracting(Message::getContentRaw).containsExactly("Starting now");
    assertThat(history.get(0).getEmbeds().get(0).getTitle()).isEqualTo("Next up");
  }

  @Test
  void userMessagesReachTheBot() throws Exception {
    // given
    CompletableFuture<String> received = new CompletableFuture<>();
    jda =
        JdaFixture.builder(
                fake,
                EnumSet.of(
                    GatewayIntent.GUILD_MEMBERS,
                    GatewayIntent.GUILD_MESSAGES,
                    GatewayIntent.MESSAGE_CONTENT))
            .addEventListeners(
                new ListenerAdapter() {
                  @Override
                  public void onMessageReceived(MessageReceivedEvent event) {
                    received.complete(
                        event.getAuthor().getName() + ":" + event.getMessage().getContentRaw());
                  }
                })
            .build()
            .awaitReady();
    // when
    fake.postUserMessage(fake.member("alice"), fake.channel("registration"), "$ping");
    // then
    assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("alice:$ping");
  }

  @Test
  void rateLimitedRequestIsRetriedTransparently() throws InterruptedException {
    // given
    jda = JdaFixture.connect(fake);
    fake.failNext("POST channels/*/messages", Fault.rateLimited(Duration.ofMillis(300)));
    // when
    Message sent = textChannel("announcements").sendMessage("hello").complete();
    // then
    assertThat(sent.getContentRaw()).isEqualTo("hello");
    assertThat(fake.requests("POST channels/*/messages"))
        .extracting(RecordedRequest::status)
        .containsExactly(429, 200);
    assertThat(fake.messages("announcements")).hasSize(1);
  }

  @Test
  void droppedGatewayIsResumedAndMissedEventsAreReplayed() throws Exception {
    // given
    CompletableFuture<Boolean> resumed = new CompletableFuture<>();
    List<String> joined = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Boolean> bothJoined = new CompletableFuture<>();
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onSessionResume(SessionResumeEvent event) {
                resumed.complete(true);
              }

              @Override
              public void onGuildMemberJoin(GuildMemberJoinEvent event) {
                joined.add(event.getUser().getName());
                if (joined.size() == 2) {
                  bothJoined.complete(true);
                }
              }
            });
    // when
    fake.dropGatewayConnection();
    fake.memberJoins("carol");
    assertThat(resumed.get(20, TimeUnit.SECONDS)).isTrue();
    fake.memberJoins("bob");
    // then
    assertThat(bothJoined.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(joined).containsExactly("carol", "bob");
    assertThat(fake.resumeCount()).isEqualTo(1);
    assertThat(fake.identifyCount()).isEqualTo(1);
    assertThat(guild().getMembers())
        .extracting(m -> m.getUser().getName())
        .contains("bob", "carol");
  }

  @Test
  void memberLeavesAndRejoinsWithTheSameIdAndNoRoles() throws Exception {
    // given
    CompletableFuture<Long> left = new CompletableFuture<>();
    CompletableFuture<Long> rejoined = new CompletableFuture<>();
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onGuildMemberRemove(GuildMemberRemoveEvent event) {
                left.complete(event.getUser().getIdLong());
              }

              @Override
              public void onGuildMemberJoin(GuildMemberJoinEvent event) {
                rejoined.complete(event.getUser().getIdLong());
              }
            });
    FakeMember olga = fake.member("olga");
    // when
    fake.memberLeaves(olga);
    long leftId = left.get(10, TimeUnit.SECONDS);
    boolean goneFromCache = guild().getMemberById(olga.id()) == null;
    FakeMember back = fake.memberRejoins(olga);
    // then
    assertThat(leftId).isEqualTo(olga.id());
    assertThat(goneFromCache).isTrue();
    assertThat(rejoined.get(10, TimeUnit.SECONDS)).isEqualTo(olga.id());
    assertThat(back).isEqualTo(olga);
    assertThat(fake.roleNamesOf(back)).isEmpty();
    assertThat(requireNonNull(guild().getMemberById(olga.id())).getRoles()).isEmpty();
  }

  @Test
  void callbackAfterTheDeadlineIsRejected() throws Exception {
    // given
    fake.interactionDeadline(Duration.ofMillis(100));
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onModalInteraction(ModalInteractionEvent event) {
                CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS)
                    .execute(
                        () ->
                            event
                                .deferReply(true)
                                .queue(
                                    ok -> failure.complete(new AssertionError("accepted")),
                                    failure::complete));
              }
            });
    // when
    InteractionHandle handle =
        fake.submitModal(fake.member("alice"), "register", Map.of("order", "XJ7Q2"), "en-US");
    // then
    Throwable error = failure.get(10, TimeUnit.SECONDS);
    assertThat(error).isInstanceOf(ErrorResponseException.class);
    assertThat(((ErrorResponseException) error).getErrorResponse())
        .isEqualTo(ErrorResponse.UNKNOWN_INTERACTION);
    assertThat(handle.acknowledged()).isFalse();
    assertThat(handle.rejectedCallbacks()).containsExactly(10062);
  }

  @Test
  void missingPermissionIsReportedToJda() throws InterruptedException {
    // given
    jda = JdaFixture.connect(fake);
    FakeMember alice = fake.member("alice");
    fake.changeRolePermissionsSilently(
        "confbot", Permissions.VIEW_CHANNEL | Permissions.SEND_MESSAGES);
    // when
    Throwable error =
        guild()
            .addRoleToMember(
                requireNonNull(guild().getMemberById(alice.id())),
                guild().getRolesByName("Participants", false).get(0))
            .submit()
            .handle((ok, e) -> e)
            .toCompletableFuture()
            .join();
    // then
    assertThat(error).isInstanceOf(ErrorResponseException.class);
    assertThat(((ErrorResponseException) error).getErrorResponse())
        .isEqualTo(ErrorResponse.MISSING_PERMISSIONS);
    assertThat(fake.roleNamesOf(alice)).isEmpty();
  }

  @Test
  void unknownMemberIsReportedToJda() throws InterruptedException {
    // given
    jda = JdaFixture.connect(fake);
    // when
    ExecutionException error =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ExecutionException.class, () -> guild().retrieveMemberById(42L).submit().get());
    // then
    assertThat(error.getCause()).isInstanceOf(ErrorResponseException.class);
    assertThat(((ErrorResponseException) requireNonNull(error.getCause())).getErrorResponse())
        .isEqualTo(ErrorResponse.UNKNOWN_MEMBER);
  }
}
