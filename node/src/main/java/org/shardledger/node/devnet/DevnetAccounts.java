package org.shardledger.node.devnet;

import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * Who is who on the local network, among Anvil's ten well-known accounts: 0 deploys and runs the faucet, 1-4 are
 * the first operators, 5 is the ledger, 6 the owner, 7-9 the verifiers. Operators 5 and on have fixed
 * development keys of their own (0x5eed0005, ...), given ether for gas when the devnet starts; the operators are in
 * {@link #REGIONS} regions, round robin.
 */
final class DevnetAccounts {
  /** Most operators a devnet runs. */
  static final int MAX_OPERATORS = 12;
  /** How many regions the operators are spread over. */
  static final int REGIONS = 3;
  /** Operators 0-3 are Anvil's accounts 1-4; the rest have generated keys. */
  static final int ANVIL_OPERATORS = 4;

  private DevnetAccounts() {}

  /** Operator {@code i}'s region: region-1, region-2, region-3, region-1, ... */
  static String region(int i) {
    return "region-" + (i % REGIONS + 1);
  }

  /** Whether operator {@code i} has a generated key (not one of Anvil's funded accounts). */
  static boolean generated(int i) {
    return i >= ANVIL_OPERATORS;
  }

  static KeyPair admin() {
    return DevAccounts.key(0);
  }

  static KeyPair operator(int i) {
    if (i < 0 || i >= MAX_OPERATORS) {
      throw new IllegalArgumentException("operator " + i + " of at most " + MAX_OPERATORS);
    }
    return generated(i) ? KeyPair.fromPrivateKey(java.math.BigInteger.valueOf(0x5eed0000L + i + 1))
        : DevAccounts.key(1 + i);
  }

  /** The region of the devnet operator with this address ("?" for an address none of them has). */
  static String regionOf(org.shardledger.protocol.crypto.Address operator) {
    for (int i = 0; i < MAX_OPERATORS; i++) {
      if (operator(i).address().equals(operator)) {
        return region(i);
      }
    }
    return "?";
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
