package org.shardledger.contracts.chain;

import java.math.BigInteger;
import org.shardledger.protocol.crypto.Address;

/** An on-chain dispute. Answers are accepted in blocks openBlock + 2 … answerDeadlineBlock. */
public record DisputeInfo(long id, long dealId, Address disputer, long openBlock, int samples, Status status,
    BigInteger bond) {

  public enum Status { OPEN, ANSWERED, UPHELD }
}
