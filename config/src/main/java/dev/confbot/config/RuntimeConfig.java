package dev.confbot.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * {@code [runtime]}: how the process runs.
 *
 * @param dataDir directory for the SQLite database and caches, key {@code data_dir}, default {@code
 *     data} (beside the configuration file); the environment variable {@code CONFBOT_DATA_DIR} wins
 * @param httpPort port of the {@code /healthz} and {@code /metrics} server, key {@code http_port};
 *     null for no HTTP server (the default); the environment variable {@code CONFBOT_HTTP_PORT}
 *     wins
 * @param logFormat {@code text} (default) or {@code json}, key {@code log_format}
 * @param simulatedClock a rehearsal clock, table {@code simulated_clock}; null to run on real time
 */
public record RuntimeConfig(
    Path dataDir,
    @Nullable Integer httpPort,
    LogFormat logFormat,
    @Nullable SimulatedClock simulatedClock) {

  /** The HTTP port, empty when no HTTP server should run. */
  public OptionalInt port() {
    return httpPort == null ? OptionalInt.empty() : OptionalInt.of(httpPort);
  }

  /** The rehearsal clock, empty when running on real time. */
  public Optional<SimulatedClock> clock() {
    return Optional.ofNullable(simulatedClock);
  }

  /** Log output format. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  /**
   * {@code [runtime.simulated_clock]}: time starts at {@code start} when the bot starts and runs
   * {@code speed} times as fast as real time.
   *
   * @param start the simulated instant at start-up, key {@code start} (an offset date-time)
   * @param speed simulated seconds per real second, key {@code speed}, default 1.0
   */
  public record SimulatedClock(Instant start, double speed) {}
}
