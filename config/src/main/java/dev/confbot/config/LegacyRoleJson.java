package dev.confbot.config;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.confbot.core.model.RoleRef;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.BufferedSource;
import okio.Okio;

/**
 * Reads the ticket → role mapping of the earlier Python bots: a JSON object from ticket type name
 * to an array of Discord role ids, {@code {"Business": [1120774936655568896, ...]}}. Role ids are
 * read as exact 64-bit integers (or strings), never through a double.
 */
public final class LegacyRoleJson {
  private LegacyRoleJson() {}

  /**
   * The mapping in {@code file}, for tools that take it on the command line.
   *
   * @throws ConfigException naming the file when it is missing or not such a mapping
   */
  public static Map<String, List<RoleRef>> load(Path file) {
    Problems problems = new Problems();
    Optional<Map<String, List<RoleRef>>> mapping = read(file, file.toString(), problems);
    problems.throwIfAny();
    return mapping.orElseThrow();
  }

  /** The mapping in {@code file}; empty (with a problem at {@code path}) if unusable. */
  static Optional<Map<String, List<RoleRef>>> read(Path file, String path, Problems problems) {
    try (BufferedSource source = Okio.buffer(Okio.source(file));
        JsonReader reader = JsonReader.of(source)) {
      return Optional.of(parse(reader));
    } catch (NoSuchFileException e) {
      problems.add(path, "file " + file + " does not exist");
    } catch (JsonDataException | IOException e) {
      problems.add(
          path,
          "file "
              + file
              + " is not a legacy role mapping ({\"Ticket type\": [roleId, ...]}): "
              + e.getMessage());
    }
    return Optional.empty();
  }

  private static Map<String, List<RoleRef>> parse(JsonReader reader) throws IOException {
    Map<String, List<RoleRef>> mapping = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String ticketType = reader.nextName();
      List<RoleRef> roles = new ArrayList<>();
      reader.beginArray();
      while (reader.hasNext()) {
        roles.add(role(reader));
      }
      reader.endArray();
      mapping.put(ticketType, roles);
    }
    reader.endObject();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new JsonDataException(
          "unexpected content after the object at path " + reader.getPath());
    }
    return mapping;
  }

  private static RoleRef role(JsonReader reader) throws IOException {
    String path = reader.getPath();
    if (reader.peek() == JsonReader.Token.NUMBER) {
      long id = reader.nextLong();
      if (id <= 0) {
        throw new JsonDataException("role id must be positive at path " + path);
      }
      return new RoleRef(Long.toString(id));
    }
    if (reader.peek() == JsonReader.Token.STRING) {
      String value = reader.nextString();
      if (value.isBlank()) {
        throw new JsonDataException("empty role at path " + path);
      }
      return new RoleRef(value);
    }
    throw new JsonDataException("expected a role id but was " + reader.peek() + " at path " + path);
  }
}
