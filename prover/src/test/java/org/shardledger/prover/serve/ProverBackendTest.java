package org.shardledger.prover.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.challenge.ChallengeKind;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.ProofResponse;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.Sha256;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.protocol.proof.StorageProofCodec;
import org.shardledger.prover.ProverStatusLog.Event;
import org.shardledger.prover.TestShards;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.server.OperatorBackend;

class ProverBackendTest {
  @TempDir
  Path dir;

  private BackendFixture f;

  @BeforeEach
  void setUp() throws IOException {
    f = new BackendFixture(dir);
  }

  private static ErrorCode refusal(Object answer) {
    assertThat(answer).isInstanceOf(OperatorBackend.Refusal.class);
    return ((OperatorBackend.Refusal) answer).code();
  }

  @Test
  void goodUploadIsStoredAndAcceptedWithTheOperatorsSignature() throws Exception {
    Deal deal = f.propose(1, 300_000);
    OperatorBackend.UploadVerdict verdict = f.upload(deal);
    assertThat(verdict).isInstanceOf(OperatorBackend.Acceptance.class);
    OperatorBackend.Acceptance a = (OperatorBackend.Acceptance) verdict;
    assertThat(TestShards.DOMAIN.signer(deal.acceptance(), a.signature())).contains(TestShards.OPERATOR.address());
    assertThat(f.store.find(1)).isPresent();
    assertThat(f.status.count(Event.SHARD_STORED)).isEqualTo(1);
    assertThat(f.backend.beginUpload(1, 300_000)).as("a repeated upload is acknowledged at once")
        .isInstanceOf(OperatorBackend.Acceptance.class);
  }

  @Test
  void uploadsThatDoNotFitTheirDealAreRefused() throws Exception {
    assertThat(refusal(f.backend.beginUpload(99, 10))).isEqualTo(ErrorCode.UNKNOWN_DEAL);
    Deal deal = f.propose(2, 10_000);
    assertThat(refusal(f.backend.beginUpload(2, 10_001))).isEqualTo(ErrorCode.SIZE_MISMATCH);
    Deal foreign = TestShards.deal(3, deal.commitment(), KeyPair.fromPrivateKey(BigInteger.TEN).address());
    f.deals.put(foreign, DealStatus.PROPOSED);
    assertThat(refusal(f.backend.beginUpload(3, 10_000))).isEqualTo(ErrorCode.NOT_OUR_DEAL);
    f.deals.put(deal, DealStatus.CANCELLED);
    assertThat(refusal(f.backend.beginUpload(2, 10_000))).isEqualTo(ErrorCode.DEAL_NOT_OPEN);
    Deal huge = new Deal(4, TestShards.OWNER.address(), TestShards.OPERATOR.address(),
        new ShardCommitment(Bytes32.ZERO, 1L << 40, 1 << 20), 64, BigInteger.ONE, 1, 100);
    f.deals.put(huge, DealStatus.PROPOSED);
    assertThat(refusal(f.backend.beginUpload(4, 1L << 40))).isEqualTo(ErrorCode.DEAL_UNSUPPORTED);
    assertThat(f.status.count(Event.UPLOAD_REJECTED)).isEqualTo(5);
  }

  @Test
  void uploadOfOtherBytesIsRootMismatchAndLeavesNothing() throws Exception {
    Deal deal = f.propose(5, 50_000);
    TestShards.write(f.source(5), 50_000, 12345);
    assertThat(refusal(f.upload(deal))).isEqualTo(ErrorCode.ROOT_MISMATCH);
    assertThat(f.store.find(5)).isEmpty();
    assertThat(f.store.reservedBytes()).isZero();
  }

  @Test
  void challengeIsAnsweredWithAVerifyingProofSignedOverItsHash() throws Exception {
    Deal deal = f.propose(6, 1_000_000);
    f.upload(deal);
    f.deals.put(deal, DealStatus.ACTIVE);
    f.beacon(7);
    OperatorBackend.ChallengeAnswer answer = f.backend.answerChallenge(6, 7);
    assertThat(answer).isInstanceOf(OperatorBackend.SignedProof.class);
    OperatorBackend.SignedProof signed = (OperatorBackend.SignedProof) answer;
    byte[] encoded = signed.encodedProof().toArray();
    StorageProof proof = StorageProofCodec.decode(encoded);
    Challenge challenge = Challenge.audit(f.beacons.beacon(7).orElseThrow(), TestShards.DOMAIN.chainId(), 6, 7,
        deal.samples());
    assertThat(ProofVerifier.verify(deal.commitment(), challenge, proof).isValid()).isTrue();
    assertThat(TestShards.DOMAIN.signer(new ProofResponse(6, 7, Sha256.hash(encoded)), signed.signature()))
        .contains(TestShards.OPERATOR.address());
  }

  @Test
  void challengesTheNodeCannotAnswerHonestlyAreRefusedNotSigned() throws Exception {
    Deal deal = f.propose(7, 20_000);
    f.upload(deal);
    assertThat(refusal(f.backend.answerChallenge(7, 3))).isEqualTo(ErrorCode.BEACON_UNKNOWN);
    f.beacon(500);
    assertThat(refusal(f.backend.answerChallenge(7, 500))).isEqualTo(ErrorCode.EPOCH_OUT_OF_RANGE);
    assertThat(refusal(f.backend.answerChallenge(8, 3))).isEqualTo(ErrorCode.UNKNOWN_DEAL);
  }

