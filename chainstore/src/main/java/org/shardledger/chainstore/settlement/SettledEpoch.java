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
import org.shardledger.protocol.settlement.Terminations;

/**
 * One settlement as a role keeps it: the epochs it covers ({@code fromEpoch} through the settlement's epoch, as the
 * signed settlement says), what was signed, the slashes, the deals it terminates, the escrow still held after it, how many accounts its payout tree has, the signatures
 * (a verifier: its own; a ledger: the ones it submitted) and, once known, the transaction it landed in.
 */
public record SettledEpoch(long fromEpoch, Settlement settlement, List<Slash> slashes, List<Long> terminations,
    BigInteger held, int accounts,
    Map<Address, Signature> signatures, Optional<SettlementTx> tx) {
  public SettledEpoch {
    Objects.requireNonNull(settlement, "settlement");
    slashes = List.copyOf(slashes);
    terminations = List.copyOf(terminations);
    Objects.requireNonNull(held, "held");
    signatures = Collections.unmodifiableMap(new TreeMap<>(signatures));
    Objects.requireNonNull(tx, "tx");
    if (fromEpoch != settlement.fromEpoch()) {
      throw new IllegalArgumentException("a settlement of epochs " + settlement.fromEpoch() + ".." + settlement.epoch()
          + " does not start at " + fromEpoch);
    }
    if (!Terminations.hash(terminations).equals(settlement.terminationsHash())) {
      throw new IllegalArgumentException("the terminations do not hash to the settlement's terminationsHash");
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
    return new SettledEpoch(fromEpoch, settlement, slashes, terminations, held, accounts, signatures,
        Optional.of(landed));
  }
}
