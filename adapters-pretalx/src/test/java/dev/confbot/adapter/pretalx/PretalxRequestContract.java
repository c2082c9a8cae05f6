package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Checks requests the adapter sent (WireMock's request journal) against pretalx's OpenAPI schema:
 * each method and path must be an operation of the schema and each query parameter one that the
 * operation declares, with values from its enum where it has one ({@code expand}). Requests to
 * pages outside the REST API are named in {@link #NOT_REST_API} with the reason; anything else
 * fails.
 */
final class PretalxRequestContract {

  /** Paths the adapter may request that are not REST API operations, with the reason. */
  static final Map<Pattern, String> NOT_REST_API =
      Map.of(
          Pattern.compile("/[^/]+/schedule/export/schedule\\.json"),
          "the public frab export (docs/notifications.md); a schedule page, not part of /api/");

  private PretalxRequestContract() {}

  /** Fails with every violation of every request of the journal. */
  static void assertConforms(List<ServeEvent> journal) {
    List<String> violations = new ArrayList<>();
    for (ServeEvent event : journal) {
      violations.addAll(
          violations(
              event.getRequest().getMethod().getName(), event.getRequest().getAbsoluteUrl()));
    }
    assertThat(violations).as("requests outside pretalx's OpenAPI schema").isEmpty();
  }

  /** What is wrong with one request; empty when the schema has it. */
  static List<String> violations(String method, String absoluteUrl) {
    HttpUrl url = HttpUrl.parse(absoluteUrl);
    if (url == null) {
      return List.of(method + " " + absoluteUrl + ": not a URL");
    }
    String path = url.encodedPath();
    for (Pattern page : NOT_REST_API.keySet()) {
      if (page.matcher(path).matches()) {
        return url.querySize() == 0
            ? List.of()
            : List.of(method + " " + path + ": the frab export takes no query");
      }
    }
    Optional<PretalxOpenApi.Operation> found = PretalxOpenApi.get().operation(method, path);
    if (found.isEmpty()) {
      return List.of(method + " " + path + ": no such operation in the schema");
    }
    PretalxOpenApi.Operation operation = found.get();
    Set<String> declared = operation.queryParameters();
    List<String> violations = new ArrayList<>();
    for (String name : url.queryParameterNames()) {
      if (!declared.contains(name)) {
        violations.add(
            method + " " + operation.template() + ": undeclared query parameter " + name);
        continue;
      }
      Set<String> allowed = operation.allowedValues(name);
      if (allowed.isEmpty()) {
        continue;
      }
      for (String value : PretalxOpenApi.expandValues(url.queryParameterValues(name))) {
        if (!allowed.contains(value)) {
          violations.add(
              method + " " + operation.template() + ": " + name + "=" + value + " is not allowed");
        }
      }
    }
    return violations;
  }
}
