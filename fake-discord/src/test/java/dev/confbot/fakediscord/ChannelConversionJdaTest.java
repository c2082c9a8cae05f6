package dev.confbot.fakediscord;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.NewsChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Text ↔ announcement conversion through real JDA on a guild with the NEWS feature. */
class ChannelConversionJdaTest {
  private final FakeDiscord fake =
      FakeDiscord.start(FakeGuild.named("PyConf").feature("NEWS").textChannel("news", "Read me"));
  private @Nullable JDA jda;

  @AfterEach
  void stop() throws InterruptedException {
    if (jda != null) {
      JdaFixture.shutdown(jda);
    }
    fake.close();
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
  }

  @Test
  void convertsATextChannelToAnnouncementAndBack() throws InterruptedException {
    // given
    jda = JdaFixture.connect(fake);
    Guild guild = requireNonNull(jda.getGuildById(fake.guildId()));
    long id = fake.channel("news").id();
    assertThat(guild.getFeatures()).contains("NEWS");
    // when
    requireNonNull(guild.getTextChannelById(id)).getManager().setType(ChannelType.NEWS).complete();
    // JDA caches the converted channel before it fills in its fields: wait for the topic too
    eventually(
        () -> {
          NewsChannel converted = guild.getNewsChannelById(id);
          return converted != null && converted.getTopic() != null;
        });
    // then
    assertThat(fake.channel("news").type()).isEqualTo(5);
    NewsChannel news = requireNonNull(guild.getNewsChannelById(id));
    assertThat(news.getTopic()).isEqualTo("Read me");

    // when
    news.getManager().setType(ChannelType.TEXT).complete();
    eventually(
        () -> {
          TextChannel converted = guild.getTextChannelById(id);
          return converted != null && "news".equals(converted.getName());
        });
    // then
    assertThat(fake.channel("news").type()).isZero();
    TextChannel text = requireNonNull(guild.getTextChannelById(id));
    assertThat(text.getName()).isEqualTo("news");
  }
}
