package dev.confbot.core.port;

import org.jspecify.annotations.Nullable;

/**
 * An outside system (pretix, pretalx, Discord, the store) could not do what was asked. Adapters
 * turn their library's exceptions into this one; its message never contains a secret.
 */
public final class GatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String system;
  private final String reason;

  public GatewayException(String system, String message, @Nullable Throwable cause) {
    super(system + ": " + message, cause);
    this.system = system;
    this.reason = message;
  }

  /** The system that failed, e.g. {@code "pretix"}. */
  public String system() {
    return system;
  }

  /** What went wrong, without the leading system name, for one-line errors. */
  public String reason() {
    return reason;
  }
}
