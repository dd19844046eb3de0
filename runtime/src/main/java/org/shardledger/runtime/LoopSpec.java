package org.shardledger.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How one background loop runs.
 *
 * @param name the loop's thread name, and how its failures are named
 * @param pause the wait after a run that went well (a paced step may choose its own)
 * @param maxBackoff the longest wait after failures in a row; the wait doubles from {@code pause} up to it
 * @param firstDelay the wait before the first run
 * @param interruptOnStop whether stopping interrupts a run in progress (never for a loop that writes H2: an
 *     interrupt closes its file); a pause is always cut short
 */
public record LoopSpec(String name, Duration pause, Duration maxBackoff, Duration firstDelay,
    boolean interruptOnStop) {
  public LoopSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pause, "pause");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(firstDelay, "firstDelay");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a loop needs a name");
    }
    if (pause.isNegative() || firstDelay.isNegative() || maxBackoff.compareTo(pause) < 0) {
      throw new IllegalArgumentException("loop " + name + ": need 0 <= pause <= maxBackoff and firstDelay >= 0");
    }
  }

  /** Runs at once, then every {@code pause} after the run ends; failures wait {@code pause} too. */
  public static LoopSpec every(String name, Duration pause) {
    return new LoopSpec(name, pause, pause, Duration.ZERO, false);
  }

  /** Failures in a row back off, doubling from the pause up to {@code max}. */
  public LoopSpec backingOffTo(Duration max) {
    return new LoopSpec(name, pause, max, firstDelay, interruptOnStop);
  }

  public LoopSpec startingAfter(Duration delay) {
    return new LoopSpec(name, pause, maxBackoff, delay, interruptOnStop);
  }

  public LoopSpec interruptedOnStop() {
    return new LoopSpec(name, pause, maxBackoff, firstDelay, true);
  }
}
