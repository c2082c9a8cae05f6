package dev.confbot.core.port;

/**
 * Where organizer-facing lines go (the registration log channel and the structured log). Lines
 * never hold secrets or full order codes.
 */
public interface AuditSink {

  /** Records one line; {@code alert} lines should get an organizer's attention. */
  void record(String line, boolean alert);
}
