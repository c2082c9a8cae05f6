package dev.confbot.core.jobs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stable identity of a job offer: the SHA-256 (lower-case hex) of company, title and link.
 * Company and title are compared ignoring case, Unicode normalisation form and runs of white space,
 * so fixing "acme gmbh" to "ACME GmbH" in the CSV does not repost the offer; the link is compared
 * exactly (after trimming). The value is the same on every JVM and across restarts.
 */
public record JobKey(String value) {
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public JobKey {
    if (!HEX_SHA256.matcher(value).matches()) {
      throw new IllegalArgumentException("not a job key (64 lower-case hex digits): " + value);
    }
  }

  /** The key of an offer with these fields. */
  public static JobKey of(String company, String title, URI link) {
    String canonical =
        canonicalName(company) + "\n" + canonicalName(title) + "\n" + link.toString().strip();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return new JobKey(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String canonicalName(String name) {
    String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
    return SPACES.matcher(nfc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
