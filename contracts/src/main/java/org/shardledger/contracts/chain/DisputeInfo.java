package org.shardledger.contracts.chain;

import java.math.BigInteger;
import org.shardledger.protocol.crypto.Address;

/**
 * An on-chain dispute. Its samples are drawn from the hash of {@code beaconBlock} (openBlock + 1, or later when the
 * operator's answer lane was full); answers are accepted in blocks beaconBlock + 1 … beaconBlock + answerWindow.
 */
public record DisputeInfo(long id, long dealId, Address disputer, long beaconBlock, int samples, Status status,
    BigInteger bond) {

  /** The contract's DisputeStatus without None (EXPIRED: the registration it was opened against is gone). */
  public enum Status { OPEN, ANSWERED, UPHELD, EXPIRED }
}
