package org.shardledger.ledger.claims;

import java.math.BigInteger;
import java.util.Objects;
import java.util.OptionalLong;
import org.shardledger.protocol.crypto.Address;

/**
 * An account's cumulative credit as of the latest settlement ({@code epoch}, empty before the first), what it has
 * claimed on chain as of the confirmed block {@code asOfBlock}, and the difference it can still claim.
 */
public record Balance(Address account, OptionalLong epoch, BigInteger cumulative, BigInteger claimed,
    long asOfBlock) {
  public Balance {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(cumulative, "cumulative");
    Objects.requireNonNull(claimed, "claimed");
  }

  public BigInteger claimable() {
    return cumulative.subtract(claimed).max(BigInteger.ZERO);
  }
}
