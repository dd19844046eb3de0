package org.shardledger.node.owner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.keys.KeyDirectory;
import org.shardledger.client.keys.X25519PublicKey;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.Keys;
import org.shardledger.protocol.crypto.Address;

/** The client's key directory over the chain's key registry: publishing is a transaction, a lookup a call. */
public final class ChainKeyDirectory implements KeyDirectory {
  private final Keys keys;
  private final Address signer;

  /** {@code signer} is the account {@code chain} signs with; only its own key can be published. */
  public ChainKeyDirectory(Chain chain, Address signer) {
    this.keys = chain.keys();
    this.signer = signer;
  }

  @Override
  public void publish(EncryptionKey own) {
    if (!own.account().equals(signer)) {
      throw new IllegalArgumentException("the chain signs as " + signer + "; it cannot publish the key of "
          + own.account());
    }
    try {
      keys.publish(own.publicKey().value()).mined();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the key: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<X25519PublicKey> lookup(Address account) {
    try {
      return keys.keyOf(account).map(X25519PublicKey::new);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key registry: " + e.getMessage(), e);
    }
  }
}
