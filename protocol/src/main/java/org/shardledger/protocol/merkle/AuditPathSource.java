package org.shardledger.protocol.merkle;

import java.io.IOException;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;

/** A committed tree that can hand out audit paths: in memory ({@link MerkleTree}) or on disk (the prover's cache). */
public interface AuditPathSource {
  long leafCount();

  Bytes32 root();

  /** The RFC 9162 audit path of leaf {@code index}, from the leaf's sibling up. */
  List<Bytes32> auditPath(long index) throws IOException;

  /**
   * The audit path of the node {@code index} at {@code level} (level 0: the leaves) to the root, from its sibling
   * up: the path of a whole subtree, as retrieval sends with each chunk ({@link RetrievalChunks}). A level at or
   * above the root's has the root as its only node and an empty path.
   */
  List<Bytes32> nodePath(int level, long index) throws IOException;
}
