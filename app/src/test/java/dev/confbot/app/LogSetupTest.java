package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.config.RuntimeConfig.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
