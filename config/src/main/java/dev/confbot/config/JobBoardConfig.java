package dev.confbot.config;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code [job_board]}: job offers posted from a CSV file (company, title, link, text, optional
 * image).
 *
 * @param channel where offers are posted, key {@code channel}, default {@code #job-board}
 * @param csv the CSV file, key {@code csv}; null when no job board is configured
 */
public record JobBoardConfig(ChannelRef channel, @Nullable Path csv) {
  /** The CSV file, empty when no job board is configured. */
  public Optional<Path> csvFile() {
    return Optional.ofNullable(csv);
  }
}
