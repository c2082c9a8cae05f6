package dev.confbot.core.notify;

import dev.confbot.core.schedule.Session;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers for URL templates and abstracts. */
final class Templates {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private Templates() {}

  /**
   * Fills {@code {code}}, {@code {slug}} (of the title) and {@code {room}} (slug of the room name)
   * into a URL template.
   */
  static String fill(String template, Session session) {
    return template
        .replace("{code}", session.code())
        .replace("{slug}", slug(session.title()))
        .replace("{room}", slug(session.room().name()));
  }

  /** Lower-case ASCII letters and digits joined by single hyphens ("Forum Hall" → forum-hall). */
  static String slug(String text) {
    String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
    int from = slug.startsWith("-") ? 1 : 0;
    int to = slug.endsWith("-") && slug.length() > from ? slug.length() - 1 : slug.length();
    slug = slug.substring(from, Math.max(from, to));
    return slug.isEmpty() ? "session" : slug;
  }

  /**
   * Cuts text to at most {@code max} characters at a word boundary, marking the cut with an
   * ellipsis; whitespace runs are collapsed first. Text that fits is returned collapsed.
   */
  static String cutAtWord(String text, int max) {
    String collapsed = collapse(text, max + 1);
    if (collapsed.length() <= max) {
      return collapsed;
    }
    int limit = max - 1;
    int space = collapsed.lastIndexOf(' ', limit);
    int end = space > limit / 2 ? space : limit;
    if (end > 0 && Character.isHighSurrogate(collapsed.charAt(end - 1))) {
      end--;
    }
    String kept = collapsed.substring(0, end).stripTrailing();
    while (!kept.isEmpty() && ".,;:".indexOf(kept.charAt(kept.length() - 1)) >= 0) {
      kept = kept.substring(0, kept.length() - 1);
    }
    return kept + "…";
  }

  /** Strips and collapses whitespace runs to one space, stopping after {@code limit} chars. */
  private static String collapse(String text, int limit) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), limit));
    boolean pendingSpace = false;
    for (int i = 0; i < text.length() && out.length() < limit; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
          if (out.length() == limit) {
            break;
          }
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
