/**
 * A small RFC 4180 CSV reader and writer (UTF-8, optional byte-order mark, quoted fields with
 * commas, quotes and line breaks), shared by the job board import and the member export.
 */
@NullMarked
package dev.confbot.core.csv;

import org.jspecify.annotations.NullMarked;
