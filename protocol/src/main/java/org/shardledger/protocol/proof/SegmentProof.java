package org.shardledger.protocol.proof;

import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;

/** One challenged segment with its RFC 9162 audit path (leaf's sibling first). */
public record SegmentProof(long index, Bytes segment, List<Bytes32> path) {
  public SegmentProof {
    if (index < 0) {
      throw new IllegalArgumentException("segment index must not be negative: " + index);
    }
    Objects.requireNonNull(segment, "segment");
    path = List.copyOf(path);
  }
}
