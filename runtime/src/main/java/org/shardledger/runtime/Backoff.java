package org.shardledger.runtime;

import java.time.Duration;

/** Exponential backoff between retries: from {@code first}, doubling, capped at {@code max}; reset on success. */
public final class Backoff {
  private final Duration first;
  private final Duration max;
  private Duration next;

  public Backoff(Duration first, Duration max) {
    if (first.isNegative() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff needs 0 <= first <= max, got " + first + " and " + max);
    }
    this.first = first;
    this.max = max;
    this.next = first;
  }

  /** How long to wait before the next attempt; the wait after it doubles. */
  public synchronized Duration next() {
    Duration now = next;
    next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
    return now;
  }

  public synchronized void reset() {
    next = first;
  }
}
