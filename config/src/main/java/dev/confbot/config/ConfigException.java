package dev.confbot.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used; {@link #problems()} lists every problem found, in the order
 * they were found. The message is meant for users as it is; no secret value is ever part of it.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable List.copyOf of records
  private final List<ConfigProblem> problems;

  /** Creates the exception; {@code problems} must not be empty. */
  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    String heading =
        problems.size() == 1
            ? "1 problem in the configuration:"
            : problems.size() + " problems in the configuration:";
    return problems.stream()
        .map(p -> "  - " + p)
        .collect(Collectors.joining("\n", heading + "\n", ""));
  }
}
