package org.shardledger.wire.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.terms.OperatorTerms;
import org.shardledger.wire.message.ErrorCode;

/**
 * What the wire server asks of the operator's node. Every method is called on the server's work executor, never on
 * an event loop, and may block on disk or on the chain. Expected refusals are values ({@link Refusal}), not
 * exceptions; an exception is answered with {@link ErrorCode#INTERNAL}.
 */
public interface OperatorBackend {
  UploadAdmission beginUpload(long dealId, long size);

  ChallengeAnswer answerChallenge(long dealId, long epoch);

  /**
   * RETRIEVE: serve the shard of {@code dealId} from {@code firstChunk} on only to an identified {@code requester}
   * holding the deal owner's {@code RetrievalTicket(dealId, requester, expiresAt)} signature.
   */
  RetrievalAdmission openRetrieval(long dealId, long firstChunk, Optional<Address> requester, long expiresAt,
      Signature ticket);

  /** The answer to TERMS: the node's acceptance policy and free space now, signed with the operator's key. */
  SignedTerms terms();

  record SignedTerms(OperatorTerms terms, Signature signature) {
    public SignedTerms {
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(signature, "signature");
    }
  }

  /** The answer to UPLOAD_START. */
  sealed interface UploadAdmission permits Ready, Acceptance, Refusal {}

  /** The answer to UPLOAD_END. */
  sealed interface UploadVerdict permits Acceptance, Refusal {}

  /** The answer to CHALLENGE. */
  sealed interface ChallengeAnswer permits SignedProof, SignedNoData, Refusal {}

  /** The answer to RETRIEVE. */
  sealed interface RetrievalAdmission permits Chunks, Refusal {}

  /** Send the shard's bytes into {@code sink}. */
  record Ready(UploadSink sink) implements UploadAdmission {
    public Ready {
      Objects.requireNonNull(sink, "sink");
    }
  }

  /** The shard is stored; {@code signature} is the operator's DealAcceptance (also for a repeated upload). */
  record Acceptance(Bytes32 root, long size, Signature signature) implements UploadAdmission, UploadVerdict {
    public Acceptance {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(signature, "signature");
    }
  }

  record SignedProof(Bytes encodedProof, Signature signature) implements ChallengeAnswer {
    public SignedProof {
      Objects.requireNonNull(encodedProof, "encodedProof");
      Objects.requireNonNull(signature, "signature");
    }
  }

  /** A ProofResponse with proofHash 0x00…00, signed: the node knows it lost or corrupted the shard. */
  record SignedNoData(Signature signature) implements ChallengeAnswer {
    public SignedNoData {
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * The shard in {@code file}, to be sent from chunk {@code firstChunk} to its end (RetrievalChunks), each chunk
   * after its path from {@code paths}; the bytes go from the page cache without a copy.
   */
  record Chunks(Path file, ShardCommitment commitment, ChunkPaths paths, long firstChunk)
      implements RetrievalAdmission {
    public Chunks {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(commitment, "commitment");
      Objects.requireNonNull(paths, "paths");
      if (firstChunk < 0 || firstChunk >= Math.max(1, RetrievalChunks.chunkCount(commitment))) {
        throw new IllegalArgumentException("chunk " + firstChunk + " of " + RetrievalChunks.chunkCount(commitment));
      }
    }
  }

  /** The subtree path of each chunk of a shard: reads of the tree cache, cheap enough for the event loop. */
  @FunctionalInterface
  interface ChunkPaths {
    List<Bytes32> path(long chunk) throws IOException;
  }

  record Refusal(ErrorCode code, String message) implements UploadAdmission, UploadVerdict, ChallengeAnswer,
      RetrievalAdmission {
    public Refusal {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Where an admitted upload goes. Called from one thread at a time, in order. */
  interface UploadSink {
    void write(ByteBuffer data) throws IOException;

    /** All bytes are in: check them against the deal, keep or drop them. */
    UploadVerdict finish() throws IOException;

    /** The upload will not finish (the peer left, or broke the protocol): drop everything. Never throws. */
    void abort();
  }
}
