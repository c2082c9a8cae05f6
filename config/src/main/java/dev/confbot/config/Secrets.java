package dev.confbot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets from the {@code .secrets} file and the environment (which wins); remembers which were
 * used so that reports can name them.
 */
final class Secrets {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> file;
  private final Map<String, String> environment;
  private final Map<String, SecretSource> used = new LinkedHashMap<>();

  Secrets(Map<String, String> file, Map<String, String> environment) {
    this.file = Map.copyOf(file);
    this.environment = Map.copyOf(environment);
  }

  /** The secret {@code name}, environment first; empty if neither has a non-blank value. */
  Optional<String> lookup(String name) {
    String fromEnvironment = environment.get(name);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      used.put(name, new SecretSource(name, SecretSource.Origin.ENVIRONMENT));
      return Optional.of(fromEnvironment);
    }
    String fromFile = file.get(name);
    if (fromFile != null) {
      used.put(name, new SecretSource(name, SecretSource.Origin.SECRETS_FILE));
      return Optional.of(fromFile);
    }
    return Optional.empty();
  }

  /**
   * The non-blank environment variable {@code name}, for the few settings the environment may
   * override (not a secret, so not recorded as used).
   */
  Optional<String> environment(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }

  /**
   * {@code raw} with every {@code ${NAME}} replaced by the secret; a problem at {@code path} for
   * each reference that cannot be resolved (then the result is empty).
   */
  Optional<String> resolve(String raw, String path, Problems problems) {
    if (!raw.contains("${")) {
      return Optional.of(raw);
    }
    Matcher matcher = REFERENCE.matcher(raw);
    StringBuilder resolved = new StringBuilder();
    boolean complete = true;
    while (matcher.find()) {
      String name = matcher.group(1).strip();
      Optional<String> value = NAME.matcher(name).matches() ? lookup(name) : Optional.empty();
      if (!NAME.matcher(name).matches()) {
        problems.add(
            path,
            "\"${" + name + "}\" is not a valid secret reference (use letters, digits and _)");
        complete = false;
      } else if (value.isEmpty()) {
        problems.add(path, missingMessage(name));
        complete = false;
      } else {
        matcher.appendReplacement(resolved, Matcher.quoteReplacement(value.get()));
      }
    }
    matcher.appendTail(resolved);
    return complete ? Optional.of(resolved.toString()) : Optional.empty();
  }

  /** How to tell a user that secret {@code name} is missing. */
  static String missingMessage(String name) {
    return "secret "
        + name
        + " is not set: add a line "
        + name
        + "=... to the .secrets file beside the configuration, or set the environment variable "
        + name;
  }

  /** The secrets used so far, in order of first use. */
  List<SecretSource> used() {
    return List.copyOf(used.values());
  }
}
