package dev.confbot.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Writes configuration files into a test's directory and loads them. */
final class ConfigFiles {
  static final String MINIMAL =
      "[discord]\nguild_id = 1120774557394014208\n\n"
          + "[pretix]\norganizer = \"pyconxx\"\nevent = \"2026\"\n";
  static final Map<String, String> TOKENS =
      Map.of("DISCORD_BOT_TOKEN", "discord-token-value", "PRETIX_TOKEN", "pretix-token-value");

  private final Path directory;

  ConfigFiles(Path directory) {
    this.directory = directory;
  }

  Path write(String name, String content) {
    try {
      Path file = directory.resolve(name);
      Files.createDirectories(Objects.requireNonNull(file.getParent()));
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path copyResource(String resource, String name) {
    try (InputStream in = ConfigFiles.class.getResourceAsStream("/fixtures/" + resource)) {
      return write(
          name, new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String resource) {
    try (InputStream in = ConfigFiles.class.getResourceAsStream("/fixtures/" + resource)) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConfbotConfig load(String toml) {
    return loadWith(toml, TOKENS).config();
  }

  LoadedConfig loadWith(String toml, Map<String, String> environment) {
    return new ConfigLoader(environment).load(write("config.toml", toml));
  }
}
