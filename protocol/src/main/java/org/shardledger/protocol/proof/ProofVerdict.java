package org.shardledger.protocol.proof;

/** What verifying a storage proof found: valid, or exactly why not. Never an exception. */
public sealed interface ProofVerdict {
  boolean isValid();

  record Valid() implements ProofVerdict {
    @Override
    public boolean isValid() {
      return true;
    }

    @Override
    public String toString() {
      return "VALID";
    }
  }

  record Invalid(Reason reason, String detail) implements ProofVerdict {
    @Override
    public boolean isValid() {
      return false;
    }

    @Override
    public String toString() {
      return "INVALID " + reason + ": " + detail;
    }
  }

  enum Reason {
    /** The proof is for another deal. */
    WRONG_DEAL,
    /** The proof is for another epoch (or dispute). */
    WRONG_EPOCH,
    /** Not as many samples as the challenge asks for. */
    WRONG_SAMPLE_COUNT,
    /** A sample is not the segment the challenge drew at its position. */
    WRONG_INDEX,
    /** A segment is not as long as the commitment says it must be. */
    WRONG_SEGMENT_LENGTH,
    /** An audit path has the wrong number of nodes for its index and the tree's size. */
    WRONG_PATH_LENGTH,
    /** An audit path does not lead from the segment to the committed root. */
    BAD_PATH
  }

  static ProofVerdict valid() {
    return new Valid();
  }

  static ProofVerdict invalid(Reason reason, String detail) {
    return new Invalid(reason, detail);
  }
}
