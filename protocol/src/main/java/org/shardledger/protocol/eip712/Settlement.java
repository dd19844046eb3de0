package org.shardledger.protocol.eip712;

import java.math.BigInteger;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;

/** What t verifiers sign so the contract accepts an epoch's payout root. */
public record Settlement(long epoch, Bytes32 payoutRoot, BigInteger cumulativeTotal, Bytes32 slashesHash)
    implements TypedStruct {
  public static final String TYPE =
      "Settlement(uint64 epoch,bytes32 payoutRoot,uint256 cumulativeTotal,bytes32 slashesHash)";

  public Settlement {
    Objects.requireNonNull(payoutRoot, "payoutRoot");
    Objects.requireNonNull(cumulativeTotal, "cumulativeTotal");
    Objects.requireNonNull(slashesHash, "slashesHash");
  }

  @Override
  public String typeString() {
    return TYPE;
  }

  @Override
  public AbiWords encodeMembers() {
    return new AbiWords().uint(epoch).word(payoutRoot).uint(cumulativeTotal).word(slashesHash);
  }
}
