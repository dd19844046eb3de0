package org.shardledger.protocol.proof;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.merkle.AuditPathSource;
import org.shardledger.protocol.merkle.ShardCommitment;

/** Answers a challenge from a shard's tree and its segments. */
public final class ProofBuilder {
  private ProofBuilder() {}

  public static StorageProof build(Challenge challenge, ShardCommitment commitment, AuditPathSource tree,
      SegmentReader segments) throws IOException {
    if (tree.leafCount() != commitment.segmentCount() || !tree.root().equals(commitment.root())) {
      throw new IllegalArgumentException("the tree does not belong to commitment " + commitment.root());
    }
    long[] indices = challenge.indices(commitment.segmentCount());
    List<SegmentProof> samples = new ArrayList<>(indices.length);
    for (long index : indices) {
      samples.add(new SegmentProof(index, segments.read(index, commitment.segmentLength(index)),
          tree.auditPath(index)));
    }
    return new StorageProof(challenge.dealId(), challenge.epoch(), samples);
  }
}
