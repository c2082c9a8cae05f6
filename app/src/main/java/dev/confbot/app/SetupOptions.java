package dev.confbot.app;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code setup plan} and {@code setup apply} share. */
final class SetupOptions {
  @Mixin ConfigOption config = new ConfigOption();

  @Option(
      names = "--prune",
      description =
          "Also delete the roles, categories, channels and overwrites the blueprint does not"
              + " mention (never @everyone, managed roles such as the bot's own, or the channels"
              + " and roles the configuration uses).")
  boolean prune;

  @Mixin DiscordUrlOptions discordUrls = new DiscordUrlOptions();
}
