package dev.confbot.core.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks the links that go into messages (session pages, livestreams, Q&amp;A): Discord refuses a
 * whole message when one embed URL is not an absolute {@code http(s)} URL, so a link that fails
 * here is left out instead.
 */
public final class WebLink {

  /** The longest URL kept; Discord's embed URL fields take at most 2,048, JDA's 2,000. */
  public static final int MAX_LENGTH = 2000;

  private WebLink() {}

  /**
   * The link, stripped, when it is an absolute {@code http} or {@code https} URL with a host, at
   * most {@value #MAX_LENGTH} characters, without whitespace, control characters or Markdown
   * brackets; otherwise empty (also for null).
   */
  public static Optional<String> valid(@Nullable String url) {
    if (url == null) {
      return Optional.empty();
    }
    String text = url.strip();
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || "<>()[]\"`".indexOf(c) >= 0) {
        return Optional.empty();
      }
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme();
    if (scheme == null || !uri.isAbsolute() || uri.isOpaque()) {
      return Optional.empty();
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("http") && !lower.equals("https")) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** True when {@link #valid} keeps the link. */
  public static boolean isValid(@Nullable String url) {
    return valid(url).isPresent();
  }
}
