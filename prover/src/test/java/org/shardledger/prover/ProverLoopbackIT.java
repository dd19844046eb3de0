package org.shardledger.prover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.prover.view.InMemoryBeaconSource;
import org.shardledger.prover.view.InMemoryDealDirectory;
import org.shardledger.prover.view.ManualEpochClock;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.Failure;
import org.shardledger.wire.client.OperatorClient;
import org.shardledger.wire.client.RetrieveResult;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.WireClient;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.MessageType;
import org.shardledger.wire.message.WireMessage;

/** A whole node on 127.0.0.1 with in-memory chain views, driven by the real client and by raw sockets. */
class ProverLoopbackIT {
  private static final long MIB = 1 << 20;

  @TempDir
  static Path dir;

  private static final InMemoryDealDirectory deals = new InMemoryDealDirectory();
  private static final InMemoryBeaconSource beacons = new InMemoryBeaconSource();
  private static ProverNode node;
  private static WireClient client;
  private static OperatorClient operator;
  private static InetSocketAddress address;

  @BeforeAll
  static void start() throws Exception {
    ProverConfig config = ProverConfig.defaults(dir.resolve("node"), 1L << 40).withListen("127.0.0.1", 0)
        .withScrub(1L << 30, Duration.ofHours(1));
    node = new ProverNode(config, TestShards.IDENTITY, deals, beacons, new ManualEpochClock(1),
        new ProverStatusLog());
    address = node.start();
    client = new WireClient(ClientSettings.defaults(TestShards.DOMAIN), TestShards.OWNER);
    operator = client.operator(address, TestShards.OPERATOR.address());
  }

  @AfterAll
  static void stop() {
    client.close();
    node.close();
  }

  private static Deal propose(long id, long size) throws IOException {
    Path file = TestShards.write(dir.resolve("src-" + id), size, id);
    Deal deal = TestShards.deal(id, TestShards.commit(file, 4096));
    deals.put(deal, DealStatus.PROPOSED);
    return deal;
  }

  private static void assertStillServing() throws Exception {
    Deal deal = propose(900 + System.nanoTime() % 1000, 10_000);
    assertThat(operator.upload(deal, dir.resolve("src-" + deal.id())).get())
        .isInstanceOf(UploadResult.Accepted.class);
  }

  private static void assertNothingStaged() throws IOException {
    try (var staged = Files.list(dir.resolve("node/staging"))) {
      assertThat(staged.toList()).isEmpty();
    }
  }

  @Test
  void hundredMibShardGoesUpAndComesBackByteIdentical() throws Exception {
    Deal deal = propose(1, 100 * MIB);
    UploadResult up = operator.upload(deal, dir.resolve("src-1")).get();
    assertThat(up).isInstanceOf(UploadResult.Accepted.class);
    assertThat(TestShards.DOMAIN.signer(deal.acceptance(), ((UploadResult.Accepted) up).signature()))
        .contains(TestShards.OPERATOR.address());
    Path back = dir.resolve("back-1");
    RetrievalTicket ticket = TestShards.ownersTicket(1);
    assertThat(operator.retrieve(1, deal.commitment(), 0, ticket, TestShards.signedByOwner(ticket), back).get())
        .isEqualTo(new RetrieveResult.Retrieved(100 * MIB));
    assertThat(Files.mismatch(back, dir.resolve("src-1"))).isEqualTo(-1);
    assertNothingStaged();
  }

  @Test
  void challengeIsAnsweredWithASignedProofThatVerifies() throws Exception {
    Deal deal = propose(2, 3 * MIB + 123);
    operator.upload(deal, dir.resolve("src-2")).get();
    deals.put(deal, DealStatus.ACTIVE);
    Bytes32 beacon = Bytes32.fromHex("0x8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63");
    beacons.record(9, beacon);
    ChallengeResult result = operator.challenge(2, 9).get();
    assertThat(result).isInstanceOf(ChallengeResult.Proof.class);
    ChallengeResult.Proof proof = (ChallengeResult.Proof) result;
    Challenge challenge = Challenge.audit(beacon, TestShards.DOMAIN.chainId(), 2, 9, deal.samples());
    assertThat(ProofVerifier.verify(deal.commitment(), challenge, proof.decode()).isValid()).isTrue();
    assertThat(TestShards.DOMAIN.signer(proof.response(), proof.signature()))
        .contains(TestShards.OPERATOR.address());
  }

