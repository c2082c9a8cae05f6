package dev.confbot.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A valid configuration and where it came from, for reports such as {@code confbot check}.
 *
 * @param config the configuration
 * @param files the files read, in order: the configuration, its {@code .local} sibling if present,
 *     the {@code .secrets} file if present, and files the configuration names (legacy role JSON)
 * @param secrets the secrets the configuration used, by name and origin (never their values)
 */
public record LoadedConfig(ConfbotConfig config, List<Path> files, List<SecretSource> secrets) {
  public LoadedConfig {
    files = List.copyOf(files);
    secrets = List.copyOf(secrets);
  }
}
