package org.shardledger.node.devnet;

import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * Who is who on the local network, among Anvil's ten well-known accounts: 0 deploys and runs the faucet, 1-4 are
 * operators, 5 is the ledger, 6 the owner, 7-9 the verifiers.
 */
final class DevnetAccounts {
  private DevnetAccounts() {}

  static KeyPair admin() {
    return DevAccounts.key(0);
  }

  static KeyPair operator(int i) {
    return DevAccounts.key(1 + i);
  }

  static KeyPair ledger() {
    return DevAccounts.key(5);
  }

  static KeyPair owner() {
    return DevAccounts.key(6);
  }

  static KeyPair verifier(int i) {
    return DevAccounts.key(7 + i);
  }
}
