package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.AuditSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every audit line. */
final class RecordingAudit implements AuditSink {

  record Line(String text, boolean alert) {}

  private final List<Line> lines = new ArrayList<>();

  @Override
  public synchronized void record(String line, boolean alert) {
    lines.add(new Line(line, alert));
  }

  synchronized List<Line> lines() {
    return List.copyOf(lines);
  }

  synchronized List<String> alerts() {
    return lines.stream().filter(Line::alert).map(Line::text).toList();
  }

  synchronized List<String> notices() {
    return lines.stream().filter(l -> !l.alert()).map(Line::text).toList();
  }
}
