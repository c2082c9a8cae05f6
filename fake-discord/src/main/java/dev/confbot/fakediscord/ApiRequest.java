package dev.confbot.fakediscord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A REST request as the route handlers see it.
 *
 * @param method HTTP method
 * @param path path relative to the API base, without query
 * @param query decoded query parameters
 * @param contentType the Content-Type header, "" when absent
 * @param body raw body bytes
 * @param auditLogReason decoded X-Audit-Log-Reason, null when absent
 */
record ApiRequest(
    String method,
    String path,
    Map<String, String> query,
    String contentType,
    byte[] body,
    @Nullable String auditLogReason) {

  /** The uploaded parts of a multipart body, empty for JSON bodies. */
  List<Multipart.Part> parts() {
    Optional<String> boundary = Multipart.boundary(contentType);
    return boundary.isPresent() ? Multipart.parse(body, boundary.get()) : List.of();
  }

  /** The JSON text: the body, or the {@code payload_json} part of a multipart body. */
  String jsonText() {
    Optional<String> boundary = Multipart.boundary(contentType);
    if (boundary.isPresent()) {
      for (Multipart.Part part : Multipart.parse(body, boundary.get())) {
        if (part.name().equals("payload_json")) {
          return part.text();
        }
      }
      return "{}";
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The uploaded files ({@code files[n]} parts). */
  List<Multipart.Part> files() {
    return parts().stream().filter(p -> p.name().startsWith("files[")).toList();
  }

  /** The JSON object body ({@code {}} when empty). */
  Json.Obj json() {
    String text = jsonText();
    return Json.parseObject(text.isBlank() ? "{}" : text);
  }

  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }
}
