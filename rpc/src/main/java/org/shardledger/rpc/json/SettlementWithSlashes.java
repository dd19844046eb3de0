package org.shardledger.rpc.json;

import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.Slash;

/** A settlement and the slash list its {@code slashesHash} covers: what {@code settle} takes besides signatures. */
public record SettlementWithSlashes(Settlement settlement, List<Slash> slashes) {
  public SettlementWithSlashes {
    Objects.requireNonNull(settlement, "settlement");
    slashes = List.copyOf(slashes);
    if (!Slash.hash(slashes).equals(settlement.slashesHash())) {
      throw new IllegalArgumentException("slashesHash " + settlement.slashesHash() + " is not the hash of the "
          + slashes.size() + " slashes (" + Slash.hash(slashes) + ")");
    }
  }

  public long epoch() {
    return settlement.epoch();
  }
}