  @Test
  void aCorruptedSegmentIsCaughtBeforeSigningAndAnsweredWithSignedNoData() throws Exception {
    Deal deal = f.propose(9, 64 * 4096);
    f.upload(deal);
    f.beacon(3);
    try (RandomAccessFile raf = new RandomAccessFile(f.store.find(9).orElseThrow().data().toFile(), "rw")) {
      for (long offset = 100; offset < raf.length(); offset += 4096) {
        raf.seek(offset);
        raf.write(raf.read() ^ 0xff);
      }
    }
    OperatorBackend.ChallengeAnswer answer = f.backend.answerChallenge(9, 3);
    assertThat(answer).isInstanceOf(OperatorBackend.SignedNoData.class);
    assertThat(TestShards.DOMAIN.signer(new ProofResponse(9, 3, Bytes32.ZERO),
        ((OperatorBackend.SignedNoData) answer).signature())).contains(TestShards.OPERATOR.address());
    assertThat(f.store.find(9).orElseThrow().corrupt()).isTrue();
    assertThat(f.status.count(Event.CORRUPTION_FOUND)).isEqualTo(1);
    assertThat(refusal(retrieval(9, 0, TestShards.OWNER))).isEqualTo(ErrorCode.SHARD_CORRUPT);
  }

  private static final KeyPair REQUESTER = KeyPair.fromPrivateKey(BigInteger.valueOf(0x5151));
  private static final long LATER = Instant.now().getEpochSecond() + 3600;

  private OperatorBackend.RetrievalAdmission retrieval(long dealId, long firstChunk, KeyPair signer) {
    RetrievalTicket ticket = new RetrievalTicket(dealId, REQUESTER.address(), LATER);
    return f.backend.openRetrieval(dealId, firstChunk, Optional.of(REQUESTER.address()), LATER,
        TestShards.DOMAIN.sign(ticket, signer));
  }

  @Test
  void theOwnersTicketOpensTheShardInChunksWhosePathsLeadToTheRoot() throws Exception {
    Deal deal = f.propose(10, 3 * 256 * 4096 + 10);
    f.upload(deal);
    OperatorBackend.RetrievalAdmission admission = retrieval(10, 1, TestShards.OWNER);
    assertThat(admission).isInstanceOf(OperatorBackend.Chunks.class);
    OperatorBackend.Chunks chunks = (OperatorBackend.Chunks) admission;
    assertThat(chunks.firstChunk()).isEqualTo(1);
    byte[] data = java.nio.file.Files.readAllBytes(chunks.file());
    for (long c = 0; c < RetrievalChunks.chunkCount(deal.commitment()); c++) {
      int from = (int) RetrievalChunks.offset(deal.commitment(), c);
      Bytes32 chunkRoot = new CommitmentBuilder(4096)
          .update(data, from, (int) RetrievalChunks.length(deal.commitment(), c)).finish().root();
      assertThat(RetrievalChunks.verify(deal.commitment(), c, chunkRoot, chunks.paths().path(c))).isTrue();
    }
    assertThat(refusal(retrieval(10, 4, TestShards.OWNER))).isEqualTo(ErrorCode.RANGE_OUT_OF_BOUNDS);
    assertThat(refusal(retrieval(11, 0, TestShards.OWNER))).isEqualTo(ErrorCode.UNKNOWN_DEAL);
  }

  /** The attack: a peer (another operator, say) asking for a shard without the owner's permission. */
  @Test
  void aRetrievalWithoutTheOwnersValidTicketForTheIdentifiedRequesterIsRefused() throws Exception {
    Deal deal = f.propose(12, 10_000);
    f.upload(deal);
    RetrievalTicket ticket = new RetrievalTicket(12, REQUESTER.address(), LATER);
    Signature owners = TestShards.DOMAIN.sign(ticket, TestShards.OWNER);
    assertThat(refusal(f.backend.openRetrieval(12, 0, Optional.empty(), LATER, owners)))
        .as("not identified").isEqualTo(ErrorCode.TICKET_REFUSED);
    assertThat(refusal(retrieval(12, 0, TestShards.OPERATOR))).as("signed by someone else")
        .isEqualTo(ErrorCode.TICKET_REFUSED);
    assertThat(refusal(f.backend.openRetrieval(12, 0, Optional.of(TestShards.OPERATOR.address()), LATER, owners)))
        .as("made out to another requester").isEqualTo(ErrorCode.TICKET_REFUSED);
    long past = Instant.now().getEpochSecond() - 1;
    Signature expired = TestShards.DOMAIN.sign(new RetrievalTicket(12, REQUESTER.address(), past), TestShards.OWNER);
    assertThat(refusal(f.backend.openRetrieval(12, 0, Optional.of(REQUESTER.address()), past, expired)))
        .as("expired").isEqualTo(ErrorCode.TICKET_REFUSED);
    assertThat(retrieval(12, 0, TestShards.OWNER)).isInstanceOf(OperatorBackend.Chunks.class);
  }

  @Test
  void disputeChallengesAreProvedFromTheSameStore() throws Exception {
    Deal deal = f.propose(12, 500_000);
    f.upload(deal);
    Challenge dispute = new Challenge(ChallengeKind.DISPUTE, Bytes32.ofUnsigned(0xb10c), TestShards.DOMAIN.chainId(),
        12, 3, 4);
    ShardProver.Attempt attempt = f.prover.prove(deal, dispute);
    assertThat(attempt).isInstanceOf(ShardProver.Proved.class);
    StorageProof proof = ((ShardProver.Proved) attempt).proof();
    assertThat(proof.samples()).hasSize(4);
    assertThat(ProofVerifier.verify(deal.commitment(), dispute, proof).isValid()).isTrue();
    assertThat(f.prover.prove(f.propose(13, 100), dispute)).isEqualTo(new ShardProver.NotHeld());
  }
}
