package org.shardledger.node.devnet;

import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.KeyPair;

/** Who is who on the local network: {@link DevAccounts}' roles, under the names the devnet's classes use. */
final class DevnetAccounts {
  private DevnetAccounts() {}

  static KeyPair admin() {
    return DevAccounts.admin();
  }

  static KeyPair operator(int i) {
    return DevAccounts.operator(i);
  }

  static KeyPair ledger() {
    return DevAccounts.ledger();
  }

  static KeyPair owner() {
    return DevAccounts.owner();
  }

  static KeyPair verifier(int i) {
    return DevAccounts.verifier(i);
  }
}
