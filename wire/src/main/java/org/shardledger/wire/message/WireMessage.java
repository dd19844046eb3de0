package org.shardledger.wire.message;

import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.terms.OperatorTerms;

/**
 * Every message of wire protocol version 1 (docs/wire.md). Each frame carries the request id the client chose; the
 * operator echoes it in every frame of its answer. Data-carrying messages are {@link DataFrame}s (reference
 * counted, never copied).
 */
public sealed interface WireMessage permits WireMessage.Hello, WireMessage.HelloOk, WireMessage.Identify,
    WireMessage.IdentifyOk, WireMessage.UploadStart, WireMessage.UploadReady, WireMessage.UploadEnd,
    WireMessage.UploadAccepted, WireMessage.Retrieve, WireMessage.RetrieveOk, WireMessage.RetrieveChunk,
    WireMessage.ChallengeRequest, WireMessage.ProofAnswer, WireMessage.NoDataAnswer,
    WireMessage.TermsRequest, WireMessage.TermsAnswer, WireMessage.Error, DataFrame {

  int requestId();

  MessageType type();

  /** Client → operator, first frame: the versions the client speaks, the chain it means, its fresh nonce. */
  record Hello(int requestId, int minVersion, int maxVersion, long chainId, Bytes32 clientNonce)
      implements WireMessage {
    public Hello {
      Objects.requireNonNull(clientNonce, "clientNonce");
      checkU16(minVersion, "minVersion");
      checkU16(maxVersion, "maxVersion");
    }

    @Override
    public MessageType type() {
      return MessageType.HELLO;
    }
  }

  /** Operator → client: the chosen version and the operator's signature over both nonces (HelloStatement). */
  record HelloOk(int requestId, int version, long chainId, Address operator, Bytes32 serverNonce,
      Signature signature) implements WireMessage {
    public HelloOk {
      checkU16(version, "version");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(serverNonce, "serverNonce");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public MessageType type() {
      return MessageType.HELLO_OK;
    }
  }

  /** Client → operator, after HELLO_OK: "I hold this account's key" (RequesterStatement over both nonces). */
  record Identify(int requestId, Address requester, Signature signature) implements WireMessage {
    public Identify {
      Objects.requireNonNull(requester, "requester");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public MessageType type() {
      return MessageType.IDENTIFY;
    }
  }

  /** The operator checked IDENTIFY: requests on this connection now come from the requester. */
  record IdentifyOk(int requestId, Address requester) implements WireMessage {
    public IdentifyOk {
      Objects.requireNonNull(requester, "requester");
    }

    @Override
    public MessageType type() {
      return MessageType.IDENTIFY_OK;
    }
  }

  record UploadStart(int requestId, long dealId, long size) implements WireMessage {
    public UploadStart {
      nonNegative(dealId, "dealId");
      nonNegative(size, "size");
    }

    @Override
    public MessageType type() {
      return MessageType.UPLOAD_START;
    }
  }

  record UploadReady(int requestId) implements WireMessage {
    @Override
    public MessageType type() {
      return MessageType.UPLOAD_READY;
    }
  }

  record UploadEnd(int requestId) implements WireMessage {
    @Override
    public MessageType type() {
      return MessageType.UPLOAD_END;
    }
  }

  /** The shard is stored; {@code signature} is the operator's EIP-712 DealAcceptance. */
  record UploadAccepted(int requestId, long dealId, Bytes32 root, long size, Signature signature)
      implements WireMessage {
    public UploadAccepted {
      nonNegative(dealId, "dealId");
      Objects.requireNonNull(root, "root");
      nonNegative(size, "size");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public MessageType type() {
      return MessageType.UPLOAD_ACCEPTED;
    }
  }

  /**
   * The shard of {@code dealId} from chunk {@code firstChunk} on, with the owner's RetrievalTicket for the
   * connection's identified requester: {@code expiresAt} and the owner's signature.
   */
  record Retrieve(int requestId, long dealId, long firstChunk, long expiresAt, Signature ticket)
      implements WireMessage {
    public Retrieve {
      nonNegative(dealId, "dealId");
      nonNegative(firstChunk, "firstChunk");
      nonNegative(expiresAt, "expiresAt");
      Objects.requireNonNull(ticket, "ticket");
    }

    @Override
    public MessageType type() {
      return MessageType.RETRIEVE;
    }
  }

  /** Announces the shard (its size and segment size) and the chunks from {@code firstChunk} to its end. */
  record RetrieveOk(int requestId, long size, int segmentSize, long firstChunk) implements WireMessage {
    public RetrieveOk {
      nonNegative(size, "size");
      nonNegative(segmentSize, "segmentSize");
      nonNegative(firstChunk, "firstChunk");
    }

    @Override
    public MessageType type() {
      return MessageType.RETRIEVE_OK;
    }
  }

  /** Opens chunk {@code index}: its subtree's audit path to the root; its bytes follow as RETRIEVE_DATA frames. */
  record RetrieveChunk(int requestId, long index, List<Bytes32> path) implements WireMessage {
    /** No tree of 2^63 leaves needs more. */
    public static final int MAX_PATH = 64;

    public RetrieveChunk {
      nonNegative(index, "index");
      path = List.copyOf(path);
      if (path.size() > MAX_PATH) {
        throw new IllegalArgumentException("a chunk's path has at most " + MAX_PATH + " nodes, got " + path.size());
      }
    }

    @Override
    public MessageType type() {
      return MessageType.RETRIEVE_CHUNK;
    }
  }

  /** Only the deal and the epoch: the operator derives the challenge from its own view of the beacon. */
  record ChallengeRequest(int requestId, long dealId, long epoch) implements WireMessage {
    public ChallengeRequest {
      nonNegative(dealId, "dealId");
      nonNegative(epoch, "epoch");
    }

    @Override
    public MessageType type() {
      return MessageType.CHALLENGE;
    }
  }

  /** A binary storage proof (StorageProofCodec v1) and the operator's signed ProofResponse over its SHA-256. */
  record ProofAnswer(int requestId, long dealId, long epoch, Signature signature, Bytes proof)
      implements WireMessage {
    public ProofAnswer {
      nonNegative(dealId, "dealId");
      nonNegative(epoch, "epoch");
      Objects.requireNonNull(signature, "signature");
      Objects.requireNonNull(proof, "proof");
    }

    @Override
    public MessageType type() {
      return MessageType.PROOF;
    }
  }

  /** The operator's signed "I don't have it": ProofResponse with proofHash = 0x00…00. Counts as FAIL. */
  record NoDataAnswer(int requestId, long dealId, long epoch, Signature signature) implements WireMessage {
    public NoDataAnswer {
      nonNegative(dealId, "dealId");
      nonNegative(epoch, "epoch");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public MessageType type() {
      return MessageType.NO_DATA;
    }
  }

  /** Client → operator: "what deals do you accept?" (no payload). */
  record TermsRequest(int requestId) implements WireMessage {
    @Override
    public MessageType type() {
      return MessageType.TERMS;
    }
  }

  /** The operator's acceptance policy and free space, signed as EIP-712 {@code OperatorTerms}. */
  record TermsAnswer(int requestId, OperatorTerms terms, Signature signature) implements WireMessage {
    public TermsAnswer {
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public MessageType type() {
      return MessageType.TERMS_OK;
    }
  }

  record Error(int requestId, ErrorCode code, String message) implements WireMessage {
    /** Longer messages are cut to this many UTF-8 bytes on the wire. */
    public static final int MAX_MESSAGE_BYTES = 1024;

    public Error {
      Objects.requireNonNull(code, "code");
      message = message == null ? "" : message;
    }

    @Override
    public MessageType type() {
      return MessageType.ERROR;
    }
  }

  private static void nonNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
  }

  private static void checkU16(int value, String what) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException(what + " must fit a u16: " + value);
    }
  }
}
