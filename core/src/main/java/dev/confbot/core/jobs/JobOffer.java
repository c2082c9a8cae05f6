package dev.confbot.core.jobs;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One job offer as an organizer lists it in the job board CSV.
 *
 * @param company the hiring company, shown as the embed's author (1–256 characters)
 * @param title the position, the embed's title (1–256 characters)
 * @param link the offer's web page ({@code http} or {@code https}, absolute)
 * @param text the description; may be empty, cut to Discord's limit when rendered
 * @param image a relative path of an image file next to the CSV, or null for none
 */
public record JobOffer(
    String company, String title, URI link, String text, @Nullable String image) {

  /** Discord's limit for embed titles and author names. */
  public static final int MAX_NAME_LENGTH = 256;

  public JobOffer {
    company = company.strip();
    title = title.strip();
    text = text.strip();
    if (company.isEmpty() || company.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("company must have 1 to 256 characters: " + company);
    }
    if (title.isEmpty() || title.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("title must have 1 to 256 characters: " + title);
    }
    if (!isWebAddress(link)) {
      throw new IllegalArgumentException("link must be an absolute http(s) address: " + link);
    }
    if (image != null && image.isBlank()) {
      image = null;
    }
  }

  /** The image file's path relative to the CSV, if the offer has one. */
  public Optional<String> imageFile() {
    return Optional.ofNullable(image);
  }

  /** The stable key under which the ledger remembers this offer. */
  public JobKey key() {
    return JobKey.of(company, title, link);
  }

  static boolean isWebAddress(URI link) {
    String scheme = link.getScheme();
    return link.isAbsolute()
        && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        && link.getHost() != null
        && !link.getHost().isEmpty();
  }
}
