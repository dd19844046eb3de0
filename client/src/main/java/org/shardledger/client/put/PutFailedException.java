package org.shardledger.client.put;

import java.io.IOException;

/** A put that could not store the file; it cleaned up after itself, and the message says what it cleaned up. */
public final class PutFailedException extends IOException {
  private final String cleanedUp;

  public PutFailedException(String reason, String cleanedUp, Throwable cause) {
    super(reason + (cleanedUp.isEmpty() ? "" : "\ncleaned up: " + cleanedUp), cause);
    this.cleanedUp = cleanedUp;
  }

  public String cleanedUp() {
    return cleanedUp;
  }
}
