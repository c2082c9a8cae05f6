package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.confbot.config.RuntimeConfig.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogSetupTest {

  @Test
  void switchesToJsonWhenTheConfigurationAsksAndTheEnvironmentIsSilent() {
    assertThat(LogSetup.formatToApply(LogFormat.JSON, Map.of())).contains("JSON");
  }

  @Test
  void keepsTheRunningFormatForTextOrWhenTheEnvironmentDecides() {
    assertThat(LogSetup.formatToApply(LogFormat.TEXT, Map.of())).isEmpty();
    assertThat(LogSetup.formatToApply(LogFormat.JSON, Map.of("CONFBOT_LOG_FORMAT", "TEXT")))
        .isEmpty();
  }

  @Test
  void aOneShotCommandSilencesJdaUnlessDebugLogsAreAsked() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger jda = context.getLogger("net.dv8tion");
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level jdaBefore = jda.getLevel();
    Level rootBefore = root.getLevel();
    try {
      root.setLevel(Level.DEBUG);
      jda.setLevel(Level.WARN);
      LogSetup.quietDiscordClient();
      assertThat(jda.getLevel()).isEqualTo(Level.WARN);

      root.setLevel(Level.INFO);
      LogSetup.quietDiscordClient();
      assertThat(jda.getLevel()).isEqualTo(Level.OFF);
    } finally {
      jda.setLevel(jdaBefore);
      root.setLevel(rootBefore);
    }
  }
}
