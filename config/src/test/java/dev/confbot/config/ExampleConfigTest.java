package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example at the repository root must always load without problems. */
class ExampleConfigTest {
  static final Path EXAMPLE = Path.of("..", "config.example.toml");
  static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

  @Test
  void exampleAtTheRepositoryRootLoadsWithTheTwoRequiredSecrets(@TempDir Path directory)
      throws IOException {
    // given: the real file, copied so that no .secrets or .local file of a checkout interferes
    String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    ConfigFiles files = new ConfigFiles(directory);

    // when
    LoadedConfig loaded = files.loadWith(example, ConfigFiles.TOKENS);

    // then
    ConfbotConfig config = loaded.config();
    assertThat(loaded.secrets())
        .extracting(SecretSource::name)
        .containsExactly("DISCORD_BOT_TOKEN", "PRETIX_TOKEN");
    assertThat(config.registration().roles().items()).hasSize(8);
    assertThat(config.registration().roles().variations()).hasSize(2);
    assertThat(config.schedule().location()).isPresent();
    assertThat(config.notifications().roomChannels()).hasSize(3);
    assertThat(config.notifications().roomTopics()).isTrue();
    assertThat(config.livestreams().linkCount()).isEqualTo(5);
    assertThat(config.setup().roles()).hasSize(3);
    assertThat(config.setup().channelCount()).isEqualTo(3);
  }

  @Test
  void everyKeyOfTheExampleIsInTheReference() throws IOException {
    // given: bare keys, also commented-out ones ("# http_port = 8080"); quoted keys are data
    Pattern key = Pattern.compile("^#?\\s*([a-z_]+)\\s*=", Pattern.MULTILINE);
    String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    Set<String> keys = new TreeSet<>();
    Matcher matcher = key.matcher(example);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }

    // then
    assertThat(keys).hasSizeGreaterThan(40);
    assertThat(keys).allSatisfy(k -> assertThat(reference).contains("`" + k + "`"));
  }
}