  @Test
  void challengeForADealTheNodeDoesNotHoldIsAnErrorNotAProof() throws Exception {
    assertThat(operator.challenge(12345, 9).get()).isInstanceOf(Failure.Rejected.class)
        .extracting(r -> ((Failure.Rejected) r).code()).isEqualTo(ErrorCode.UNKNOWN_DEAL);
  }

  @Test
  void uploadThatDoesNotMatchItsDealIsRejectedAndNothingStays() throws Exception {
    Deal deal = propose(3, 2 * MIB);
    Path other = TestShards.write(dir.resolve("other-3"), 2 * MIB, 999);
    assertThat(operator.upload(deal, other).get()).isInstanceOf(Failure.Rejected.class)
        .extracting(r -> ((Failure.Rejected) r).code()).isEqualTo(ErrorCode.ROOT_MISMATCH);
    assertThat(node.store().find(3)).isEmpty();
    assertThat(Files.exists(dir.resolve("node/shards/3"))).isFalse();
    assertNothingStaged();
    assertStillServing();
  }

  @Test
  void uploadLongerThanAnnouncedGetsAnErrorAndAClosedConnection() throws Exception {
    Deal deal = propose(4, 1000);
    try (RawPeer peer = new RawPeer(address).handshake()) {
      peer.send(new WireMessage.UploadStart(2, 4, 1000));
      assertThat(peer.read()).isEqualTo(new WireMessage.UploadReady(2));
      peer.send(new org.shardledger.wire.message.DataFrame(MessageType.UPLOAD_CHUNK, 2,
          io.netty.buffer.Unpooled.wrappedBuffer(new byte[1500])));
      assertThat(((WireMessage.Error) peer.read()).code()).isEqualTo(ErrorCode.UPLOAD_OVERFLOW);
      assertThat(peer.closedByPeer()).isTrue();
    }
    Thread.sleep(200);
    assertThat(node.store().find(deal.id())).isEmpty();
    assertNothingStaged();
    assertStillServing();
  }

  @Test
  void garbageOversizedAndUnknownFramesGetAnErrorAndAClose() throws Exception {
    try (RawPeer peer = new RawPeer(address)) {
      peer.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      WireMessage answer = peer.read();
      assertThat(((WireMessage.Error) answer).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
      assertThat(peer.closedByPeer()).isTrue();
    }
    try (RawPeer peer = new RawPeer(address).handshake()) {
      peer.sendRaw(ByteBuffer.allocate(9).putInt(64 << 20).put((byte) 0x12).putInt(2).array());
      assertThat(((WireMessage.Error) peer.read()).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
      assertThat(peer.closedByPeer()).isTrue();
    }
    try (RawPeer peer = new RawPeer(address).handshake()) {
      peer.sendRaw(ByteBuffer.allocate(9).putInt(5).put((byte) 0x5a).putInt(2).array());
      assertThat(((WireMessage.Error) peer.read()).code()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE);
      assertThat(peer.closedByPeer()).isTrue();
    }
    try (RawPeer peer = new RawPeer(address).handshake()) {
      peer.sendRaw(ByteBuffer.allocate(13).putInt(9).put((byte) MessageType.CHALLENGE.code()).putInt(2).putInt(1)
          .array());
      assertThat(((WireMessage.Error) peer.read()).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
      assertThat(peer.closedByPeer()).isTrue();
    }
    assertStillServing();
  }

  @Test
  void peerVanishingMidUploadLeavesNothingBehind() throws Exception {
    Deal deal = propose(5, 8 * MIB);
    try (RawPeer peer = new RawPeer(address).handshake()) {
      peer.send(new WireMessage.UploadStart(2, 5, 8 * MIB));
      assertThat(peer.read()).isEqualTo(new WireMessage.UploadReady(2));
      peer.send(new org.shardledger.wire.message.DataFrame(MessageType.UPLOAD_CHUNK, 2,
          io.netty.buffer.Unpooled.wrappedBuffer(new byte[1 << 20])));
    }
    Thread.sleep(300);
    assertThat(node.store().find(deal.id())).isEmpty();
    assertThat(node.store().reservedBytes()).isZero();
    assertNothingStaged();
  }
}
