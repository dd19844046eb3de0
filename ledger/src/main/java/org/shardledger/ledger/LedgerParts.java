package org.shardledger.ledger;

import java.util.List;
import java.util.Objects;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.settlement.SettlementChain;
import org.shardledger.contracts.chain.BeaconRecorder;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.settlement.LedgerChain;
import org.shardledger.ledger.settlement.LedgerStores;
import org.shardledger.ledger.settlement.VerifierClient;

/**
 * What a ledger is built from, made by its factory in {@code node}: its stores, the chain mirror and the
 * settlement view over it, what it writes to the chain (settlements, beacons), the verifiers it asks to sign, and the confirmed balances
 * the chain follower keeps current.
 */
public record LedgerParts(LedgerStores stores, ChainMirror mirror, SettlementChain view, LedgerChain writer,
    BeaconRecorder.Target beacons, List<VerifierClient> verifiers, ConfirmedView confirmed) {
  public LedgerParts {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(mirror, "mirror");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(beacons, "beacons");
    Objects.requireNonNull(confirmed, "confirmed");
    verifiers = List.copyOf(verifiers);
  }
}
