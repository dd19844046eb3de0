package org.shardledger.protocol.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;
import org.shardledger.protocol.bytes.Bytes32;

/** Ethereum's keccak256 (the original Keccak padding, not FIPS SHA3-256). */
public final class Keccak256 {
  private Keccak256() {}

  public static Bytes32 hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  public static Bytes32 hash(byte[] data, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Bytes32.of(out);
  }

  public static Bytes32 hash(String utf8) {
    return hash(utf8.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
