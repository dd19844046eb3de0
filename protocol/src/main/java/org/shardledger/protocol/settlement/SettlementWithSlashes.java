package org.shardledger.protocol.settlement;

import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.eip712.Settlement;

/**
 * A settlement with the slash list its {@code slashesHash} covers and the deal ids its {@code terminationsHash}
 * covers: what {@code settle} takes besides signatures.
 */
public record SettlementWithSlashes(Settlement settlement, List<Slash> slashes, List<Long> terminations) {
  public SettlementWithSlashes {
    Objects.requireNonNull(settlement, "settlement");
    slashes = List.copyOf(slashes);
    terminations = List.copyOf(terminations);
    if (!Terminations.hash(terminations).equals(settlement.terminationsHash())) {
      throw new IllegalArgumentException("terminationsHash " + settlement.terminationsHash() + " is not the hash of "
          + "the " + terminations.size() + " terminated deals (" + Terminations.hash(terminations) + ")");
    }
    if (!Slash.hash(slashes).equals(settlement.slashesHash())) {
      throw new IllegalArgumentException("slashesHash " + settlement.slashesHash() + " is not the hash of the "
          + slashes.size() + " slashes (" + Slash.hash(slashes) + ")");
    }
  }

  public long epoch() {
    return settlement.epoch();
  }
}
