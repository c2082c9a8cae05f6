package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook URLs where a channel name goes: taken as the channel's webhook where a webhook can serve
 * (main and room notification channels), refused elsewhere, and their token never shown.
 */
class ConfigWebhookChannelTest {
  private static final String TOKEN = "tOkEn-abc.DEF_123";
  private static final String MAIN = "https://discord.com/api/webhooks/123456789012345678/" + TOKEN;
  private static final String ROOM =
      "https://discord.com/api/webhooks/223456789012345678/x" + TOKEN;

  ConfigFiles files;

  @BeforeEach
  void setUp(@TempDir Path directory) {
    files = new ConfigFiles(directory);
  }

  @Test
  void takesAWebhookUrlAsMainOrRoomChannelForThatChannelsWebhook() {
    // when
    ConfbotConfig config =
        files.load(
            ConfigFiles.MINIMAL
                + "\n[notifications]\nmain_channel = \""
                + MAIN
                + "\"\n[notifications.room_channels]\n\"North Hall\" = \""
                + ROOM
                + "\"\n\"Club A\" = \"club-a\"\n");

    // then
    NotificationsConfig n = config.notifications();
    assertThat(n.mainWebhook()).isNotNull();
    assertThat(Objects.requireNonNull(n.mainWebhook()).reveal()).isEqualTo(MAIN);
    assertThat(n.mainChannel().value()).doesNotContain(TOKEN);
    assertThat(Objects.requireNonNull(n.roomWebhooks().get("North Hall")).reveal()).isEqualTo(ROOM);
    assertThat(n.roomChannels()).containsOnlyKeys("Club A");
    assertThat(n.toString()).doesNotContain(TOKEN);
  }

  @Test
  void refusesAWebhookUrlAsAnyOtherChannelWithoutShowingTheToken() {
    // when
    ConfigException thrown =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                files.loadWith(
                    ConfigFiles.MINIMAL
                        + "\n[registration]\nlog_channel = \""
                        + MAIN
                        + "\"\n[notifications]\nschedule_updates_channel = \""
                        + ROOM
                        + "\"\n",
                    ConfigFiles.TOKENS));

    // then
    List<ConfigProblem> problems = thrown.problems();
    assertThat(problems)
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder(
            "registration.log_channel", "notifications.schedule_updates_channel");
    assertThat(problems)
        .allSatisfy(p -> assertThat(p.message()).contains("webhook URL").doesNotContain(TOKEN));
    assertThat(thrown.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void showsAWebhookUrlInAMismatchWithoutItsToken() {
    // then
    assertThat(Section.describe(MAIN))
        .isEqualTo("string \"https://discord.com/api/webhooks/123456789012345678/***\"");
  }
}
