/**
 * The embedded SQLite store: claims and the ticket index snapshot in one database file of the data
 * directory, with versioned schema migrations.
 */
@NullMarked
package dev.confbot.adapter.sqlite;

import org.jspecify.annotations.NullMarked;
