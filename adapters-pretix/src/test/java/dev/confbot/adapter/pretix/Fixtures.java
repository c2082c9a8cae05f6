package dev.confbot.adapter.pretix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The anonymised pretix payloads in {@code src/test/resources/pretix}. */
final class Fixtures {
  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/pretix/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A synthetic order page: orders {@code ORD<n>} with one Business position each. */
  static String syntheticPage(int count, int page, int pageSize, String baseUrl) {
    StringBuilder json = new StringBuilder();
    int first = (page - 1) * pageSize;
    int last = Math.min(count, first + pageSize);
    boolean more = last < count;
    json.append("{\"count\":").append(count).append(",\"next\":");
    json.append(more ? "\"" + baseUrl + "orders/?page=" + (page + 1) + "\"" : "null");
    json.append(",\"previous\":null,\"results\":[");
    for (int i = first; i < last; i++) {
      if (i > first) {
        json.append(',');
      }
      String code = String.format("ORD%05d", i);
      json.append("{\"code\":\"")
          .append(code)
          .append("\",\"status\":\"p\",\"testmode\":false,\"invoice_address\":null,")
          .append("\"positions\":[{\"id\":")
          .append(100_000 + i)
          .append(",\"positionid\":1,\"item\":101,\"variation\":null,")
          .append("\"attendee_name\":\"Attendee ")
          .append(i)
          .append("\",\"addon_to\":null,\"canceled\":false}]}");
    }
    return json.append("]}").toString();
  }
}
