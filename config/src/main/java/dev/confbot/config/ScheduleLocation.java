package dev.confbot.config;

import java.net.URI;
import java.nio.file.Path;

/** Where the programme is read from: an HTTP(S) URL or a local file. */
public sealed interface ScheduleLocation {
  /** A pretalx export or API URL. */
  record Url(URI uri) implements ScheduleLocation {
    @Override
    public String toString() {
      return uri.toString();
    }
  }

  /** A local JSON file (absolute, resolved against the configuration's directory). */
  record File(Path path) implements ScheduleLocation {
    @Override
    public String toString() {
      return path.toString();
    }
  }
}
