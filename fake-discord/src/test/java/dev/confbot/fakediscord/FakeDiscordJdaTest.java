package dev.confbot.fakediscord;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeDiscordJdaTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeDiscord fake =
      FakeDiscord.start(
          FakeGuild.named("PyConf")
              .role("Organizers", 10, Permissions.MANAGE_GUILD, 0xE67E22)
              .role("Participants", 2, 0, 0x3498DB)
              .role("Onsite", 1, 0, 0)
              .textChannel("registration", "Register here")
              .textChannel("log")
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

  @Test
  void jdaSeesTheGuildWithRolesChannelsAndMembers() throws InterruptedException {
    // when
    jda = JdaFixture.connect(fake);
    // then
    Guild guild = requireNonNull(jda.getGuildById(fake.guildId()));
    assertThat(guild.getName()).isEqualTo("PyConf");
    assertThat(guild.getRoles())
        .extracting(Role::getName)
        .containsExactly("confbot", "Organizers", "Participants", "Onsite", "@everyone");
    assertThat(guild.getRolesByName("Participants", false).get(0).getColors().getPrimaryRaw())
        .isEqualTo(0x3498DB);
    assertThat(guild.getTextChannels())
        .extracting(c -> c.getName() + ":" + c.getTopic())
        .containsExactly("registration:Register here", "log:null");
    assertThat(guild.getMembers())
        .extracting(m -> m.getUser().getName())
        .containsExactlyInAnyOrder("owner", "confbot", "alice", "olga");
    assertThat(requireNonNull(guild.getMemberById(fake.member("olga").id())).getRoles())
        .extracting(Role::getName)
        .containsExactly("Organizers");
    assertThat(guild.getOwnerIdLong()).isEqualTo(fake.owner().id());
    assertThat(jda.getSelfUser().getIdLong()).isEqualTo(fake.bot().id());
  }

  @Test
  void modalSubmitIsDeferredThenRolesNickAndAnswerAreApplied() throws InterruptedException {
    // given
    CompletableFuture<String> locale = new CompletableFuture<>();
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onModalInteraction(ModalInteractionEvent event) {
                locale.complete(event.getUserLocale().getLocale());
                event.deferReply(true).queue();
                Guild guild = requireNonNull(event.getGuild());
                Member member = requireNonNull(event.getMember());
                String order = requireNonNull(event.getValue("order")).getAsString();
                String name = requireNonNull(event.getValue("name")).getAsString();
                guild
                    .modifyMemberRoles(
                        member,
                        guild.getRolesByName("Participants", false).get(0),
                        guild.getRolesByName("Onsite", false).get(0))
                    .flatMap(v -> guild.modifyNickname(member, name))
                    .flatMap(v -> event.getHook().editOriginal("Bienvenue! " + order))
                    .queue();
              }
            });
    FakeMember alice = fake.member("alice");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("order", "XJ7Q2");
    values.put("name", "Alice Liddell");
    // when
    InteractionHandle handle = fake.submitModal(alice, "register", values, "fr");
    // then
    assertThat(handle.awaitAck(WAIT)).isPresent();
    assertThat(handle.callbackType()).contains(5);
    FakeMessage answer = handle.awaitAnswer(WAIT).orElseThrow();
    assertThat(answer.content()).isEqualTo("Bienvenue! XJ7Q2");
    assertThat(answer.ephemeral()).isTrue();
    assertThat(fake.roleNamesOf(alice)).containsExactlyInAnyOrder("Participants", "Onsite");
    assertThat(fake.nicknameOf(alice)).contains("Alice Liddell");
    assertThat(locale.join()).isEqualTo("fr");
    assertThat(fake.messages("registration")).isEmpty();
  }

  @Test
  void heldMemberUpdatesReachJdaOnlyWhenReleased() throws InterruptedException {
    // given
    jda = JdaFixture.connect(fake);
    Guild guild = requireNonNull(jda.getGuildById(fake.guildId()));
    long alice = fake.member("alice").id();
    Role participants = guild.getRolesByName("Participants", false).get(0);
    fake.holdGatewayEvents("GUILD_MEMBER_UPDATE");
    // when
    guild.addRoleToMember(guild.retrieveMemberById(alice).complete(), participants).complete();
    // then: Discord has it, JDA's cache does not yet
    assertThat(fake.roleNamesOf(fake.member("alice"))).containsExactly("Participants");
    assertThat(requireNonNull(guild.getMemberById(alice)).getRoles()).isEmpty();
    // when
    fake.releaseGatewayEvents();
    // then
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (requireNonNull(guild.getMemberById(alice)).getRoles().isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(requireNonNull(guild.getMemberById(alice)).getRoles()).containsExactly(participants);
  }
}
