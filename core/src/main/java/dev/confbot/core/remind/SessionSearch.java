package dev.confbot.core.remind;

import dev.confbot.core.schedule.Session;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds sessions by what a member types: for {@code /remind}'s autocomplete and for resolving the
 * value it sends back. Matching ignores case, accents and punctuation ({@code "cafe"} finds
 * "Café-Driven Development").
 */
public final class SessionSearch {

  /** Discord shows at most this many autocomplete choices. */
  public static final int MAX_RESULTS = 25;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private SessionSearch() {}

  /**
   * Sessions that can still be reminded of (not started by {@code now}, not breaks) whose title
   * contains every word of the query, or whose code is the query; titles starting with the query
   * first, then by start. One entry per code (its next occurrence), at most {@value #MAX_RESULTS}.
   * A blank query lists the next sessions.
   */
  public static List<Session> search(List<Session> sessions, String query, Instant now) {
    String wanted = normalize(query);
    List<String> words = wanted.isEmpty() ? List.of() : List.of(wanted.split(" "));
    Map<String, Session> upcoming = new LinkedHashMap<>();
    for (Session session : sessions) {
      if (!session.isBreak() && session.startInstant().isAfter(now)) {
        upcoming.merge(
            session.code(), session, (a, b) -> a.startInstant().isAfter(b.startInstant()) ? b : a);
      }
    }
    List<Session> found = new ArrayList<>();
    for (Session session : upcoming.values()) {
      String title = normalize(session.title());
      if (session.code().equalsIgnoreCase(query.strip())
          || words.stream().allMatch(title::contains)) {
        found.add(session);
      }
    }
    found.sort(
        Comparator.comparing((Session s) -> !normalize(s.title()).startsWith(wanted))
            .thenComparing(Session::startInstant)
            .thenComparing(Session::title)
            .thenComparing(Session::code));
    return List.copyOf(found.subList(0, Math.min(MAX_RESULTS, found.size())));
  }

  /**
   * The occurrence of the session with this code that a reminder is for: the first one not started
   * by {@code now}, else the last one that started; empty when the code is not in the programme.
   */
  public static Optional<Session> occurrence(List<Session> sessions, String code, Instant now) {
    @Nullable Session latestStarted = null;
    @Nullable Session next = null;
    for (Session session : sessions) {
      if (!session.code().equals(code)) {
        continue;
      }
      if (session.startInstant().isAfter(now)) {
        if (next == null || session.startInstant().isBefore(next.startInstant())) {
          next = session;
        }
      } else if (latestStarted == null
          || session.startInstant().isAfter(latestStarted.startInstant())) {
        latestStarted = session;
      }
    }
    return Optional.ofNullable(next != null ? next : latestStarted);
  }

  /** Lower case without accents, punctuation as single spaces, trimmed. */
  static String normalize(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    // upper then lower case folds ß to ss, as a member typing in capitals would write it
    String plain =
        MARKS.matcher(decomposed).replaceAll("").toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(plain).replaceAll(" ").strip();
  }
}
