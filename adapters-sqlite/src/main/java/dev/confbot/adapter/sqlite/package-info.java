/**
 * The embedded SQLite store: claims, the ticket index snapshot, the programme notifications'
 * sent-ledger and the job board's posted-ledger in one database file of the data directory, with
 * versioned schema migrations.
 */
@NullMarked
package dev.confbot.adapter.sqlite;

import org.jspecify.annotations.NullMarked;
