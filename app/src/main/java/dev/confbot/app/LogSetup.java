package dev.confbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.confbot.config.RuntimeConfig;
import java.util.Map;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code runtime.log_format} from the configuration: logback.xml chooses its console
 * appender from {@code CONFBOT_LOG_FORMAT}; an environment variable of that name wins over the
 * configuration.
 */
final class LogSetup {
  static final String VARIABLE = "CONFBOT_LOG_FORMAT";

  private LogSetup() {}

  /** The format to switch to, or empty when the current one (environment or default) stays. */
  static Optional<String> formatToApply(
      RuntimeConfig.LogFormat configured, Map<String, String> environment) {
    if (environment.containsKey(VARIABLE) || configured == RuntimeConfig.LogFormat.TEXT) {
      return Optional.empty();
    }
    return Optional.of(configured.name());
  }

  /** Reconfigures Logback when the configuration asks for another format than the running one. */
  static void apply(RuntimeConfig.LogFormat configured, Map<String, String> environment) {
    Optional<String> format = formatToApply(configured, environment);
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (format.isEmpty() || !(factory instanceof LoggerContext context)) {
      return;
    }
    System.setProperty(VARIABLE, format.get());
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException e) {
      System.err.println(
          "confbot: could not switch to " + format.get() + " logs: " + e.getMessage());
    }
  }

  /**
   * Silences JDA for a one-shot command, which says in its own words when Discord cannot be reached
   * or refuses the token; JDA's own error lines (such as "DNS resolution failed") would only repeat
   * it between the command's output. With {@code CONFBOT_LOG_LEVEL=DEBUG} JDA speaks.
   */
  static void quietDiscordClient() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Level root = context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
    if (root == null || root.isGreaterOrEqual(Level.INFO)) {
      context.getLogger("net.dv8tion").setLevel(Level.OFF);
    }
  }
}
