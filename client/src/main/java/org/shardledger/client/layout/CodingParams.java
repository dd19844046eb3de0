package org.shardledger.client.layout;

import org.shardledger.client.coding.ReedSolomon;

/**
 * How one part is coded: k data shards, m parity shards, and the share size (bytes of each shard per stripe). A
 * stripe holds k × shareSize bytes of the part's ciphertext.
 */
public record CodingParams(int dataShards, int parityShards, int shareSize) {
  public static final int SHARE_ALIGNMENT = 4096;
  public static final int DEFAULT_SHARE_SIZE = 64 * 1024;
  /** At most 256 KiB: the writer's two stripes of 256 shares then stay within 128 MiB; the default is far below. */
  public static final int MAX_SHARE_SIZE = 256 * 1024;
  /** Parts with less plaintext than this use k = 1 (DESIGN.md "File layout"). */
  public static final long SMALL_PART = 1 << 20;

  public CodingParams {
    ReedSolomon.check(dataShards, parityShards);
    if (shareSize < SHARE_ALIGNMENT || shareSize > MAX_SHARE_SIZE || shareSize % SHARE_ALIGNMENT != 0) {
      throw new IllegalArgumentException("share size must be a multiple of " + SHARE_ALIGNMENT + " between "
          + SHARE_ALIGNMENT + " and " + MAX_SHARE_SIZE + " bytes, got " + shareSize);
    }
  }

  /**
   * The pinned choice for a part of this many plaintext bytes: parts under 1 MiB use k = 1 (m kept); the share size
   * is 64 KiB, or for a part whose ciphertext fits in fewer bytes per data shard, the smallest multiple of 4096 that
   * holds it (with an allowance for the encryption's header and tags), so a small part is not padded to 64 KiB.
   */
  public static CodingParams forPart(long plaintextLength, int dataShards, int parityShards) {
    if (plaintextLength < 0) {
      throw new IllegalArgumentException("part length must not be negative: " + plaintextLength);
    }
    ReedSolomon.check(dataShards, parityShards);
    int k = plaintextLength < SMALL_PART ? 1 : dataShards;
    long perShard = ceilDiv(expectedCiphertext(plaintextLength), k);
    long aligned = Math.max(SHARE_ALIGNMENT, ceilDiv(perShard, SHARE_ALIGNMENT) * SHARE_ALIGNMENT);
    return new CodingParams(k, parityShards, (int) Math.min(DEFAULT_SHARE_SIZE, aligned));
  }

  /**
   * An upper bound for the streaming ciphertext of {@code plaintext} bytes: Tink's AES-GCM-HKDF adds a 40-byte header
   * and a 16-byte tag per 256 KiB segment; 64 bytes plus 1/8192 covers both with room to spare.
   */
  static long expectedCiphertext(long plaintext) {
    return plaintext + plaintext / 8192 + 64;
  }

  /** Bytes of ciphertext in one stripe: k × shareSize. */
  public long stripeDataSize() {
    return (long) dataShards * shareSize;
  }

  public int totalShards() {
    return dataShards + parityShards;
  }

  /** Stripes for a part of this much ciphertext: at least one, so every shard has at least one share. */
  public long stripes(long ciphertextLength) {
    if (ciphertextLength < 0) {
      throw new IllegalArgumentException("ciphertext length must not be negative: " + ciphertextLength);
    }
    return Math.max(1, ceilDiv(ciphertextLength, stripeDataSize()));
  }

  /** Bytes of each shard of a part of this much ciphertext. */
  public long shardSize(long ciphertextLength) {
    return stripes(ciphertextLength) * shareSize;
  }

  /** Bytes of all k + m shards of a part of this much ciphertext: what the disk must hold before writing. */
  public long encodedSize(long ciphertextLength) {
    return shardSize(ciphertextLength) * totalShards();
  }

  private static long ceilDiv(long a, long b) {
    return a == 0 ? 0 : (a - 1) / b + 1;
  }
}
