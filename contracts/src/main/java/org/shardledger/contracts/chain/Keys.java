package org.shardledger.contracts.chain;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;

/**
 * The key registry: each account publishes its own 32-byte X25519 public key, so that owners can seal envelopes
 * to it. Publishing again replaces the key.
 */
public final class Keys {
  private final LedgerBinding b;

  Keys(LedgerBinding binding) {
    this.b = binding;
  }

  /** Publishes the signing account's X25519 public key (not zero). */
  public TxOutcome publish(Bytes32 x25519PublicKey) throws IOException {
    if (x25519PublicKey.equals(Bytes32.ZERO)) {
      throw new IllegalArgumentException("an X25519 public key is not all zeros");
    }
    return b.sendToKeys("publish the X25519 key", b.keys.publishKey(x25519PublicKey.toArray()));
  }

  /** The key {@code account} published last, or empty if it never published one. */
  public Optional<Bytes32> keyOf(Address account) throws IOException {
    Bytes32 key = Bytes32.of(LedgerBinding.read(b.keys.keyOf(account.toHex())));
    return key.equals(Bytes32.ZERO) ? Optional.empty() : Optional.of(key);
  }
}
