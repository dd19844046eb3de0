package org.shardledger.protocol.proof;

import static org.shardledger.protocol.proof.ProofVerdict.Reason.BAD_PATH;
import static org.shardledger.protocol.proof.ProofVerdict.Reason.WRONG_DEAL;
import static org.shardledger.protocol.proof.ProofVerdict.Reason.WRONG_EPOCH;
import static org.shardledger.protocol.proof.ProofVerdict.Reason.WRONG_INDEX;
import static org.shardledger.protocol.proof.ProofVerdict.Reason.WRONG_PATH_LENGTH;
import static org.shardledger.protocol.proof.ProofVerdict.Reason.WRONG_SAMPLE_COUNT;
import static org.shardledger.protocol.proof.ProofVerdict.Reason.WRONG_SEGMENT_LENGTH;

import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.merkle.AuditPath;
import org.shardledger.protocol.merkle.MerkleHasher;
import org.shardledger.protocol.merkle.ShardCommitment;

/** Checks a storage proof against a commitment and a challenge. Bad input yields a verdict, never an exception. */
public final class ProofVerifier {
  private ProofVerifier() {}

  public static ProofVerdict verify(ShardCommitment commitment, Challenge challenge, StorageProof proof) {
    if (proof.dealId() != challenge.dealId()) {
      return ProofVerdict.invalid(WRONG_DEAL, "proof is for deal " + proof.dealId() + ", challenge for deal "
          + challenge.dealId());
    }
    if (proof.epoch() != challenge.epoch()) {
      return ProofVerdict.invalid(WRONG_EPOCH, "proof is for epoch " + proof.epoch() + ", challenge for epoch "
          + challenge.epoch());
    }
    long segments = commitment.segmentCount();
    long[] expected = challenge.indices(segments);
    if (proof.samples().size() != expected.length) {
      return ProofVerdict.invalid(WRONG_SAMPLE_COUNT, "challenge asks for " + expected.length + " samples, proof has "
          + proof.samples().size());
    }
    for (int i = 0; i < expected.length; i++) {
      SegmentProof sample = proof.samples().get(i);
      if (sample.index() != expected[i]) {
        return ProofVerdict.invalid(WRONG_INDEX, "sample " + i + " is segment " + sample.index()
            + ", the challenge drew segment " + expected[i]);
      }
      ProofVerdict verdict = verifySegment(commitment, sample);
      if (verdict instanceof ProofVerdict.Invalid invalid) {
        return ProofVerdict.invalid(invalid.reason(), "sample " + i + ": " + invalid.detail());
      }
    }
    return ProofVerdict.valid();
  }

  /**
   * Checks one segment against the commitment alone, as the contract does for a dispute answer: the index lies in
   * the shard, the segment has the committed length, the path has the right length and leads to the root.
   */
  public static ProofVerdict verifySegment(ShardCommitment commitment, SegmentProof sample) {
    long segments = commitment.segmentCount();
    if (sample.index() >= segments) {
      return ProofVerdict.invalid(WRONG_INDEX, "segment " + sample.index() + " lies beyond the shard's " + segments
          + " segments");
    }
    int length = commitment.segmentLength(sample.index());
    if (sample.segment().length() != length) {
      return ProofVerdict.invalid(WRONG_SEGMENT_LENGTH, "segment " + sample.index() + " has "
          + sample.segment().length() + " bytes, the commitment says " + length);
    }
    int pathLength = AuditPath.expectedLength(sample.index(), segments);
    if (sample.path().size() != pathLength) {
      return ProofVerdict.invalid(WRONG_PATH_LENGTH, "segment " + sample.index() + " has a path of "
          + sample.path().size() + " nodes, a tree of " + segments + " leaves needs " + pathLength);
    }
    if (!AuditPath.verify(commitment.root(), sample.index(), segments, new MerkleHasher().leaf(sample.segment()),
        sample.path())) {
      return ProofVerdict.invalid(BAD_PATH, "segment " + sample.index() + ": the path does not lead to root "
          + commitment.root());
    }
    return ProofVerdict.valid();
  }
}
