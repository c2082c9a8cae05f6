package dev.confbot.adapter.pretalx;

import dev.confbot.core.check.Finding;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Schedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;

/**
 * The pretalx part of {@code confbot check --online}: fetches the configured schedule once (no
 * cache, no retry, short timeouts) and parses it the way the bot does. Findings name {@code
 * schedule.source}; the token never appears in one.
 */
public final class PretalxScheduleCheck {
  static final String SYSTEM = "pretalx";
  static final String KEY = "schedule.source";

  /** Timeouts of the schedule request of the check. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private static final int LISTED_WARNINGS = 3;

  private PretalxScheduleCheck() {}

  /** Checks the schedule of the settings with a client of its own. */
  public static List<Finding> check(PretalxSettings settings, Clock clock) {
    return check(settings, new OkHttpClient(), clock);
  }

  static List<Finding> check(PretalxSettings settings, OkHttpClient http, Clock clock) {
    PretalxSettings quick = settings.withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT);
    PayloadFetcher fetcher =
        quick.isUrl()
            ? PretalxScheduleSource.fetcher(quick, http, clock)
            : new FilePayloadFetcher(Path.of(quick.source()));
    String where = fetcher.location();
    ParsedSchedule parsed;
    try {
      PayloadFetcher.Result result = fetcher.fetch(null, null);
      if (!(result instanceof PayloadFetcher.Fresh fresh)) {
        return List.of(
            Finding.error(
                SYSTEM, KEY, where + " answered 304 Not Modified to an unconditional request"));
      }
      parsed = ScheduleParser.parseWithReport(fresh.payload(), quick.eventZone(), quick.language());
    } catch (GatewayException e) {
      return List.of(
          Finding.error(SYSTEM, KEY, e.reason() + ": check schedule.source (and PRETALX_TOKEN)"));
    } catch (IllegalArgumentException e) {
      return List.of(
          Finding.error(
              SYSTEM, KEY, "cannot read " + where + " (" + e.getMessage() + "): check the path"));
    }
    List<Finding> findings = new ArrayList<>();
    Schedule schedule = parsed.schedule();
    if (schedule.sessions().isEmpty()) {
      findings.add(
          Finding.warning(
              SYSTEM,
              KEY,
              "the schedule at "
                  + where
                  + " has no sessions yet: nothing will be announced until pretalx publishes"
                  + " one"));
    } else {
      findings.add(
          Finding.ok(
              SYSTEM,
              KEY,
              "schedule readable: "
                  + parsed.format().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + " format, version "
                  + (schedule.version().isBlank() ? "(none)" : schedule.version())
                  + ", "
                  + schedule.sessions().size()
                  + (schedule.sessions().size() == 1 ? " session" : " sessions")));
    }
    if (!parsed.warnings().isEmpty()) {
      List<String> shown = parsed.warnings().stream().limit(LISTED_WARNINGS).toList();
      findings.add(
          Finding.warning(
              SYSTEM,
              KEY,
              parsed.warnings().size()
                  + " entries of the schedule were skipped ("
                  + String.join("; ", shown)
                  + (parsed.warnings().size() > LISTED_WARNINGS ? "; …" : "")
                  + "): fix them in pretalx"));
    }
    return List.copyOf(findings);
  }
}
