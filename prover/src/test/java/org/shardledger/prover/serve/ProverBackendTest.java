package org.shardledger.prover.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.challenge.ChallengeKind;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.ProofResponse;
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
    assertThat(refusal(f.backend.openRetrieval(9, 0, 10))).isEqualTo(ErrorCode.SHARD_CORRUPT);
  }

  @Test
  void retrievalRangesAreChecked() throws Exception {
    Deal deal = f.propose(10, 10_000);
    f.upload(deal);
    assertThat(f.backend.openRetrieval(10, 9_000, 1_000)).isInstanceOf(OperatorBackend.Range.class);
    assertThat(refusal(f.backend.openRetrieval(10, 9_000, 1_001))).isEqualTo(ErrorCode.RANGE_OUT_OF_BOUNDS);
    assertThat(refusal(f.backend.openRetrieval(10, 10_001, 0))).isEqualTo(ErrorCode.RANGE_OUT_OF_BOUNDS);
    assertThat(refusal(f.backend.openRetrieval(11, 0, 1))).isEqualTo(ErrorCode.UNKNOWN_DEAL);
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
