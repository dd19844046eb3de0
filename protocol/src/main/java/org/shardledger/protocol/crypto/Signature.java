package org.shardledger.protocol.crypto;

import java.math.BigInteger;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * A secp256k1 ECDSA signature in Ethereum's 65-byte form r ‖ s ‖ v, with low s (as OpenZeppelin's ECDSA requires)
 * and v = 27 or 28.
 */
public record Signature(BigInteger r, BigInteger s, int v) {
  public static final int SIZE = 65;

  public Signature {
    if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0 || s.signum() <= 0 || s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new IllegalArgumentException("signature values out of range (r, s must be in [1, n), s in the low half)");
    }
    if (v != 27 && v != 28) {
      throw new IllegalArgumentException("signature v must be 27 or 28, got " + v);
    }
  }

  public static Signature fromBytes(byte[] b) {
    if (b.length != SIZE) {
      throw new IllegalArgumentException("a signature has 65 bytes (r, s, v), got " + b.length);
    }
    int v = Byte.toUnsignedInt(b[64]);
    return new Signature(new BigInteger(1, java.util.Arrays.copyOfRange(b, 0, 32)),
        new BigInteger(1, java.util.Arrays.copyOfRange(b, 32, 64)), v < 27 ? v + 27 : v);
  }

  public static Signature fromHex(String hex) {
    return fromBytes(org.shardledger.protocol.bytes.Hex.decode(hex));
  }

  public byte[] toArray() {
    byte[] out = new byte[SIZE];
    Bytes32.ofUnsigned(r).copyTo(out, 0);
    Bytes32.ofUnsigned(s).copyTo(out, 32);
    out[64] = (byte) v;
    return out;
  }

  public Bytes toBytes() {
    return Bytes.of(toArray());
  }

  public String toHex() {
    return org.shardledger.protocol.bytes.Hex.encode(toArray());
  }
}
