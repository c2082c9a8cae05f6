package dev.confbot.core.testing;

import dev.confbot.core.port.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link AuditSink} that keeps every line, for assertions. Thread-safe. */
public final class RecordingAuditSink implements AuditSink {

  /** One recorded line. */
  public record Line(String text, boolean alert) {}

  private final List<Line> lines = new CopyOnWriteArrayList<>();

  @Override
  public void record(String line, boolean alert) {
    lines.add(new Line(line, alert));
  }

  /** Every line, in order. */
  public List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The texts of every line, in order. */
  public List<String> texts() {
    return lines.stream().map(Line::text).toList();
  }

  /** The texts of alert lines only. */
  public List<String> alerts() {
    return lines.stream().filter(Line::alert).map(Line::text).toList();
  }

  /** The last line's text; fails when nothing was recorded. */
  public String last() {
    if (lines.isEmpty()) {
      throw new AssertionError("no audit line recorded");
    }
    return lines.get(lines.size() - 1).text();
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    lines.clear();
  }
}
