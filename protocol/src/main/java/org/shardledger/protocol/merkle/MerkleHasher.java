package org.shardledger.protocol.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * The two RFC 9162 §2.1.1 hash functions with SHA-256: leaf = H(0x00 ‖ d), node = H(0x01 ‖ left ‖ right).
 * One instance per thread: it reuses its digest and buffers.
 */
public final class MerkleHasher {
  public static final byte LEAF_PREFIX = 0x00;
  public static final byte NODE_PREFIX = 0x01;
  /** Root of the tree with no leaves: SHA-256 of the empty string. */
  public static final Bytes32 EMPTY_ROOT = Sha256.hash(new byte[0]);

  private final MessageDigest digest = Sha256.newDigest();
  private final byte[] node = new byte[1 + 2 * Bytes32.SIZE];

  public MerkleHasher() {
    node[0] = NODE_PREFIX;
  }

  /** Writes H(0x00 ‖ data[offset, offset+length)) into out[outOffset, outOffset+32). */
  public void leaf(byte[] data, int offset, int length, byte[] out, int outOffset) {
    digest.update(LEAF_PREFIX);
    digest.update(data, offset, length);
    finish(out, outOffset);
  }

  /** Writes H(0x01 ‖ a[aOffset..+32) ‖ b[bOffset..+32)) into out[outOffset..+32); out may alias a or b. */
  public void node(byte[] a, int aOffset, byte[] b, int bOffset, byte[] out, int outOffset) {
    System.arraycopy(a, aOffset, node, 1, Bytes32.SIZE);
    System.arraycopy(b, bOffset, node, 1 + Bytes32.SIZE, Bytes32.SIZE);
    digest.update(node);
    finish(out, outOffset);
  }

  public Bytes32 leaf(Bytes segment) {
    digest.update(LEAF_PREFIX);
    segment.updateDigest(digest);
    return Bytes32.of(digest.digest());
  }

  public Bytes32 leaf(byte[] data, int offset, int length) {
    byte[] out = new byte[Bytes32.SIZE];
    leaf(data, offset, length, out, 0);
    return Bytes32.of(out);
  }

  public Bytes32 node(Bytes32 left, Bytes32 right) {
    left.copyTo(node, 1);
    right.copyTo(node, 1 + Bytes32.SIZE);
    return Bytes32.of(digest.digest(node));
  }

  private void finish(byte[] out, int outOffset) {
    try {
      digest.digest(out, outOffset, Bytes32.SIZE);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 digest did not fit 32 bytes", e);
    }
  }
}
