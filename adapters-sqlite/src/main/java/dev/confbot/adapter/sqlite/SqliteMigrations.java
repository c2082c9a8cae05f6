package dev.confbot.adapter.sqlite;

import java.util.List;

/**
 * The schema of confbot's database as a list of numbered steps. A store that needs a table adds the
 * next {@link Migration} at the end of {@link #ALL}; released steps are never edited. Timestamps
 * are ISO-8601 UTC text of fixed width (see {@link SqliteTime}), so they sort as text.
 */
public final class SqliteMigrations {

  /** Every migration, in version order. */
  public static final List<Migration> ALL =
      List.of(
          new Migration(
              1,
              "claims",
              List.of(
                  """
                  CREATE TABLE claims (
                    order_code   TEXT    NOT NULL,
                    position     INTEGER NOT NULL,
                    member_id    INTEGER NOT NULL,
                    reserved_at  TEXT    NOT NULL,
                    confirmed_at TEXT,
                    PRIMARY KEY (order_code, position)
                  ) WITHOUT ROWID""",
                  "CREATE INDEX claims_by_member ON claims (member_id)",
                  "CREATE INDEX claims_unconfirmed ON claims (reserved_at)"
                      + " WHERE confirmed_at IS NULL")),
          new Migration(
              2,
              "ticket index snapshot",
              List.of(
                  """
                  CREATE TABLE ticket_snapshot (
                    id     INTEGER PRIMARY KEY CHECK (id = 1),
                    cursor TEXT NOT NULL
                  )""",
                  """
                  CREATE TABLE ticket_orders (
                    seq       INTEGER PRIMARY KEY,
                    code      TEXT    NOT NULL UNIQUE,
                    status    TEXT    NOT NULL,
                    test_mode INTEGER NOT NULL
                  )""",
                  """
                  CREATE TABLE ticket_positions (
                    order_seq      INTEGER NOT NULL,
                    position       INTEGER NOT NULL,
                    addon_seq      INTEGER NOT NULL,
                    item_id        INTEGER NOT NULL,
                    item_name      TEXT    NOT NULL,
                    variation_id   INTEGER,
                    variation_name TEXT,
                    attendee_name  TEXT,
                    canceled       INTEGER,
                    PRIMARY KEY (order_seq, position, addon_seq)
                  ) WITHOUT ROWID""")),
          new Migration(
              3,
              "notification log",
              List.of(
                  """
                  CREATE TABLE notification_log (
                    session_code TEXT NOT NULL,
                    channel      TEXT NOT NULL,
                    start_at     TEXT NOT NULL,
                    state        TEXT NOT NULL CHECK (state IN ('SENDING', 'SENT')),
                    recorded_at  TEXT NOT NULL,
                    PRIMARY KEY (session_code, channel, start_at)
                  ) WITHOUT ROWID""",
                  "CREATE INDEX notification_log_by_state ON notification_log (state)")),
          new Migration(
              4,
              "job ledger",
              List.of(
                  """
                  CREATE TABLE posted_jobs (
                    job_key   TEXT NOT NULL PRIMARY KEY,
                    company   TEXT NOT NULL,
                    title     TEXT NOT NULL,
                    posted_at TEXT NOT NULL
                  ) WITHOUT ROWID""")),
          new Migration(
              5,
              "session reminders",
              List.of(
                  """
                  CREATE TABLE reminders (
                    member_id    INTEGER NOT NULL,
                    session_code TEXT    NOT NULL,
                    locale       TEXT    NOT NULL,
                    created_at   TEXT    NOT NULL,
                    sent_at      TEXT,
                    PRIMARY KEY (member_id, session_code)
                  ) WITHOUT ROWID""",
                  "CREATE INDEX reminders_pending ON reminders (session_code, created_at)"
                      + " WHERE sent_at IS NULL")),
          new Migration(
              6,
              "failed registration attempts",
              List.of(
                  """
                  CREATE TABLE failed_attempts (
                    member_id INTEGER NOT NULL,
                    at        TEXT    NOT NULL
                  )""",
                  "CREATE INDEX failed_attempts_by_time ON failed_attempts (at)")),
          new Migration(
              7,
              "pending role restores",
              List.of(
                  """
                  CREATE TABLE pending_restores (
                    member_id INTEGER NOT NULL PRIMARY KEY,
                    since     TEXT    NOT NULL
                  ) WITHOUT ROWID""")),
          new Migration(
              8,
              "attendee e-mail in the ticket snapshot (speaker matching)",
              List.of("ALTER TABLE ticket_positions ADD COLUMN attendee_email TEXT")));

  private SqliteMigrations() {}
}
