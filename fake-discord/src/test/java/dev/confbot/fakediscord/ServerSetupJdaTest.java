package dev.confbot.fakediscord;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server-setup routes (categories, channel types, overwrites, positions, deletions) through
 * real JDA: the fake's state changes and JDA's cache follows through the gateway events.
 */
class ServerSetupJdaTest {
  private final FakeDiscord fake =
      FakeDiscord.start(
          FakeGuild.named("PyConf")
              .role("Organizers", 10, 0, 0xE67E22)
              .role("Speakers", 3, 0, 0x3776AB)
              .role("Attendees", 2, 0, 0)
              .textChannel("general")
              .category("Info")
              .channelIn("Info", "announcements", 5)
              .channelIn("Info", "stage", 13)
              .channelIn("Info", "hallway", 2)
              .channelIn("Info", "jobs", 15)
              .member("alice"));
  private @Nullable JDA jda;

  @AfterEach
  void stop() throws InterruptedException {
    if (jda != null) {
      JdaFixture.shutdown(jda);
    }
    fake.close();
  }

  private Guild connect() throws InterruptedException {
    jda = JdaFixture.connect(fake);
    return requireNonNull(jda.getGuildById(fake.guildId()));
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
  }

  @Test
  void jdaSeesCategoriesAndChannelTypes() throws InterruptedException {
    // when
    Guild guild = connect();
    // then
    Category info = guild.getCategoriesByName("Info", false).get(0);
    assertThat(info.getNewsChannels())
        .extracting(c -> c.getName())
        .containsExactly("announcements");
    assertThat(info.getStageChannels()).extracting(c -> c.getName()).containsExactly("stage");
    assertThat(info.getVoiceChannels()).extracting(c -> c.getName()).containsExactly("hallway");
    assertThat(info.getForumChannels()).extracting(c -> c.getName()).containsExactly("jobs");
    assertThat(guild.getTextChannelsByName("general", false).get(0).getParentCategory()).isNull();
  }

  @Test
  void createsACategoryAndAChannelInItWithOverwrites() throws InterruptedException {
    // given
    Guild guild = connect();
    Role organizers = guild.getRolesByName("Organizers", false).get(0);
    // when
    Category category =
        guild
            .createCategory("Registration")
            .addRolePermissionOverride(
                guild.getPublicRole().getIdLong(), List.of(Permission.VIEW_CHANNEL), List.of())
            .complete();
    TextChannel log =
        guild
            .createTextChannel("registration-log", category)
            .setTopic("Outcomes")
            .addRolePermissionOverride(
                guild.getPublicRole().getIdLong(), List.of(), List.of(Permission.VIEW_CHANNEL))
            .addRolePermissionOverride(
                organizers.getIdLong(), List.of(Permission.VIEW_CHANNEL), List.of())
            .complete();
    // then
    FakeChannel stored = fake.channel("registration-log");
    assertThat(stored.type()).isZero();
    assertThat(stored.topic()).isEqualTo("Outcomes");
    assertThat(fake.parentOf(stored)).map(FakeChannel::name).contains("Registration");
    assertThat(fake.channel("Registration").type()).isEqualTo(4);
    assertThat(fake.overwrites(stored))
        .containsExactlyInAnyOrder(
            new FakeOverwrite(fake.guildId(), false, 0, Permissions.VIEW_CHANNEL),
            new FakeOverwrite(organizers.getIdLong(), false, Permissions.VIEW_CHANNEL, 0));
    assertThat(log.getParentCategory()).isEqualTo(category);
    assertThat(log.getPermissionOverride(organizers)).isNotNull();
  }

  @Test
  void setsMovesAndDeletesWithJdaFollowing() throws InterruptedException {
    // given
    Guild guild = connect();
    TextChannel general = guild.getTextChannelsByName("general", false).get(0);
    Category info = guild.getCategoriesByName("Info", false).get(0);
    Role speakers = guild.getRolesByName("Speakers", false).get(0);
    // when
    general
        .upsertPermissionOverride(speakers)
        .setAllowed(Permission.MESSAGE_SEND)
        .setDenied(Permission.MESSAGE_EMBED_LINKS)
        .complete();
    general.getManager().setParent(info).setTopic("Chat").complete();
    // then
    FakeChannel stored = fake.channel("general");
    assertThat(fake.overwrites(stored))
        .containsExactly(
            new FakeOverwrite(
                speakers.getIdLong(), false, Permissions.SEND_MESSAGES, Permissions.EMBED_LINKS));
    assertThat(fake.parentOf(stored)).map(FakeChannel::name).contains("Info");
    eventually(() -> general.getPermissionOverride(speakers) != null);
    eventually(() -> info.equals(general.getParentCategory()));

    // when
    requireNonNull(general.getPermissionOverride(speakers)).delete().complete();
    info.delete().complete();
    // then
    assertThat(fake.overwrites(stored)).isEmpty();
    assertThat(fake.parentOf(fake.channel("general"))).isEmpty();
    assertThat(fake.channels()).extracting(FakeChannel::name).doesNotContain("Info");
    eventually(() -> guild.getCategoriesByName("Info", false).isEmpty());
    eventually(() -> general.getPermissionOverrides().isEmpty());
  }

  @Test
  void reordersChannelsInOneRequestAndMovesThemBetweenCategories() throws InterruptedException {
    // given
    Guild guild = connect();
    Category info = guild.getCategoriesByName("Info", false).get(0);
    Category help = guild.createCategory("Help").complete();
    TextChannel general = guild.getTextChannelsByName("general", false).get(0);
    // when
    guild.modifyCategoryPositions().selectPosition(help).moveTo(0).complete();
    guild
        .modifyTextChannelPositions()
        .selectPosition(general)
        .setCategory(help)
        .moveTo(0)
        .complete();
    // then
    assertThat(fake.positionOf(fake.channel("Help")))
        .isLessThan(fake.positionOf(fake.channel("Info")));
    assertThat(fake.parentOf(fake.channel("general"))).map(FakeChannel::name).contains("Help");
    eventually(() -> help.getPositionRaw() < info.getPositionRaw());
    eventually(() -> help.equals(general.getParentCategory()));
  }

  @Test
  void reordersRolesAndChannels() throws InterruptedException {
    // given
    Guild guild = connect();
    Role attendees = guild.getRolesByName("Attendees", false).get(0);
    Role speakers = guild.getRolesByName("Speakers", false).get(0);
    TextChannel general = guild.getTextChannelsByName("general", false).get(0);
    // when
    guild.modifyRolePositions().selectPosition(attendees).swapPosition(speakers).complete();
    general.getManager().setPosition(42).complete();
    // then
    assertThat(fake.role("Attendees").position()).isGreaterThan(fake.role("Speakers").position());
    assertThat(fake.positionOf(fake.channel("general"))).isEqualTo(42);
    eventually(() -> attendees.getPosition() > speakers.getPosition());
    eventually(() -> general.getPositionRaw() == 42);
  }
}
