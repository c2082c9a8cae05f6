package dev.confbot.fakediscord;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An embed as stored by the fake; absent texts are null.
 *
 * @param title title, ≤ 256 chars
 * @param description description, ≤ 4096 chars
 * @param url link of the title
 * @param color colour as 0xRRGGBB, 0 when unset
 * @param fields the fields in order
 * @param footer footer text
 * @param authorName author name
 */
public record FakeEmbed(
    @Nullable String title,
    @Nullable String description,
    @Nullable String url,
    int color,
    List<Field> fields,
    @Nullable String footer,
    @Nullable String authorName) {

  /** Copies the field list. */
  public FakeEmbed {
    fields = List.copyOf(fields);
  }

  /**
   * One embed field.
   *
   * @param name field name, ≤ 256 chars
   * @param value field value, ≤ 1024 chars
   * @param inline whether it is shown inline
   */
  public record Field(String name, String value, boolean inline) {}
}
