package org.shardledger.protocol.eip712;

import java.math.BigInteger;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;

/** The operator's acceptance of a deal after it checked the uploaded shard against the root. */
public record DealAcceptance(long dealId, Bytes32 root, long size, long firstEpoch, long lastEpoch,
    BigInteger pricePerEpoch) implements TypedStruct {
  public static final String TYPE = "DealAcceptance(uint256 dealId,bytes32 root,uint64 size,uint64 firstEpoch,"
      + "uint64 lastEpoch,uint256 pricePerEpoch)";

  public DealAcceptance {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(pricePerEpoch, "pricePerEpoch");
  }

  @Override
  public String typeString() {
    return TYPE;
  }

  @Override
  public AbiWords encodeMembers() {
    return new AbiWords().uint(dealId).word(root).uint(size).uint(firstEpoch).uint(lastEpoch).uint(pricePerEpoch);
  }
}
