package org.shardledger.protocol.payout;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;

/**
 * What {@code claim(account, cumulativeAmount, proof)} takes, against the root of the latest settlement, and the
 * confirmed block the ledger's view was at when it answered.
 */
public record ClaimProof(Address account, long epoch, Bytes32 payoutRoot, BigInteger cumulativeAmount,
    List<Bytes32> proof, long asOfBlock) {
  public ClaimProof {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(payoutRoot, "payoutRoot");
    Objects.requireNonNull(cumulativeAmount, "cumulativeAmount");
    proof = List.copyOf(proof);
  }
}
