package org.shardledger.protocol.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.shardledger.protocol.bytes.Bytes32;

/** secp256k1 signing (RFC 6979 deterministic, low s) and public-key recovery, as Ethereum uses them. */
public final class Secp256k1 {
  private static final X9ECParameters CURVE_PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters CURVE = new ECDomainParameters(CURVE_PARAMS.getCurve(), CURVE_PARAMS.getG(),
      CURVE_PARAMS.getN(), CURVE_PARAMS.getH());
  public static final BigInteger N = CURVE_PARAMS.getN();
  public static final BigInteger HALF_N = N.shiftRight(1);

  private Secp256k1() {}

  /** The uncompressed public point of a private key. */
  static ECPoint publicPoint(BigInteger privateKey) {
    return new FixedPointCombMultiplier().multiply(CURVE.getG(), privateKey).normalize();
  }

  /** keccak256 of the 64-byte public point, low 20 bytes. */
  static Address addressOf(ECPoint point) {
    byte[] encoded = point.getEncoded(false);
    Bytes32 hash = Keccak256.hash(encoded, 1, 64);
    return Address.of(Arrays.copyOfRange(hash.toArray(), 12, 32));
  }

  static Signature sign(Bytes32 digest, BigInteger privateKey, Address signer) {
    ECDSASigner signer256 = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer256.init(true, new ECPrivateKeyParameters(privateKey, CURVE));
    BigInteger[] rs = signer256.generateSignature(digest.toArray());
    BigInteger r = rs[0];
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
    for (int recId = 0; recId < 2; recId++) {
      Optional<Address> recovered = recover(digest, r, s, recId);
      if (recovered.isPresent() && recovered.get().equals(signer)) {
        return new Signature(r, s, 27 + recId);
      }
    }
    throw new IllegalStateException("could not find the recovery id of a fresh signature");
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
