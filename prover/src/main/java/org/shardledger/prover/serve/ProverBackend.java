package org.shardledger.prover.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.proof.StorageProofCodec;
import org.shardledger.protocol.terms.OperatorTerms;
import org.shardledger.protocol.terms.TermsBreach;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.view.DealDirectory;
import org.shardledger.prover.view.DealView;
import org.shardledger.prover.view.EpochClock;
import org.shardledger.prover.policy.AcceptancePolicy;
import org.shardledger.prover.policy.ProposalGate;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.prover.store.StagedShard;
import org.shardledger.prover.store.StoredShard;
import org.shardledger.prover.store.TreeFile;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.WireFormat;
import org.shardledger.wire.server.OperatorBackend;

/**
 * The operator's answers to the wire server: uploads are admitted only for open deals of this operator whose size
 * is announced right and, for proposals, within the node's terms ({@link ProposalGate}); stored only if their root
 * is the deal's; challenges go to the {@link ChallengeResponder};
 * retrievals are served from the shard file. Runs on the server's work executor.
 */
public final class ProverBackend implements OperatorBackend {
  /** PROOF payload around the proof: deal id, epoch, signature. */
  private static final int PROOF_ENVELOPE = 8 + 8 + Signature.SIZE;

  private final ShardStore store;
  private final DealDirectory deals;
  private final EpochClock clock;
  private final ChallengeResponder responder;
  private final OperatorIdentity identity;
  private final ProverStatusLog status;
  private final ProposalGate gate;

  /** With the default acceptance policy for the store's capacity. */
  public ProverBackend(ShardStore store, DealDirectory deals, EpochClock clock, ChallengeResponder responder,
      OperatorIdentity identity, ProverStatusLog status) {
    this(store, deals, clock, responder, identity, status,
        new ProposalGate(AcceptancePolicy.defaults(store.capacityBytes())));
  }

  public ProverBackend(ShardStore store, DealDirectory deals, EpochClock clock, ChallengeResponder responder,
      OperatorIdentity identity, ProverStatusLog status, ProposalGate gate) {
    this.store = store;
    this.deals = deals;
    this.clock = clock;
    this.responder = responder;
    this.identity = identity;
    this.status = status;
    this.gate = gate;
  }

