package dev.confbot.core.jobs;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A job offer as one Discord-neutral embed, within Discord's limits.
 *
 * @param title the offer's title (≤256 characters), linking to {@code url}
 * @param url the offer's web page
 * @param description the offer's text, cut at a word to ≤4096 characters
 * @param author the company (≤256 characters)
 * @param image the image file's path relative to the CSV, or null; the adapter attaches it and
 *     shows it as the embed image ({@code attachment://} + {@link #imageFileName()})
 */
public record JobEmbed(
    String title, String url, String description, String author, @Nullable String image) {

  /** Discord's limit for an embed description. */
  public static final int MAX_DESCRIPTION = 4096;

  public JobEmbed {
    if (title.length() > JobOffer.MAX_NAME_LENGTH || author.length() > JobOffer.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("title and author must have at most 256 characters");
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("description must have at most 4096 characters");
    }
  }

  /** Renders an offer; a text longer than the limit is cut at a word and ends with "…". */
  public static JobEmbed of(JobOffer offer) {
    return new JobEmbed(
        offer.title(),
        offer.link().toString(),
        cut(offer.text(), MAX_DESCRIPTION),
        offer.company(),
        offer.image());
  }

  /** The image file's path relative to the CSV, if any. */
  public Optional<String> imageFile() {
    return Optional.ofNullable(image);
  }

  /** The image's file name without directories, the attachment's name; empty without image. */
  public Optional<String> imageFileName() {
    return imageFile().map(path -> path.substring(path.lastIndexOf('/') + 1));
  }

  /** Cuts text to at most {@code max} characters, at a word boundary where there is one. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1; // room for the ellipsis
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    int space = text.lastIndexOf(' ', end);
    int newline = text.lastIndexOf('\n', end);
    int boundary = Math.max(space, newline);
    if (boundary > max / 2) {
      end = boundary;
    }
    return text.substring(0, end).stripTrailing() + "…";
  }
}
