package dev.confbot.fakediscord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal {@code multipart/form-data} reader for message uploads ({@code payload_json} + files).
 */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /** One part: form name, optional file name, content type and bytes. */
  record Part(String name, String filename, String contentType, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  static Optional<String> boundary(String contentType) {
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return Optional.empty();
    }
    Matcher matcher = BOUNDARY.matcher(contentType);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  static List<Part> parse(byte[] body, String boundary) {
    // ISO-8859-1 maps bytes 1:1 to chars, so indices are byte offsets
    String raw = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    List<Part> parts = new ArrayList<>();
    int start = raw.indexOf(delimiter);
    while (start >= 0) {
      int headerStart = start + delimiter.length();
      if (raw.startsWith("--", headerStart)) {
        break;
      }
      headerStart = skipLineBreak(raw, headerStart);
      int headerEnd = raw.indexOf("\r\n\r\n", headerStart);
      int next = raw.indexOf("\r\n" + delimiter, headerEnd < 0 ? headerStart : headerEnd);
      if (headerEnd < 0 || next < 0) {
        throw DiscordError.invalidBody("malformed multipart body");
      }
      String headers = raw.substring(headerStart, headerEnd);
      byte[] content = raw.substring(headerEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
      parts.add(
          new Part(
              find(NAME, headers).orElse(""),
              find(FILENAME, headers).orElse(""),
              contentType(headers),
              content));
      start = next + 2;
    }
    return parts;
  }

  private static int skipLineBreak(String raw, int index) {
    return raw.startsWith("\r\n", index) ? index + 2 : index;
  }

  private static Optional<String> find(Pattern pattern, String headers) {
    Matcher matcher = pattern.matcher(headers);
    return matcher.find()
        ? Optional.of(
            new String(
                matcher.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
        : Optional.empty();
  }

  private static String contentType(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
        return line.substring("content-type:".length()).trim();
      }
    }
    return "application/octet-stream";
  }
}
