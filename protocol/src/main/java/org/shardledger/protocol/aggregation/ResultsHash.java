package org.shardledger.protocol.aggregation;

import java.util.List;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * {@link AuditResults#hash} of results already sorted by deal id, streamed through keccak256 in 64 KiB chunks
 * instead of one growing buffer: the same hash (a test pins it), about ten times faster for a million results.
 */
final class ResultsHash {
  private static final int WORDS_PER_RESULT = 2;
  private static final int RESULT_BYTES = 32 * WORDS_PER_RESULT;
  private static final int CHUNK_RESULTS = 1024;

  private ResultsHash() {}

  /** keccak256 of {@code abi.encode(uint256 dealId, uint8 outcome)} of each result, in the given (sorted) order. */
  static Bytes32 ofSorted(List<DealResult> sorted) {
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
        pos = 0;
      }
    }
    digest.update(chunk, 0, pos);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Bytes32.of(out);
  }
}
