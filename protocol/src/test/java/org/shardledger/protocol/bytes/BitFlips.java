package org.shardledger.protocol.bytes;

/** Tampering for tests: one bit of a value flipped. */
public final class BitFlips {
  private BitFlips() {}

  public static Bytes32 flip(Bytes32 value, int bit) {
    byte[] b = value.toArray();
    b[bit / 8] ^= (byte) (1 << (bit % 8));
    return Bytes32.of(b);
  }
}
