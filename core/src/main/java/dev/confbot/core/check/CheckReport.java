package dev.confbot.core.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of a pre-flight check of several systems, in the order they were found, with a
 * one-line summary.
 */
public record CheckReport(List<Finding> findings) {
  public CheckReport {
    findings = List.copyOf(findings);
  }

  /** True when any finding is an error (the command then exits with 2). */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** How many findings have the severity. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** One line per finding. */
  public List<String> lines() {
    return findings.stream().map(Finding::line).toList();
  }

  /**
   * {@code Online check: 2 errors, 1 warning (pretix: 1 error, pretalx: ok, discord: 1 error, 1
   * warning).}
   */
  public String summary() {
    Map<String, List<Finding>> bySystem = new LinkedHashMap<>();
    findings.forEach(f -> bySystem.computeIfAbsent(f.system(), s -> new ArrayList<>()).add(f));
    List<String> systems = new ArrayList<>();
    bySystem.forEach((system, found) -> systems.add(system + ": " + counts(found)));
    return "Online check: "
        + counts(findings)
        + (systems.isEmpty() ? "" : " (" + String.join(", ", systems) + ")")
        + ".";
  }

  private static String counts(List<Finding> findings) {
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    if (errors == 0 && warnings == 0) {
      return "ok";
    }
    List<String> parts = new ArrayList<>();
    if (errors > 0) {
      parts.add(errors + (errors == 1 ? " error" : " errors"));
    }
    if (warnings > 0) {
      parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
    }
    return String.join(", ", parts);
  }
}
