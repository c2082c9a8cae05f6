package dev.confbot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads and validates the configuration: {@code config.toml}, then {@code config.local.toml} beside
 * it merged over it key by key (tables merge recursively, values and arrays replace), then secrets
 * from the {@code .secrets} file in the same directory, overridden by environment variables. Every
 * problem of every file is collected before failing.
 *
 * <p>Usage: {@code new ConfigLoader(System.getenv()).load(Path.of("config.toml")).config()}.
 */
public final class ConfigLoader {
  /** The name of the secrets file, in the configuration file's directory. */
  public static final String SECRETS_FILE = ".secrets";

  /** The secret holding the Discord bot token. */
  public static final String DISCORD_TOKEN = ConfigBinder.DISCORD_TOKEN;

  /** The secret holding the pretix API token. */
  public static final String PRETIX_TOKEN = ConfigBinder.PRETIX_TOKEN;

  private final Map<String, String> environment;
  private final Set<String> secretsNotNeeded;

  /**
   * A loader that reads secrets from {@code environment} (pass {@code System.getenv()} in
   * production, a map in tests) after the {@code .secrets} file.
   */
  public ConfigLoader(Map<String, String> environment) {
    this(environment, Set.of());
  }

  private ConfigLoader(Map<String, String> environment, Set<String> secretsNotNeeded) {
    this.environment = Map.copyOf(environment);
    this.secretsNotNeeded = Set.copyOf(secretsNotNeeded);
  }

  /**
   * This loader, for a command that never uses the given required secrets (e.g. {@code schedule
   * preview} needs neither {@code DISCORD_BOT_TOKEN} nor {@code PRETIX_TOKEN}): when one is missing
   * it is no problem, and its {@link Secret#isSet()} is false.
   */
  public ConfigLoader notNeeding(Set<String> secrets) {
    return new ConfigLoader(environment, secrets);
  }

  /**
   * Loads {@code configFile} with its {@code .local} sibling and secrets.
   *
   * @throws ConfigException listing every problem found, if there is any
   */
  public LoadedConfig load(Path configFile) {
    Path file = configFile.toAbsolutePath().normalize();
    Path directory = Optional.ofNullable(file.getParent()).orElse(file);
    Problems problems = new Problems();
    List<Path> files = new ArrayList<>();

    Optional<Map<String, Object>> tree = Optional.empty();
    if (!Files.isRegularFile(file)) {
      problems.add(
          file.toString(),
          "configuration file not found; copy config.example.toml to config.toml or pass"
              + " --config PATH");
    } else {
      files.add(file);
      tree = TomlFiles.read(file, problems);
      Path local = localSibling(file);
      if (Files.isRegularFile(local)) {
        files.add(local);
        Optional<Map<String, Object>> overlay = TomlFiles.read(local, problems);
        tree =
            tree.isPresent() && overlay.isPresent()
                ? Optional.of(TomlFiles.merge(tree.get(), overlay.get()))
                : Optional.empty();
      }
    }

    Map<String, String> fileSecrets = new LinkedHashMap<>();
    Path secretsFile = directory.resolve(SECRETS_FILE);
    if (Files.isRegularFile(secretsFile)) {
      files.add(secretsFile);
      readSecrets(secretsFile, problems).ifPresent(fileSecrets::putAll);
    }
    Secrets secrets = new Secrets(fileSecrets, environment);

    if (tree.isEmpty()) {
      problems.throwIfAny();
    }
    Section.Context context =
        new Section.Context(problems, secrets, directory, files, secretsNotNeeded);
    ConfbotConfig config;
    try {
      config = ConfigBinder.bind(tree.orElseGet(Map::of), context);
    } catch (IllegalArgumentException e) {
      // a value that passed its converter but not a record's own check (e.g. a secret that
      // resolves to a blank channel name): still a configuration problem, not a crash
      problems.add(file.toString(), "invalid value: " + e.getMessage());
      throw new ConfigException(problems.list());
    }
    problems.throwIfAny();
    return new LoadedConfig(config, files, secrets.used());
  }

  /**
   * The {@code .local} sibling of a configuration file: {@code foo.toml} → {@code foo.local.toml};
   * a name without {@code .toml} gets {@code .local.toml} appended.
   */
  public static Path localSibling(Path configFile) {
    String name = String.valueOf(configFile.getFileName());
    String base = name.endsWith(".toml") ? name.substring(0, name.length() - 5) : name;
    return configFile.resolveSibling(base + ".local.toml");
  }

  private static Optional<Map<String, String>> readSecrets(Path file, Problems problems) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(SecretsFile.parse(content, file.toString(), problems));
    } catch (IOException e) {
      problems.add(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }
}
