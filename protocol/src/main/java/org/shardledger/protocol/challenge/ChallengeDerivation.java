package org.shardledger.protocol.challenge;

import java.math.BigInteger;
import java.security.MessageDigest;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.Sha256;

/**
 * The pinned index rule: x_j = uint256(sha256(abi.encode(TAG, beacon, chainId, dealId, epoch, j))) for
 * j = 0, 1, 2, …; x_j is accepted when x_j &lt; n·⌊2²⁵⁶/n⌋ (so that x_j mod n is exactly uniform) and yields
 * index x_j mod n; the first {@code samples} accepted indices are the challenge, repeats allowed.
 */
final class ChallengeDerivation {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final int WORD = Bytes32.SIZE;

  private ChallengeDerivation() {}

  static long[] indices(Challenge c, long segments) {
    if (segments < 0) {
      throw new IllegalArgumentException("segment count must not be negative: " + segments);
    }
    if (segments == 0) {
      return new long[0];
    }
    BigInteger n = BigInteger.valueOf(segments);
    BigInteger limit = TWO_256.divide(n).multiply(n);
    byte[] preimage = new byte[6 * WORD];
    c.kind().tag().copyTo(preimage, 0);
    c.beacon().copyTo(preimage, WORD);
    Bytes32.ofUnsigned(c.chainId()).copyTo(preimage, 2 * WORD);
    Bytes32.ofUnsigned(c.dealId()).copyTo(preimage, 3 * WORD);
    Bytes32.ofUnsigned(c.epoch()).copyTo(preimage, 4 * WORD);
    MessageDigest sha = Sha256.newDigest();
    long[] out = new long[c.samples()];
    int accepted = 0;
    for (long j = 0; accepted < out.length; j++) {
      Bytes32.ofUnsigned(j).copyTo(preimage, 5 * WORD);
      BigInteger x = new BigInteger(1, sha.digest(preimage));
      if (x.compareTo(limit) < 0) {
        out[accepted++] = x.mod(n).longValueExact();
      }
    }
    return out;
  }
}
