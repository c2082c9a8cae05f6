package dev.confbot.fakediscord;

import org.jspecify.annotations.Nullable;

/**
 * One REST request the fake received, with the status it answered.
 *
 * @param method HTTP method
 * @param path path relative to the API base, e.g. {@code guilds/1/members/2/roles/3}
 * @param query raw query string, "" when none
 * @param body the JSON body ({@code payload_json} for multipart), "" when none
 * @param auditLogReason the decoded {@code X-Audit-Log-Reason} header, null when absent
 * @param status the HTTP status the fake answered
 */
public record RecordedRequest(
    String method,
    String path,
    String query,
    String body,
    @Nullable String auditLogReason,
    int status) {

  /**
   * Whether method and path match a route pattern such as {@code "PUT
   * guilds/*\/members/*\/roles/*"}.
   */
  public boolean matches(String route) {
    return RoutePattern.parse(route).matches(method, path);
  }
}
