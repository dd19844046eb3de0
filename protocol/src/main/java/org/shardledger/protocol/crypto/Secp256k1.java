package org.shardledger.protocol.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.shardledger.protocol.bytes.Bytes32;

/** secp256k1 signing (RFC 6979 deterministic, low s) and public-key recovery, as Ethereum uses them. */
public final class Secp256k1 {
  private static final X9ECParameters CURVE_PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters CURVE = new ECDomainParameters(CURVE_PARAMS.getCurve(), CURVE_PARAMS.getG(),
      CURVE_PARAMS.getN(), CURVE_PARAMS.getH());
  public static final BigInteger N = CURVE_PARAMS.getN();
  public static final BigInteger HALF_N = N.shiftRight(1);
  private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

  private Secp256k1() {}

  /** The uncompressed public point of a private key. */
  static ECPoint publicPoint(BigInteger privateKey) {
    return BASE_MULTIPLIER.multiply(CURVE.getG(), privateKey).normalize();
  }

  /** keccak256 of the 64-byte public point, low 20 bytes. */
  static Address addressOf(ECPoint point) {
    byte[] encoded = point.getEncoded(false);
    Bytes32 hash = Keccak256.hash(encoded, 1, 64);
    return Address.of(Arrays.copyOfRange(hash.toArray(), 12, 32));
  }

  /**
   * ECDSA over {@code digest} with the RFC 6979 nonce (HMAC-SHA256), low s, and v from R itself: R = kG is computed
   * here, so its y parity gives the recovery id (flipped when s is replaced by n − s), and no public-key recovery is
   * needed to find v. r and s are exactly BouncyCastle's {@code ECDSASigner} with the same nonce. A nonce whose R has
   * x ≥ n (probability ~2⁻¹²⁸) would need a recovery id Ethereum cannot express; the next RFC 6979 nonce is taken.
   */
  static Signature sign(Bytes32 digest, BigInteger privateKey) {
    byte[] message = digest.toArray();
    BigInteger e = new BigInteger(1, message);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, privateKey, message);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint bigR = BASE_MULTIPLIER.multiply(CURVE.getG(), k).normalize();
      BigInteger x = bigR.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      if (r.signum() == 0 || x.compareTo(N) >= 0) {
        continue;
      }
      BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(privateKey.multiply(r))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recId = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s);
        recId ^= 1;
      }
      return new Signature(r, s, 27 + recId);
    }
  }

  /** The address that made {@code signature} over {@code digest}, or empty when none can be recovered. */
  public static Optional<Address> recover(Bytes32 digest, Signature signature) {
    return recover(digest, signature.r(), signature.s(), signature.v() - 27);
  }

  private static Optional<Address> recover(Bytes32 digest, BigInteger r, BigInteger s, int recId) {
    BigInteger p = CURVE_PARAMS.getCurve().getField().getCharacteristic();
    if (r.compareTo(p) >= 0) {
      return Optional.empty();
    }
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (recId == 1 ? 0x03 : 0x02);
    Bytes32.ofUnsigned(r).copyTo(compressed, 1);
    ECPoint bigR;
    try {
      bigR = CURVE.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!bigR.multiply(N).isInfinity()) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, digest.toArray());
    BigInteger rInv = r.modInverse(N);
    BigInteger eInvRInv = N.subtract(e).multiply(rInv).mod(N);
    BigInteger sRInv = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), eInvRInv, bigR, sRInv).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(addressOf(q));
  }
}
