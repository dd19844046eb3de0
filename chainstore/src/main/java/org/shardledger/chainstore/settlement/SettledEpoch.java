package org.shardledger.chainstore.settlement;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.Slash;

/**
 * One settlement as a role keeps it: the epochs it covers ({@code fromEpoch} through the settlement's epoch), what
 * was signed, the slashes, the escrow still held after it, how many accounts its payout tree has, the signatures
 * (a verifier: its own; a ledger: the ones it submitted) and, once known, the transaction it landed in.
 */
public record SettledEpoch(long fromEpoch, Settlement settlement, List<Slash> slashes, BigInteger held, int accounts,
    Map<Address, Signature> signatures, Optional<SettlementTx> tx) {
  public SettledEpoch {
    Objects.requireNonNull(settlement, "settlement");
    slashes = List.copyOf(slashes);
    Objects.requireNonNull(held, "held");
    signatures = Collections.unmodifiableMap(new TreeMap<>(signatures));
    Objects.requireNonNull(tx, "tx");
    if (fromEpoch < 0 || fromEpoch > settlement.epoch()) {
      throw new IllegalArgumentException("a settlement of epoch " + settlement.epoch() + " cannot start at "
          + fromEpoch);
    }
    if (!Slash.hash(slashes).equals(settlement.slashesHash())) {
      throw new IllegalArgumentException("the slashes do not hash to the settlement's slashesHash");
    }
  }

  public long epoch() {
    return settlement.epoch();
  }

  public boolean covers(long epoch) {
    return epoch >= fromEpoch && epoch <= settlement.epoch();
  }

  public SettledEpoch withTx(SettlementTx landed) {
    return new SettledEpoch(fromEpoch, settlement, slashes, held, accounts, signatures, Optional.of(landed));
  }
}
