package org.shardledger.contracts.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;

/** Epoch beacons: beacon(e) = the hash of epoch e's first block, recorded by anyone once. */
public final class Beacons {
  private final LedgerBinding b;

  Beacons(LedgerBinding binding) {
    this.b = binding;
  }

  /** Records beacon(e); "already recorded" counts as success. */
  public TxOutcome record(long epoch) throws IOException {
    return b.sendToLedger("record the beacon of epoch " + epoch, b.ledger.recordBeacon(BigInteger.valueOf(epoch)),
        Set.of(ContractError.BeaconAlreadyRecorded));
  }

  /** The recorded beacon of an epoch, or empty if nobody recorded it (yet). */
  public Optional<Bytes32> get(long epoch) throws IOException {
    byte[] beacon = LedgerBinding.read(b.ledger.beaconOf(BigInteger.valueOf(epoch)));
    Bytes32 value = Bytes32.of(beacon);
    return value.equals(Bytes32.ZERO) ? Optional.empty() : Optional.of(value);
  }

  public long currentEpoch() throws IOException {
    return LedgerBinding.read(b.ledger.currentEpoch()).longValueExact();
  }
}
