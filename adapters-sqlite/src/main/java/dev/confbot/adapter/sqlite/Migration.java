package dev.confbot.adapter.sqlite;

import java.util.List;

/**
 * One numbered schema step. Applied once, in version order, inside one transaction together with
 * its row in {@code schema_migrations}.
 *
 * @param version 1, 2, 3 … without gaps
 * @param name what the step does, for the migrations table and logs
 * @param statements the SQL statements, one per element (no trailing {@code ;} needed)
 */
public record Migration(int version, String name, List<String> statements) {
  public Migration {
    if (version < 1) {
      throw new IllegalArgumentException("migration versions start at 1, was " + version);
    }
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("migration " + version + " has no statements");
    }
    statements = List.copyOf(statements);
  }
}
