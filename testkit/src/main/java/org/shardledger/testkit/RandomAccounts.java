package org.shardledger.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;

/** Accounts drawn from a seeded {@link Random}, so a property case names everything it used by its seed. */
public final class RandomAccounts {
  private RandomAccounts() {}

  /** Twenty random bytes: an address nobody holds the key of. */
  public static Address address(Random random) {
    byte[] b = new byte[20];
    random.nextBytes(b);
    return Address.of(b);
  }

  /** {@code n} random addresses (repeats as unlikely as a hash collision). */
  public static List<Address> addresses(Random random, int n) {
    List<Address> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(address(random));
    }
    return out;
  }

  /** A key whose private scalar comes from {@code random} (a valid secp256k1 scalar: 1 to 2^255). */
  public static KeyPair key(Random random) {
    return KeyPair.fromPrivateKey(new BigInteger(255, random).add(BigInteger.ONE));
  }
}
