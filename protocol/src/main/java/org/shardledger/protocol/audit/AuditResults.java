package org.shardledger.protocol.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.eip712.AuditReport;

/** A verifier's per-deal outcomes for one epoch, and the {@code resultsHash} its {@code AuditReport} signs. */
public final class AuditResults {
  private AuditResults() {}

  /**
   * keccak256 over the results sorted by deal id, each {@code abi.encode(uint256 dealId, uint8 outcome)}
   * (64 bytes), concatenated. Rejects two results for the same deal.
   */
  public static Bytes32 hash(List<DealResult> results) {
    List<DealResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingLong(DealResult::dealId));
    AbiWords words = new AbiWords();
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0 && sorted.get(i).dealId() == sorted.get(i - 1).dealId()) {
        throw new IllegalArgumentException("two results for deal " + sorted.get(i).dealId());
      }
      words.uint(sorted.get(i).dealId()).uint(sorted.get(i).outcome().code());
    }
    return words.keccak();
  }

  public static AuditReport report(long epoch, List<DealResult> results) {
    return new AuditReport(epoch, hash(results), results.size());
  }
}
