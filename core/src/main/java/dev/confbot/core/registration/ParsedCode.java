package dev.confbot.core.registration;

import dev.confbot.core.model.OrderCode;

/** What {@link OrderCodeParser} made of the typed order code. */
public sealed interface ParsedCode {

  /**
   * A well-formed order code.
   *
   * @param code the canonical order code
   * @param position the position number typed as a suffix ({@code XJ7Q2-1}), or 0 when none was
   *     given
   */
  record Valid(OrderCode code, int position) implements ParsedCode {
    public Valid {
      if (position < 0) {
        throw new IllegalArgumentException("position must be 0 (none) or more, was " + position);
      }
    }

    /** True when the attendee typed a position suffix. */
    public boolean hasPosition() {
      return position > 0;
    }

    /** True for pretix test-mode orders, whose code has {@code 0} as second character. */
    public boolean testMode() {
      return OrderCodeParser.isTestMode(code);
    }
  }

  /** Input that cannot be an order code, with the reason (used to pick the attendee message). */
  record Invalid(Reason reason) implements ParsedCode {}

  /** Why a typed code was rejected. */
  enum Reason {
    /** Nothing (or only spaces) was typed. */
    EMPTY,
    /** Fewer than 3 letters or digits. */
    TOO_SHORT,
    /** More than 16 letters or digits (or absurdly long input). */
    TOO_LONG,
    /** Characters other than letters, digits and one {@code -N} position suffix. */
    BAD_CHARACTERS,
    /** A position suffix that is not a number from 1 to 999. */
    BAD_POSITION
  }
}
