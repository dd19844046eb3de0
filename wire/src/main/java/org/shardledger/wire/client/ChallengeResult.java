package org.shardledger.wire.client;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.ProofResponse;
import org.shardledger.protocol.merkle.Sha256;
import org.shardledger.protocol.proof.MalformedProofException;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.protocol.proof.StorageProofCodec;

/** What a challenge came to. The signatures of {@link Proof} and {@link NoData} were checked against the operator. */
public sealed interface ChallengeResult permits ChallengeResult.Proof, ChallengeResult.NoData, Failure {

  /**
   * A proof signed by the operator: {@code signature} is its EIP-712 ProofResponse over SHA-256 of exactly these
   * bytes. Whether the proof is valid is the verifier's call (it may not even decode: a signed FAIL).
   */
  record Proof(long dealId, long epoch, Bytes encoded, Signature signature) implements ChallengeResult {
    public Proof {
      Objects.requireNonNull(encoded, "encoded");
      Objects.requireNonNull(signature, "signature");
    }

    /** What the operator signed. */
    public ProofResponse response() {
      return new ProofResponse(dealId, epoch, Sha256.hash(encoded.toArray()));
    }

    public StorageProof decode() throws MalformedProofException {
      return StorageProofCodec.decode(encoded.toArray());
    }
  }

  /** The operator's signed "I don't have it" (proofHash = 0x00…00): counts as FAIL. */
  record NoData(long dealId, long epoch, Signature signature) implements ChallengeResult {
    public NoData {
      Objects.requireNonNull(signature, "signature");
    }

    public ProofResponse response() {
      return new ProofResponse(dealId, epoch, Bytes32.ZERO);
    }
  }
}
