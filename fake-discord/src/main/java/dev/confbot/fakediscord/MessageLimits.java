package dev.confbot.fakediscord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Discord's message and embed size rules (resources/message); violations answer 400 / 50035. */
final class MessageLimits {
  static final int CONTENT = 2000;
  static final int EMBEDS = 10;
  static final int TITLE = 256;
  static final int DESCRIPTION = 4096;
  static final int FIELDS = 25;
  static final int FIELD_NAME = 256;
  static final int FIELD_VALUE = 1024;
  static final int FOOTER = 2048;
  static final int AUTHOR = 256;
  static final int EMBED_TOTAL = 6000;

  private MessageLimits() {}

  /**
   * Checks a create or edit payload.
   *
   * @param requireSomething whether an empty message is an error (create, not edit)
   * @param files number of uploaded files
   */
  static void check(Json.Obj payload, boolean requireSomething, int files) {
    List<String> problems = new ArrayList<>();
    String content = payload.string("content", "");
    if (content.length() > CONTENT) {
      problems.add("content: Must be 2000 or fewer in length.");
    }
    List<Json.Obj> embeds = payload.objects("embeds");
    if (embeds.size() > EMBEDS) {
      problems.add("embeds: Must be 10 or fewer in length.");
    }
    int total = 0;
    for (int i = 0; i < embeds.size(); i++) {
      Json.Obj embed = embeds.get(i);
      String at = "embeds." + i + ".";
      total += limit(problems, at + "title", embed.string("title", ""), TITLE);
      total += limit(problems, at + "description", embed.string("description", ""), DESCRIPTION);
      total +=
          limit(
              problems,
              at + "footer.text",
              embed.object("footer").map(f -> f.string("text", "")).orElse(""),
              FOOTER);
      total +=
          limit(
              problems,
              at + "author.name",
              embed.object("author").map(a -> a.string("name", "")).orElse(""),
              AUTHOR);
      List<Json.Obj> fields = embed.objects("fields");
      if (fields.size() > FIELDS) {
        problems.add(at + "fields: Must be 25 or fewer in length.");
      }
      for (int f = 0; f < fields.size(); f++) {
        String name = fields.get(f).string("name", "");
        String value = fields.get(f).string("value", "");
        if (name.isEmpty() || value.isEmpty()) {
          problems.add(at + "fields." + f + ": This field is required");
        }
        total += limit(problems, at + "fields." + f + ".name", name, FIELD_NAME);
        total += limit(problems, at + "fields." + f + ".value", value, FIELD_VALUE);
      }
    }
    if (total > EMBED_TOTAL) {
      problems.add("embeds: Embed size exceeds maximum size of 6000");
    }
    boolean empty =
        content.isEmpty()
            && embeds.isEmpty()
            && files == 0
            && payload.list("components").isEmpty()
            && payload.list("attachments").isEmpty();
    if (requireSomething && empty && problems.isEmpty()) {
      throw new DiscordError(400, 50006, "Cannot send an empty message");
    }
    if (!problems.isEmpty()) {
      List<Object> errors = new ArrayList<>();
      for (String problem : problems) {
        errors.add(Json.map("code", "BASE_TYPE_MAX_LENGTH", "message", problem));
      }
      Map<String, @Nullable Object> body = Json.map("_errors", errors);
      throw new DiscordError(400, 50035, "Invalid Form Body", body);
    }
  }

  private static int limit(List<String> problems, String path, String text, int max) {
    if (text.length() > max) {
      problems.add(path + ": Must be " + max + " or fewer in length.");
    }
    return text.length();
  }
}
