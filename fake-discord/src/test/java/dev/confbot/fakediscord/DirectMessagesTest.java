package dev.confbot.fakediscord;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Direct messages with real JDA: opening a DM channel, sending to it, closed DMs. */
class DirectMessagesTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeDiscord fake =
      FakeDiscord.start(
          FakeGuild.named("PyConf").textChannel("general").member("alice").member("bob"));
  private @Nullable JDA jda;

  @AfterEach
  void stop() throws InterruptedException {
    if (jda != null) {
      JdaFixture.shutdown(jda);
    }
    fake.close();
  }

  private User user(String name) {
    return requireNonNull(requireNonNull(jda).getUserById(fake.member(name).id()));
  }

  @Test
  void botOpensADmAndSendsAnEmbed() throws Exception {
    // given
    CompletableFuture<Message> received = new CompletableFuture<>();
    jda =
        JdaFixture.builder(
                fake,
                EnumSet.of(
                    GatewayIntent.GUILD_MEMBERS,
                    GatewayIntent.GUILD_MESSAGES,
                    GatewayIntent.DIRECT_MESSAGES))
            .addEventListeners(
                new ListenerAdapter() {
                  @Override
                  public void onMessageReceived(MessageReceivedEvent event) {
                    if (event.isFromType(ChannelType.PRIVATE)) {
                      received.complete(event.getMessage());
                    }
                  }
                })
            .build()
            .awaitReady();
    FakeMember alice = fake.member("alice");
    // when
    Message sent =
        user("alice")
            .openPrivateChannel()
            .flatMap(
                channel ->
                    channel
                        .sendMessage("Your session starts in 10 minutes")
                        .setEmbeds(new EmbedBuilder().setTitle("Keynote").build()))
            .submit()
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    Message second =
        user("alice")
            .openPrivateChannel()
            .flatMap(channel -> channel.sendMessage("Second reminder"))
            .submit()
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    // then
    assertThat(fake.directMessages(alice))
        .extracting(FakeMessage::content)
        .containsExactly("Your session starts in 10 minutes", "Second reminder");
    assertThat(fake.directMessages(alice).get(0).embeds().get(0).title()).isEqualTo("Keynote");
    assertThat(second.getChannel().getIdLong()).isEqualTo(sent.getChannel().getIdLong());
    assertThat(sent.isFromGuild()).isFalse();
    assertThat(fake.directMessages(fake.member("bob"))).isEmpty();
    assertThat(fake.messages("general")).isEmpty();
    assertThat(fake.requests("POST users/@me/channels")).isNotEmpty();
    Message event = received.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event.getChannel().asPrivateChannel().getUser()).isNotNull();
  }

  @Test
  void closedDmsFailWithCannotSendToUserUntilReopened() throws Exception {
    // given
    jda = JdaFixture.connect(fake);
    FakeMember bob = fake.member("bob");
    fake.closeDirectMessages(bob);
    // when
    CompletableFuture<Message> refused =
        user("bob")
            .openPrivateChannel()
            .flatMap(channel -> channel.sendMessage("Reminder"))
            .submit();
    // then
    Throwable failure = catchFailure(refused);
    assertThat(failure).isInstanceOf(ErrorResponseException.class);
    assertThat(((ErrorResponseException) failure).getErrorResponse())
        .isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER);
    assertThat(fake.directMessages(bob)).isEmpty();
    // when reopened
    fake.openDirectMessages(bob);
    user("bob")
        .openPrivateChannel()
        .flatMap(channel -> channel.sendMessage("Reminder"))
        .submit()
        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    // then
    assertThat(fake.directMessages(bob))
        .extracting(FakeMessage::content)
        .containsExactly("Reminder");
  }

  @Test
  void memberWhoLeftCannotBeMessaged() throws Exception {
    // given
    jda = JdaFixture.connect(fake);
    FakeMember alice = fake.member("alice");
    User user = user("alice");
    fake.memberLeaves(alice);
    // when
    CompletableFuture<Message> refused =
        user.openPrivateChannel().flatMap(channel -> channel.sendMessage("Reminder")).submit();
    // then
    Throwable failure = catchFailure(refused);
    assertThat(((ErrorResponseException) failure).getErrorCode()).isEqualTo(50007);
  }

  @Test
  void botEditsAndDeletesItsDirectMessages() throws Exception {
    // given
    jda = JdaFixture.connect(fake);
    FakeMember alice = fake.member("alice");
    Message sent =
        user("alice")
            .openPrivateChannel()
            .flatMap(channel -> channel.sendMessage("Reminder: Keynote"))
            .submit()
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    // when
    sent.editMessage("Reminder: Keynote (moved to Hall B)")
        .submit()
        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    FakeMessage edited = fake.directMessages(alice).get(0);
    sent.delete().submit().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    // then
    assertThat(edited.content()).isEqualTo("Reminder: Keynote (moved to Hall B)");
    assertThat(edited.edited()).isTrue();
    assertThat(fake.directMessages(alice)).isEmpty();
  }

  private static Throwable catchFailure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return requireNonNull(e.getCause());
    }
    throw new AssertionError("expected the request to fail");
  }
}
