package org.shardledger.ledger.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.DealResult;

/** A report's results as stored: 9 bytes each, the deal id (big-endian) then the outcome's code. */
final class ResultsBlob {
  private static final int BYTES = 9;

  private ResultsBlob() {}

  static byte[] encode(List<DealResult> results) {
    ByteBuffer out = ByteBuffer.allocate(BYTES * results.size());
    for (DealResult r : results) {
      out.putLong(r.dealId()).put((byte) r.outcome().code());
    }
    return out.array();
  }

  static List<DealResult> decode(byte[] blob) {
    if (blob.length % BYTES != 0) {
      throw new IllegalStateException("a stored results blob of " + blob.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(blob);
    List<DealResult> out = new ArrayList<>(blob.length / BYTES);
    while (in.hasRemaining()) {
      out.add(new DealResult(in.getLong(), AuditOutcome.ofCode(in.get())));
    }
    return out;
  }
}
