package org.shardledger.client.put;

import java.io.IOException;

/**
 * A put refused before its first transaction, so nothing needs cleaning up: too few eligible operators for a part,
 * not enough credits for the escrow, an earlier interrupted put on the same manifest path.
 */
public final class PutRefusedException extends IOException {
  public PutRefusedException(String message) {
    super(message);
  }
}
