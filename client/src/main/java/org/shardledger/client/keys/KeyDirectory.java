package org.shardledger.client.keys;

import java.util.Optional;
import org.shardledger.protocol.crypto.Address;

/**
 * Where participants' X25519 public keys are published and looked up. The real one is the chain's key registry
 * (each account publishes its own key); {@link InMemoryKeyDirectory} is its twin for tests and offline use.
 */
public interface KeyDirectory {
  /** Publishes {@code own}'s public key for its account, replacing an earlier one. */
  void publish(EncryptionKey own);

  /** The key {@code account} published, or empty when it published none. */
  Optional<X25519PublicKey> lookup(Address account);
}
