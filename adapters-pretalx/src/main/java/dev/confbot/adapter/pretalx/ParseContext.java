package dev.confbot.adapter.pretalx;

import dev.confbot.core.model.WebLink;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The language to read multilingual fields in, and the warnings of one parse. */
final class ParseContext {
  private static final Logger log = LoggerFactory.getLogger(ParseContext.class);

  private final String language;
  private final List<String> warnings = new ArrayList<>();

  ParseContext(String language) {
    this.language = language;
  }

  String language() {
    return language;
  }

  /** Records and logs a skipped or repaired slot. Never pass names or e-mails. */
  void warn(String warning) {
    warnings.add(warning);
    log.warn("pretalx schedule: {}", warning);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Multilingual or plain text. */
  Optional<String> text(JsonValue value) {
    return value.text(language);
  }

  /**
   * A link of the session {@code code} when it is an absolute http(s) URL Discord takes ({@link
   * WebLink#valid}); any other text is left out with a warning, the session is kept.
   */
  Optional<String> link(JsonValue value, String code) {
    Optional<String> text = text(value);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> link = WebLink.valid(text.get());
    if (link.isEmpty()) {
      warn("session " + code + ": link left out (not an absolute http(s) URL Discord accepts)");
    }
    return link;
  }

  /**
   * The name of a type or track: an expanded object ({@code {"id", "name": {"en": …}}}), a
   * multilingual object or plain text; empty for a bare id (not expanded) or null.
   */
  Optional<String> name(JsonValue value) {
    if (value.isObject() && value.has("name")) {
      return text(value.get("name"));
    }
    if (value.isObject() || (value.text("").isPresent() && value.wholeNumber().isEmpty())) {
      return text(value);
    }
    return Optional.empty();
  }

  /** An ISO-8601 date-time with offset; empty when absent or invalid. */
  static Optional<OffsetDateTime> dateTime(JsonValue value) {
    Optional<String> text = value.text("");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The level: a {@code level} field, else the answer to a question about level or expertise. */
  Optional<String> level(JsonValue submission) {
    Optional<String> field = text(submission.get("level"));
    if (field.isPresent()) {
      return field;
    }
    for (JsonValue answer : submission.get("answers").elements()) {
      JsonValue question = answer.get("question");
      Optional<String> asked =
          question.isObject() && question.has("question")
              ? text(question.get("question"))
              : text(question);
      if (asked.isPresent() && isLevelQuestion(asked.get())) {
        Optional<String> given = text(answer.get("answer"));
        if (given.isPresent()) {
          return given;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isLevelQuestion(String question) {
    String lower = question.toLowerCase(Locale.ROOT);
    return lower.contains("level") || lower.contains("expertise");
  }

  /** A positive length, or empty when it would be negative. */
  static Optional<Duration> between(OffsetDateTime start, OffsetDateTime end) {
    Duration duration = Duration.between(start, end);
    return duration.isNegative() ? Optional.empty() : Optional.of(duration);
  }
}
