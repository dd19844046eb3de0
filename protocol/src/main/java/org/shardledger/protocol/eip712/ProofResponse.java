package org.shardledger.protocol.eip712;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;

/**
 * What an operator signs with every answer to a challenge: the deal, the epoch and SHA-256 of the proof's binary
 * encoding, so nobody in between can turn an honest proof into a failed one.
 */
public record ProofResponse(long dealId, long epoch, Bytes32 proofHash) implements TypedStruct {
  public static final String TYPE = "ProofResponse(uint256 dealId,uint64 epoch,bytes32 proofHash)";

  public ProofResponse {
    Objects.requireNonNull(proofHash, "proofHash");
  }

  @Override
  public String typeString() {
    return TYPE;
  }

  @Override
  public AbiWords encodeMembers() {
    return new AbiWords().uint(dealId).uint(epoch).word(proofHash);
  }
}
