package dev.confbot.adapter.pretalx;

import com.squareup.moshi.JsonWriter;
import dev.confbot.core.port.CachedSchedule;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ScheduleCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ScheduleCache} in one JSON file ({@code source}, {@code sha256}, {@code etag}, {@code
 * lastModified}, {@code fetchedAt}, {@code payload}), replaced atomically on save so that a crash
 * never leaves half a file. An unreadable or tampered file (hash mismatch) loads as empty.
 */
public final class FileScheduleCache implements ScheduleCache {
  private static final Logger log = LoggerFactory.getLogger(FileScheduleCache.class);

  private final Path file;

  /** A cache in {@code file}; its directory is created on the first save. */
  public FileScheduleCache(Path file) {
    this.file = file;
  }

  @Override
  public synchronized Optional<CachedSchedule> load() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new GatewayException("pretalx", "cannot read the schedule cache " + file, e);
    }
    JsonValue root;
    try {
      root = JsonValue.parse(text);
    } catch (GatewayException e) {
      log.warn("schedule cache {} is not valid JSON, ignored", file);
      return Optional.empty();
    }
    Optional<String> source = root.get("source").text("");
    Optional<String> payload = root.get("payload").raw();
    Optional<String> sha256 = root.get("sha256").text("");
    Optional<Instant> fetchedAt = instant(root.get("fetchedAt"));
    if (source.isEmpty()
        || payload.isEmpty()
        || fetchedAt.isEmpty()
        || sha256.isEmpty()
        || !sha256.get().equals(ScheduleRefresher.sha256(payload.get()))) {
      log.warn("schedule cache {} is incomplete or does not match its hash, ignored", file);
      return Optional.empty();
    }
    return Optional.of(
        new CachedSchedule(
            source.get(),
            payload.get(),
            sha256.get(),
            root.get("etag").text("").orElse(null),
            root.get("lastModified").text("").orElse(null),
            fetchedAt.get()));
  }

  @Override
  public synchronized void save(CachedSchedule schedule) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      writer.name("source").value(schedule.source());
      writer.name("sha256").value(schedule.sha256());
      nullable(writer, "etag", schedule.etag());
      nullable(writer, "lastModified", schedule.lastModified());
      writer.name("fetchedAt").value(schedule.fetchedAt().toString());
      writer.name("payload").value(schedule.payload());
      writer.endObject();
    } catch (IOException e) {
      throw new GatewayException("pretalx", "cannot encode the schedule cache", e);
    }
    try {
      Path directory = file.toAbsolutePath().getParent();
      if (directory != null) {
        Files.createDirectories(directory);
      }
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(temporary, buffer.readByteArray());
      try {
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new GatewayException("pretalx", "cannot write the schedule cache " + file, e);
    }
  }

  private static void nullable(JsonWriter writer, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      writer.name(name).value(value);
    }
  }

  private static Optional<Instant> instant(JsonValue value) {
    try {
      return value.text("").map(Instant::parse);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
