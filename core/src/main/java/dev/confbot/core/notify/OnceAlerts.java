package dev.confbot.core.notify;

import dev.confbot.core.port.AuditSink;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Alerts organizers once per trouble: the first failure of a topic (e.g. "delivery", a channel
 * name) is logged as an error and recorded as an alert; repeats only go to the log as warnings,
 * until {@link #clear} says the topic recovered. Used by the timers that must never flood the log
 * channel. Not thread-safe: use it from one thread or under the owner's lock.
 */
public final class OnceAlerts {
  private final AuditSink sink;
  private final Logger log;
  private final Set<String> alerted = new HashSet<>();

  /**
   * @param sink where alerts go (the organizers' log channel)
   * @param log the owner's logger
   */
  public OnceAlerts(AuditSink sink, Logger log) {
    this.sink = sink;
    this.log = log;
  }

  /** Alerts the line if the topic is not alerted yet; logs it as a warning otherwise. */
  public void alert(String topic, String line, @Nullable Throwable cause) {
    if (alerted.add(topic)) {
      log.log(Level.ERROR, line, cause);
      try {
        sink.record(line, true);
      } catch (RuntimeException e) {
        log.log(Level.ERROR, "alert could not be recorded", e);
      }
    } else {
      log.log(Level.WARNING, line);
    }
  }

  /** Forgets the topic's alert; true when it had been alerted (so its recovery is news). */
  public boolean clear(String topic) {
    return alerted.remove(topic);
  }
}
