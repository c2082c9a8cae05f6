package dev.confbot.core.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rich card inside a chat message, modelled on Discord's embed but free of any library type. The
 * compact constructor enforces Discord's per-embed limits so that an adapter never gets a 400.
 *
 * @param title the title, at most {@value #TITLE_MAX} characters, may be empty
 * @param url where the title links to, or null for a plain title
 * @param description the body text (Markdown), at most {@value #DESCRIPTION_MAX} characters
 * @param colour the side bar colour as 0xRRGGBB
 * @param fields at most {@value #FIELDS_MAX} fields
 * @param footer the footer text, at most {@value #FOOTER_MAX} characters, may be empty
 */
public record Embed(
    String title,
    @Nullable String url,
    String description,
    int colour,
    List<Field> fields,
    String footer) {

  /** Discord's limit for an embed title. */
  public static final int TITLE_MAX = 256;

  /** Discord's limit for an embed description. */
  public static final int DESCRIPTION_MAX = 4096;

  /** Discord's limit for the number of fields of an embed. */
  public static final int FIELDS_MAX = 25;

  /** Discord's limit for a field name. */
  public static final int FIELD_NAME_MAX = 256;

  /** Discord's limit for a field value. */
  public static final int FIELD_VALUE_MAX = 1024;

  /** Discord's limit for a footer text. */
  public static final int FOOTER_MAX = 2048;

  public Embed {
    fields = List.copyOf(fields);
    requireAtMost("title", title, TITLE_MAX);
    requireAtMost("description", description, DESCRIPTION_MAX);
    requireAtMost("footer", footer, FOOTER_MAX);
    if (fields.size() > FIELDS_MAX) {
      throw new IllegalArgumentException("an embed holds at most 25 fields: " + fields.size());
    }
    if (colour < 0 || colour > 0xFFFFFF) {
      throw new IllegalArgumentException("colour must be 0xRRGGBB: " + colour);
    }
  }

  /**
   * The characters Discord counts against the 6,000-character message limit: title, description,
   * field names and values, footer.
   */
  public int countedChars() {
    int sum = title.length() + description.length() + footer.length();
    for (Field field : fields) {
      sum += field.name().length() + field.value().length();
    }
    return sum;
  }

  /**
   * One name/value pair of an embed.
   *
   * @param name at most {@value Embed#FIELD_NAME_MAX} characters, not blank
   * @param value at most {@value Embed#FIELD_VALUE_MAX} characters, not blank (Markdown)
   * @param inline whether Discord may place it next to other inline fields
   */
  public record Field(String name, String value, boolean inline) {
    public Field {
      requireAtMost("field name", name, FIELD_NAME_MAX);
      requireAtMost("field value", value, FIELD_VALUE_MAX);
      if (name.isBlank() || value.isBlank()) {
        throw new IllegalArgumentException("field name and value must not be blank");
      }
    }
  }

  private static void requireAtMost(String what, String text, int max) {
    if (text.length() > max) {
      throw new IllegalArgumentException(
          what + " has " + text.length() + " characters, at most " + max + " allowed");
    }
  }
}
