package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.crypto.Address;

/**
 * One settlement as the ledger computed it, with everything a verifier needs to recompute it besides its own view
 * of the chain's deals: the audits of every epoch it covers (the signed reports the ledger used, in ascending
 * epochs with no gap), the operators' stakes and the block they were read at, the verifier set, and the
 * resulting settlement with its slashes.
 */
public record SettlementStep(long block, Map<Address, BigInteger> stakes, VerifierSet verifiers,
    List<EpochAudits> audits, SettlementWithSlashes settlement) {
  public SettlementStep {
    stakes = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(stakes, "stakes")));
    Objects.requireNonNull(verifiers, "verifiers");
    audits = List.copyOf(audits);
    Objects.requireNonNull(settlement, "settlement");
    if (block < 0) {
      throw new IllegalArgumentException("block must not be negative");
    }
    if (audits.isEmpty()) {
      throw new IllegalArgumentException("a settlement covers at least one epoch's audits");
    }
    for (int i = 1; i < audits.size(); i++) {
      if (audits.get(i).epoch() != audits.get(i - 1).epoch() + 1) {
        throw new IllegalArgumentException("audits must cover consecutive epochs, epoch " + audits.get(i).epoch()
            + " follows " + audits.get(i - 1).epoch());
      }
    }
    if (audits.getLast().epoch() != settlement.epoch()) {
      throw new IllegalArgumentException("the audits end at epoch " + audits.getLast().epoch()
          + ", the settlement is for epoch " + settlement.epoch());
    }
    stakes.forEach((operator, stake) -> {
      if (stake.signum() < 0) {
        throw new IllegalArgumentException("negative stake for " + operator);
      }
    });
  }

  /** The first epoch this settlement covers. */
  public long fromEpoch() {
    return audits.getFirst().epoch();
  }

  /** The epoch it settles (the last it covers). */
  public long epoch() {
    return settlement.epoch();
  }
}
