package org.shardledger.client.keys;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.shardledger.protocol.crypto.Address;

/** A key directory in memory: what the chain's registry does, without the chain. */
public final class InMemoryKeyDirectory implements KeyDirectory {
  private final Map<Address, X25519PublicKey> keys = new ConcurrentHashMap<>();

  @Override
  public void publish(EncryptionKey own) {
    keys.put(own.account(), own.publicKey());
  }

  @Override
  public Optional<X25519PublicKey> lookup(Address account) {
    return Optional.ofNullable(keys.get(account));
  }
}
