package org.shardledger.testkit;

import java.util.List;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.KeyPair;

/** The keys tests sign with: the local network's verifier set (dev accounts 7, 8, 9; threshold 2 where three). */
public final class TestKeys {
  /** The three verifiers of the local network, in the order the deployment lists them. */
  public static final List<KeyPair> VERIFIERS = List.of(DevAccounts.verifier(0), DevAccounts.verifier(1),
      DevAccounts.verifier(2));

  private TestKeys() {}

  /** The first {@code n} of {@link #VERIFIERS}. */
  public static List<KeyPair> verifiers(int n) {
    return VERIFIERS.subList(0, n);
  }
}
