package org.shardledger.protocol.eip712;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;

/** A verifier's signed summary of an epoch: how many deals and the hash of its per-deal outcomes. */
public record AuditReport(long epoch, Bytes32 resultsHash, long deals) implements TypedStruct {
  public static final String TYPE = "AuditReport(uint64 epoch,bytes32 resultsHash,uint32 deals)";

  public AuditReport {
    Objects.requireNonNull(resultsHash, "resultsHash");
    if (deals < 0 || deals > 0xffff_ffffL) {
      throw new IllegalArgumentException("deals must fit a uint32: " + deals);
    }
  }

  @Override
  public String typeString() {
    return TYPE;
  }

  @Override
  public AbiWords encodeMembers() {
    return new AbiWords().uint(epoch).word(resultsHash).uint(deals);
  }
}
