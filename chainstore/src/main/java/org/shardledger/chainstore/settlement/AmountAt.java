package org.shardledger.chainstore.settlement;

import java.math.BigInteger;
import java.util.Objects;

/** An account's cumulative amount as of the settlement of {@code epoch}. */
public record AmountAt(long epoch, BigInteger cumulative) {
  public AmountAt {
    Objects.requireNonNull(cumulative, "cumulative");
  }
}
