package dev.confbot.core.setup;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A role colour as 24-bit RGB; {@link #NONE} (0) is Discord's "no colour" (the default grey).
 *
 * @param rgb 0x000000 to 0xFFFFFF
 */
public record Colour(int rgb) {
  /** Discord's default: the role has no colour of its own. */
  public static final Colour NONE = new Colour(0);

  private static final Pattern HEX = Pattern.compile("#?[0-9A-Fa-f]{6}");

  public Colour {
    if (rgb < 0 || rgb > 0xFFFFFF) {
      throw new IllegalArgumentException("colour must be 0x000000 to 0xFFFFFF, was " + rgb);
    }
  }

  /**
   * Parses {@code #RRGGBB} (the {@code #} is optional).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Colour parse(String hex) {
    String value = hex.strip();
    if (!HEX.matcher(value).matches()) {
      throw new IllegalArgumentException("colour must look like #3B82F6, was \"" + hex + "\"");
    }
    return new Colour(Integer.parseInt(value.startsWith("#") ? value.substring(1) : value, 16));
  }

  /** {@code #RRGGBB} in upper case, or {@code none} for {@link #NONE}. */
  public String hex() {
    return rgb == 0 ? "none" : String.format(Locale.ROOT, "#%06X", rgb);
  }

  @Override
  public String toString() {
    return hex();
  }
}
