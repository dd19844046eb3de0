package org.shardledger.protocol.settlement;

import java.math.BigInteger;

/** The ledger's money unit: a credit has 18 decimals, and every amount on chain and in a deal is in base units. */
public final class Credits {
  /** Base units in one credit: 10^18. */
  public static final BigInteger BASE_UNITS_PER_CREDIT = BigInteger.TEN.pow(18);

  private Credits() {
  }

  /** {@code whole} credits in base units. */
  public static BigInteger of(long whole) {
    return BigInteger.valueOf(whole).multiply(BASE_UNITS_PER_CREDIT);
  }
}
