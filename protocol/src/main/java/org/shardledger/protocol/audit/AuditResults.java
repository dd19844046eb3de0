package org.shardledger.protocol.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.shardledger.protocol.eip712.AuditReport;

/** A verifier's per-deal outcomes for one epoch, and the {@code resultsHash} its {@code AuditReport} signs. */
public final class AuditResults {
  /** abi.encode(uint256 dealId, uint8 outcome): two words. */
  private static final int RESULT_BYTES = 64;
  private static final int CHUNK_RESULTS = 1024;

  private AuditResults() {}

  /**
   * keccak256 over the results sorted by deal id, each {@code abi.encode(uint256 dealId, uint8 outcome)}
   * (64 bytes), concatenated. Rejects two results for the same deal.
   */
  public static Bytes32 hash(List<DealResult> results) {
    List<DealResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingLong(DealResult::dealId));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).dealId() == sorted.get(i - 1).dealId()) {
        throw new IllegalArgumentException("two results for deal " + sorted.get(i).dealId());
      }
    }
    return hashOfSorted(sorted);
  }

  /**
   * The same hash for results already sorted by deal id, one per deal (the caller checked), streamed through
   * keccak256 in 64 KiB chunks: a million results hash without a 64 MB buffer.
   */
  public static Bytes32 hashOfSorted(List<DealResult> sorted) {
    KeccakDigest digest = new KeccakDigest(256);
    byte[] chunk = new byte[RESULT_BYTES * CHUNK_RESULTS];
    int pos = 0;
    for (DealResult r : sorted) {
      long id = r.dealId();
      for (int i = 0; i < 8; i++) {
        chunk[pos + 31 - i] = (byte) (id >>> (8 * i));
      }
      chunk[pos + RESULT_BYTES - 1] = (byte) r.outcome().code();
      pos += RESULT_BYTES;
      if (pos == chunk.length) {
        digest.update(chunk, 0, pos);
        java.util.Arrays.fill(chunk, (byte) 0);
        pos = 0;
      }
    }
    digest.update(chunk, 0, pos);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Bytes32.of(out);
  }

  public static AuditReport report(long epoch, List<DealResult> results) {
    return new AuditReport(epoch, hash(results), results.size());
  }
}
