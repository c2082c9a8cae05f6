package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.jobs.JobEmbed;
import dev.confbot.core.port.GatewayException;
import dev.confbot.fakediscord.FakeAttachment;
import dev.confbot.fakediscord.FakeEmbed;
import dev.confbot.fakediscord.FakeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Job offers posted to the job-board channel through real JDA. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordJobPosterTest {
  private static final Path IMAGES = Path.of("src/test/resources");
  private static final String CHANNEL = "forum-hall";

  private Conference conference;

  @BeforeAll
  void start() {
    conference = new Conference(0).start();
  }

  @AfterAll
  void stop() {
    conference.close();
  }

  private DiscordJobPoster poster(String channel) {
    return new DiscordJobPoster(conference.bot()::guild, channel, IMAGES);
  }

  @Test
  void postsAnOfferWithEmbedAndImageAttachment() throws IOException {
    // given
    JobEmbed offer =
        new JobEmbed(
            "Senior Python Developer",
            "https://jobs.acme.example/python",
            "Build pipelines with <@&1> Python.",
            "ACME Data GmbH",
            "jobs/acme.png");
    // when
    poster("#" + CHANNEL).post(offer);
    // then
    FakeMessage posted = last();
    assertThat(posted.embeds())
        .singleElement()
        .satisfies(
            embed -> {
              assertThat(embed.title()).isEqualTo("Senior Python Developer");
              assertThat(embed.url()).isEqualTo("https://jobs.acme.example/python");
              assertThat(embed.description()).isEqualTo("Build pipelines with <@&1> Python.");
              assertThat(embed.authorName()).isEqualTo("ACME Data GmbH");
            });
    assertThat(posted.attachments())
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.filename()).isEqualTo("acme.png");
              assertThat(file.content())
                  .isEqualTo(Files.readAllBytes(IMAGES.resolve("jobs/acme.png")));
            });
    assertThat(conference.fake.requests("POST channels/*/messages"))
        .last()
        .satisfies(r -> assertThat(r.body()).contains("attachment://acme.png"));
  }

  @Test
  void postsAnOfferWithoutImageToAChannelById() {
    // given
    String id = Long.toString(conference.fake.channel(CHANNEL).id());
    JobEmbed offer =
        new JobEmbed("Community Manager", "https://osc.example/jobs/cm", "", "OSC", null);
    // when
    poster(id).post(offer);
    // then
    FakeMessage posted = last();
    assertThat(posted.embeds()).extracting(FakeEmbed::title).containsExactly("Community Manager");
    assertThat(posted.attachments()).extracting(FakeAttachment::filename).isEmpty();
  }

  @Test
  void reportsAMissingChannelOrImageAsGatewayFailure() {
    // given
    JobEmbed missingImage =
        new JobEmbed("Dev", "https://x.example/dev", "", "X", "jobs/missing.png");
    JobEmbed plain = new JobEmbed("Dev", "https://x.example/dev", "", "X", null);
    int before = conference.fake.messages(CHANNEL).size();
    // when / then
    assertThatThrownBy(() -> poster("no-such-channel").post(plain))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("no-such-channel")
        .satisfies(e -> assertThat(((GatewayException) e).system()).isEqualTo("discord"));
    assertThatThrownBy(() -> poster(CHANNEL).post(missingImage))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("missing.png");
    assertThat(conference.fake.messages(CHANNEL)).hasSize(before);
  }

  private FakeMessage last() {
    List<FakeMessage> messages = conference.fake.messages(CHANNEL);
    assertThat(messages).isNotEmpty();
    return messages.get(messages.size() - 1);
  }
}
