package org.shardledger.protocol.proof;

import java.io.IOException;
import org.shardledger.protocol.bytes.Bytes;

/** Random access to a shard's segments, for building proofs. */
@FunctionalInterface
public interface SegmentReader {
  /** Reads {@code length} bytes of segment {@code index}. */
  Bytes read(long index, int length) throws IOException;
}
