package dev.confbot.core.model;

/** One ticket position: the order code and the position's number within the order (1..n). */
public record PositionKey(OrderCode order, int position) {
  public PositionKey {
    if (position < 1) {
      throw new IllegalArgumentException("position must be 1 or more, was " + position);
    }
  }

  /** The printed form {@code CODE-N}. */
  @Override
  public String toString() {
    return order.value() + "-" + position;
  }
}
