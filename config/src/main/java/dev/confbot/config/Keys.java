package dev.confbot.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Key paths as users write them, and "did you mean" suggestions. */
final class Keys {
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

  private Keys() {}

  /** {@code prefix.key}, quoting the key the way TOML would if it is not a bare key. */
  static String join(String prefix, String key) {
    String written = BARE.matcher(key).matches() ? key : '"' + key.replace("\"", "\\\"") + '"';
    return prefix.isEmpty() ? written : prefix + "." + written;
  }

  /** The known key closest to {@code unknown}, if it is close enough to be a likely typo. */
  static Optional<String> suggestion(String unknown, Collection<String> known) {
    String lower = unknown.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      String lowerCandidate = candidate.toLowerCase(Locale.ROOT);
      // a key written without its suffix ("guild" for "guild_id") counts as close
      int distance =
          lower.length() >= 3 && lowerCandidate.startsWith(lower)
              ? 1
              : distance(lower, lowerCandidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, unknown.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
