package dev.confbot.core.model;

/** pretix order states ({@code n}, {@code p}, {@code e}, {@code c}). */
public enum OrderStatus {
  PENDING,
  PAID,
  EXPIRED,
  CANCELED;

  /** Maps pretix's one-letter status; unknown letters are treated as pending (not usable). */
  public static OrderStatus fromPretix(String code) {
    switch (code) {
      case "p":
        return PAID;
      case "e":
        return EXPIRED;
      case "c":
        return CANCELED;
      default:
        return PENDING;
    }
  }
}
