package org.shardledger.protocol.eip712;

import java.math.BigInteger;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;

/**
 * What t verifiers sign so the contract accepts a settlement (Settlement v2): the epochs {@code fromEpoch ..
 * epoch} it settles (the contract requires {@code fromEpoch == settledThrough}, so a settlement computed from an
 * older state cannot land), its payout root and cumulative total, and the hashes of its slashes and of the deals it
 * terminates.
 */
public record Settlement(long fromEpoch, long epoch, Bytes32 payoutRoot, BigInteger cumulativeTotal,
    Bytes32 slashesHash, Bytes32 terminationsHash) implements TypedStruct {
  public static final String TYPE = "Settlement(uint64 fromEpoch,uint64 epoch,bytes32 payoutRoot,"
      + "uint256 cumulativeTotal,bytes32 slashesHash,bytes32 terminationsHash)";

  public Settlement {
    Objects.requireNonNull(payoutRoot, "payoutRoot");
    Objects.requireNonNull(cumulativeTotal, "cumulativeTotal");
    Objects.requireNonNull(slashesHash, "slashesHash");
    Objects.requireNonNull(terminationsHash, "terminationsHash");
    if (fromEpoch < 0 || epoch < fromEpoch) {
      throw new IllegalArgumentException("a settlement covers epochs 0 <= fromEpoch <= epoch, got " + fromEpoch
          + ".." + epoch);
    }
  }

  @Override
  public String typeString() {
    return TYPE;
  }

  @Override
  public AbiWords encodeMembers() {
    return new AbiWords().uint(fromEpoch).uint(epoch).word(payoutRoot).uint(cumulativeTotal).word(slashesHash)
        .word(terminationsHash);
  }
}
