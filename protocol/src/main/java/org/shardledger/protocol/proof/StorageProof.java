package org.shardledger.protocol.proof;

import java.util.List;

/** An operator's answer to one challenge: the challenged segments, in challenge order, with their paths. */
public record StorageProof(long dealId, long epoch, List<SegmentProof> samples) {
  public StorageProof {
    if (dealId < 0 || epoch < 0) {
      throw new IllegalArgumentException("deal id and epoch must not be negative");
    }
    samples = List.copyOf(samples);
  }
}
