package org.shardledger.chainstore.settlement;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;

/** The transaction a settlement landed in, and its block. */
public record SettlementTx(Bytes32 hash, long block) {
  public SettlementTx {
    Objects.requireNonNull(hash, "hash");
  }
}
