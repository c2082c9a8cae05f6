package dev.confbot.fakediscord;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A Discord JSON error answer ({@code {"code": …, "message": …}}) thrown by a route handler. */
final class DiscordError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int code;
  private final @Nullable Map<String, @Nullable Object> errors;

  DiscordError(int status, int code, String message) {
    this(status, code, message, null);
  }

  DiscordError(
      int status, int code, String message, @Nullable Map<String, @Nullable Object> errors) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }

  static DiscordError invalidBody(String detail) {
    return new DiscordError(
        400,
        50035,
        "Invalid Form Body",
        Json.map(
            "_errors",
            java.util.List.of(Json.map("code", "BASE_TYPE_INVALID", "message", detail))));
  }

  static DiscordError unknown(int code, String what) {
    return new DiscordError(404, code, "Unknown " + what);
  }

  static DiscordError missingPermissions() {
    return new DiscordError(403, 50013, "Missing Permissions");
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }

  /** The JSON body Discord would send for this error. */
  String body() {
    Map<String, @Nullable Object> body = Json.map("message", getMessage(), "code", code);
    if (errors != null) {
      body.put("errors", errors);
    }
    return Json.write(body);
  }
}