  /** The node's terms now, signed: its policy and the space it has free. */
  @Override
  public SignedTerms terms() {
    try {
      OperatorTerms terms = termsAt(clock.currentEpoch());
      return new SignedTerms(terms, identity.sign(terms));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OperatorTerms termsAt(long epoch) {
    return gate.policy().terms(identity.address(), store.capacityBytes() - store.usedBytes() - store.reservedBytes(),
        epoch);
  }

  @Override
  public UploadAdmission beginUpload(long dealId, long size) {
    try {
      Optional<DealView> view = deals.find(dealId);
      UploadAdmission refusal = checkUpload(dealId, size, view);
      if (refusal != null) {
        return refusal;
      }
      Deal deal = view.get().deal();
      Optional<StoredShard> held = store.find(dealId);
      if (held.isPresent() && !held.get().corrupt() && held.get().commitment().equals(deal.commitment())) {
        return acceptance(deal);
      }
      boolean proposal = view.get().status() == DealStatus.PROPOSED;
      if (proposal) {
        long now = clock.currentEpoch();
        Optional<TermsBreach> breach = gate.admit(deal, now, termsAt(now));
        if (breach.isPresent()) {
          return rejectUpload(dealId, ErrorCode.TERMS_REFUSED, breach.get().message());
        }
      }
      return switch (store.stage(deal)) {
        case ShardStore.Started started -> new Ready(new Sink(started.shard(), System.nanoTime()));
        case ShardStore.Refused r -> {
          if (r.reason() == ShardStore.Reason.NO_CAPACITY) {
            gate.release(dealId);
          }
          yield rejectUpload(dealId, r.reason() == ShardStore.Reason.NO_CAPACITY ? ErrorCode.NO_CAPACITY
              : ErrorCode.UPLOAD_IN_PROGRESS, r.detail());
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private UploadAdmission checkUpload(long dealId, long size, Optional<DealView> view) throws IOException {
    if (view.isEmpty()) {
      Optional<String> unusable = deals.unusable(dealId);
      return unusable.isPresent()
          ? rejectUpload(dealId, ErrorCode.DEAL_UNSUPPORTED, "deal " + dealId + " is unusable: " + unusable.get())
          : rejectUpload(dealId, ErrorCode.UNKNOWN_DEAL, "no deal " + dealId + " on chain");
    }
    Deal deal = view.get().deal();
    if (!deal.operator().equals(identity.address())) {
      return rejectUpload(dealId, ErrorCode.NOT_OUR_DEAL, "deal " + dealId + " is for operator " + deal.operator());
    }
    long now = clock.currentEpoch();
    if (view.get().status() == DealStatus.CANCELLED || now > deal.lastEpoch()) {
      return rejectUpload(dealId, ErrorCode.DEAL_NOT_OPEN, "deal " + dealId + " is " + view.get().status()
          + ", last epoch " + deal.lastEpoch());
    }
    if (view.get().status() == DealStatus.PROPOSED && now > deal.firstEpoch()) {
      return rejectUpload(dealId, ErrorCode.DEAL_NOT_OPEN, "proposal " + dealId + " can no longer be activated: "
          + "its activation window ended with epoch " + deal.firstEpoch() + ", now is " + now);
    }
    if (size != deal.commitment().size()) {
      return rejectUpload(dealId, ErrorCode.SIZE_MISMATCH, "deal " + dealId + " is " + deal.commitment().size()
          + " bytes, the upload announces " + size);
    }
    long worstProof = worstCaseProofBytes(deal.commitment(), deal.samples());
    if (deal.samples() > Challenge.MAX_SAMPLES || worstProof + PROOF_ENVELOPE > WireFormat.MAX_PAYLOAD) {
      return rejectUpload(dealId, ErrorCode.DEAL_UNSUPPORTED, "a proof of " + deal.samples() + " samples could take "
          + worstProof + " bytes, more than a frame holds");
    }
    return null;
  }

  /** The largest StorageProofCodec encoding a challenge of this deal can need. */
  static long worstCaseProofBytes(ShardCommitment commitment, int samples) {
    long n = commitment.segmentCount();
    int depth = n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    return 1 + 8 + 8 + 2 + (long) samples * (8 + 4 + 1 + commitment.segmentSize() + 32L * depth);
  }

  private Refusal rejectUpload(long dealId, ErrorCode code, String reason) {
    status.uploadRejected(dealId, code.name(), reason);
    return new Refusal(code, reason);
  }

  private Acceptance acceptance(Deal deal) {
    return new Acceptance(deal.commitment().root(), deal.commitment().size(), identity.sign(deal.acceptance()));
  }

  @Override
  public ChallengeAnswer answerChallenge(long dealId, long epoch) {
    try {
      Optional<StoredShard> shard = store.find(dealId);
      Optional<DealView> view = deals.find(dealId);
      if (shard.isEmpty() || view.isEmpty()) {
        status.challengeRefused(dealId, epoch, ErrorCode.UNKNOWN_DEAL.name(), "not held");
        return new Refusal(ErrorCode.UNKNOWN_DEAL, "this node holds no shard of deal " + dealId);
      }
      if (!view.get().deal().operator().equals(identity.address())) {
        return new Refusal(ErrorCode.NOT_OUR_DEAL, "deal " + dealId + " is for operator "
            + view.get().deal().operator());
      }
      return responder.answer(view.get().deal(), shard.get(), epoch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Serves a shard only to a requester that proved its key on this connection and holds the deal owner's unexpired
   * ticket for it: otherwise an operator that dropped a shard could rebuild it from its peers on demand.
   */
  @Override
  public RetrievalAdmission openRetrieval(long dealId, long firstChunk, Optional<Address> requester, long expiresAt,
      Signature ticket) {
    if (requester.isEmpty()) {
      return new Refusal(ErrorCode.TICKET_REFUSED, "retrievals are served only to a client that sent IDENTIFY");
    }
    Optional<StoredShard> held = store.find(dealId);
    if (held.isEmpty()) {
      return new Refusal(ErrorCode.UNKNOWN_DEAL, "this node holds no shard of deal " + dealId);
    }
    Optional<DealView> view;
    try {
      view = deals.find(dealId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (view.isEmpty()) {
      return new Refusal(ErrorCode.UNKNOWN_DEAL, "the chain has no usable deal " + dealId);
    }
    Optional<String> refused = new RetrievalTicket(dealId, requester.get(), expiresAt)
        .refusal(identity.domain(), ticket, view.get().deal().owner(), Instant.now().getEpochSecond());
    if (refused.isPresent()) {
      return new Refusal(ErrorCode.TICKET_REFUSED, refused.get());
    }
    StoredShard shard = held.get();
    if (shard.corrupt()) {
      return new Refusal(ErrorCode.SHARD_CORRUPT, "the shard of deal " + dealId + " is corrupted");
    }
    long chunks = RetrievalChunks.chunkCount(shard.commitment());
    if (firstChunk >= Math.max(1, chunks)) {
      return new Refusal(ErrorCode.RANGE_OUT_OF_BOUNDS, "chunk " + firstChunk + " is past the " + chunks
          + " chunks of the shard");
    }
    TreeFile tree;
    try {
      tree = TreeFile.open(shard.tree());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Chunks(shard.data(), shard.commitment(), chunk -> RetrievalChunks.path(tree, chunk), firstChunk);
  }

  /** Streams into the staged shard; on finish keeps it only if it is the deal's, and signs the acceptance. */
  private final class Sink implements UploadSink {
    private final StagedShard staged;
    private final long started;

    Sink(StagedShard staged, long started) {
      this.staged = staged;
      this.started = started;
    }

    @Override
    public void write(ByteBuffer data) throws IOException {
      staged.write(data);
    }

    @Override
    public UploadVerdict finish() throws IOException {
      Deal deal = staged.deal();
      return switch (staged.commit()) {
        case StagedShard.Stored stored -> {
          status.shardStored(deal.id(), deal.commitment().size(), deal.commitment().root(),
              Duration.ofNanos(System.nanoTime() - started));
          yield acceptance(deal);
        }
        case StagedShard.Mismatch m -> {
          forget();
          yield rejectUpload(deal.id(), m.sizeDiffers() ? ErrorCode.SIZE_MISMATCH : ErrorCode.ROOT_MISMATCH,
              m.detail());
        }
      };
    }

    @Override
    public void abort() {
      staged.abort();
      forget();
    }

    /** An upload that kept nothing no longer counts against the proposal limits (unless a shard is held). */
    private void forget() {
      if (store.find(staged.deal().id()).isEmpty()) {
        gate.release(staged.deal().id());
      }
    }
  }
}
