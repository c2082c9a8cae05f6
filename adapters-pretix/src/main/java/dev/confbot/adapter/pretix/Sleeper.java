package dev.confbot.adapter.pretix;

import java.time.Duration;

/** Waits; replaced in tests by one that only advances a fake clock. */
@FunctionalInterface
interface Sleeper {
  /** The real thing: {@link Thread#sleep}. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
