package org.shardledger.wire.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.terms.OperatorTerms;
import org.shardledger.protocol.eip712.ProofResponse;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.merkle.MerkleHasher;
import org.shardledger.protocol.merkle.MerkleTree;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.Sha256;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.wire.handshake.HelloStatement;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.server.FakeBackend;
import org.shardledger.wire.server.OperatorBackend;
import org.shardledger.wire.server.ServerSettings;
import org.shardledger.wire.server.WireServer;
import org.shardledger.testkit.TestDomain;

/** The client against a real server on 127.0.0.1 with a scripted backend. */
class WireClientIT {
  private static final KeyPair OPERATOR = KeyPair.fromPrivateKey(BigInteger.valueOf(0xabc));
  private static final KeyPair STRANGER = KeyPair.fromPrivateKey(BigInteger.valueOf(0xdef));
  private static final Eip712Domain DOMAIN = TestDomain.DOMAIN;

  @TempDir
  Path dir;

  private final ExecutorService work = Executors.newFixedThreadPool(2);
  private final FakeBackend backend = new FakeBackend();
  private WireServer server;
  private WireClient client;
  private InetSocketAddress address;

  @BeforeEach
  void start() throws Exception {
    server = new WireServer(ServerSettings.defaults(), DOMAIN.chainId(), OPERATOR, backend, work);
    address = server.start();
    client = new WireClient(ClientSettings.defaults(DOMAIN).withRequestTimeout(Duration.ofSeconds(5)), REQUESTER);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    work.shutdownNow();
  }

  private static Deal deal(long size) {
    return new Deal(7, STRANGER.address(), OPERATOR.address(), new ShardCommitment(Bytes32.ZERO, size, 4096), 4,
        BigInteger.TEN, 1, 100);
  }

  private static OperatorBackend.SignedProof proofSignedBy(KeyPair key, long dealId, long epoch, byte[] proof) {
    return new OperatorBackend.SignedProof(Bytes.of(proof),
        DOMAIN.sign(new ProofResponse(dealId, epoch, Sha256.hash(proof)), key));
  }

  @Test
  void signedProofComesBackCheckedAndTheConnectionIsReused() throws Exception {
    backend.challenges = (deal, epoch) -> proofSignedBy(OPERATOR, deal, epoch, new byte[] {9, 8, 7});
    OperatorClient operator = client.operator(address, OPERATOR.address());
    ChallengeResult first = operator.challenge(7, 42).get();
    assertThat(first).isInstanceOf(ChallengeResult.Proof.class);
    ChallengeResult.Proof proof = (ChallengeResult.Proof) first;
    assertThat(proof.encoded()).isEqualTo(Bytes.of(new byte[] {9, 8, 7}));
    assertThat(DOMAIN.signer(proof.response(), proof.signature())).contains(OPERATOR.address());
    assertThat(operator.idleConnections()).isEqualTo(1);
    assertThat(operator.challenge(7, 43).get()).isInstanceOf(ChallengeResult.Proof.class);
    assertThat(operator.idleConnections()).isEqualTo(1);
  }

  @Test
  void signedNoDataAndRefusalsAreValues() throws Exception {
    OperatorClient operator = client.operator(address, OPERATOR.address());
    backend.challenges = (deal, epoch) -> new OperatorBackend.SignedNoData(
        DOMAIN.sign(new ProofResponse(deal, epoch, Bytes32.ZERO), OPERATOR));
    assertThat(operator.challenge(7, 42).get()).isInstanceOf(ChallengeResult.NoData.class);
    backend.challenges = (deal, epoch) -> new OperatorBackend.Refusal(ErrorCode.BEACON_UNKNOWN, "not yet");
    assertThat(operator.challenge(7, 42).get()).isEqualTo(new Failure.Rejected(ErrorCode.BEACON_UNKNOWN, "not yet"));
  }

  @Test
  void proofSignedByAnotherKeyIsGarbled() throws Exception {
    backend.challenges = (deal, epoch) -> proofSignedBy(STRANGER, deal, epoch, new byte[] {1});
    ChallengeResult result = client.operator(address, OPERATOR.address()).challenge(7, 42).get();
    assertThat(result).isInstanceOf(Failure.Garbled.class);
    assertThat(((Failure.Garbled) result).reason()).contains("does not recover");
  }

  @Test
  void proofSignedForAnotherEpochIsGarbled() throws Exception {
    backend.challenges = (deal, epoch) -> proofSignedBy(OPERATOR, deal, epoch + 1, new byte[] {1});
    assertThat(client.operator(address, OPERATOR.address()).challenge(7, 42).get())
        .isInstanceOf(Failure.Garbled.class);
  }

  @Test
  void aPeerThatIsNotTheExpectedOperatorIsUnreachable() throws Exception {
    backend.challenges = (deal, epoch) -> proofSignedBy(OPERATOR, deal, epoch, new byte[] {1});
    ChallengeResult result = client.operator(address, STRANGER.address()).challenge(7, 42).get();
    assertThat(result).isInstanceOf(Failure.Unreachable.class);
    assertThat(((Failure.Unreachable) result).reason()).contains("not " + STRANGER.address());
  }

  @Test
  void nobodyListeningIsUnreachable() throws Exception {
    InetSocketAddress closed = server.address();
    server.close();
    assertThat(client.operator(closed, OPERATOR.address()).challenge(7, 42).get())
        .isInstanceOf(Failure.Unreachable.class);
  }

  @Test
  void aSlowAnswerTimesOut() throws Exception {
    backend.challenges = (deal, epoch) -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new OperatorBackend.Refusal(ErrorCode.INTERNAL, "late");
    };
    OperatorClient operator = client.operator(address, OPERATOR.address());
    ChallengeResult result = operator.challenge(7, 42, Duration.ofMillis(300)).get();
    assertThat(result).isEqualTo(new Failure.TimedOut(Duration.ofMillis(300)));
    assertThat(operator.idleConnections()).isZero();
  }

  @Test
  void uploadAndRetrieveMoveTheBytes() throws Exception {
    byte[] shard = new byte[3 * 256 * 1024 + 17];
    new Random(1).nextBytes(shard);
    OperatorClient operator = client.operator(address, OPERATOR.address());
    backend.acceptance = DOMAIN.sign(deal(shard.length).acceptance(), OPERATOR);
    UploadResult upload = operator.upload(deal(shard.length), new ByteArrayInputStream(shard)).get();
    assertThat(upload).isInstanceOf(UploadResult.Accepted.class);
    assertThat(backend.uploaded.toByteArray()).isEqualTo(shard);
    ServedShard served = serve(shard, shard);
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    assertThat(retrieve(served.commitment, 0, back)).isEqualTo(new RetrieveResult.Retrieved(shard.length));
    assertThat(back.toByteArray()).isEqualTo(shard);
    assertThat(backend.lastRequester).contains(REQUESTER.address());
  }

  @Test
  void aRetrievalFromALaterChunkSendsTheRestOfTheShard() throws Exception {
    byte[] shard = new byte[5 * CHUNK + 4096 * 3 + 5];
    new Random(2).nextBytes(shard);
    ServedShard served = serve(shard, shard);
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    assertThat(retrieve(served.commitment, 3, back)).isEqualTo(new RetrieveResult.Retrieved(shard.length - 3 * CHUNK));
    assertThat(back.toByteArray()).isEqualTo(Arrays.copyOfRange(shard, 3 * CHUNK, shard.length));
  }

  /** The attack: an operator that serves bytes which are not the shard's. It is dropped at that chunk. */
  @Test
  void aCorruptedChunkEndsTheRetrievalAtThatChunkAndOnlyVerifiedBytesAreWritten() throws Exception {
    byte[] shard = new byte[4 * CHUNK + 100];
    new Random(3).nextBytes(shard);
    byte[] lying = shard.clone();
    lying[2 * CHUNK + 12345] ^= 1;
    ServedShard served = serve(shard, lying);
    Path target = dir.resolve("back");
    RetrieveResult result = client.operator(address, OPERATOR.address()).retrieve(7, served.commitment, 0,
        ticket(), ticketSignature(), target).get();
    assertThat(result).isInstanceOf(RetrieveResult.Mismatch.class);
    RetrieveResult.Mismatch mismatch = (RetrieveResult.Mismatch) result;
    assertThat(mismatch.chunk()).isEqualTo(2);
    assertThat(mismatch.verifiedBytes()).isEqualTo(2L * CHUNK);
    assertThat(Files.readAllBytes(target)).isEqualTo(Arrays.copyOf(shard, 2 * CHUNK));
  }

  @Test
  void aRetrievalCutShortResumesIntoTheSameFileFromItsNextWholeChunk() throws Exception {
    byte[] shard = new byte[4 * CHUNK + 100];
    new Random(7).nextBytes(shard);
    byte[] lying = shard.clone();
    lying[3 * CHUNK + 1] ^= 1;
    ServedShard served = serve(shard, lying);
    Path target = dir.resolve("resumed");
    OperatorClient operator = client.operator(address, OPERATOR.address());
    RetrieveResult.Mismatch first = (RetrieveResult.Mismatch) operator.retrieve(7, served.commitment, 0, ticket(),
        ticketSignature(), target).get();
    assertThat(Files.size(target)).isEqualTo(first.verifiedBytes()).isEqualTo(3L * CHUNK);
    serve(shard, shard);
    long next = Files.size(target) / CHUNK;
    assertThat(operator.retrieve(7, served.commitment, next, ticket(), ticketSignature(), target).get())
        .isEqualTo(new RetrieveResult.Retrieved(shard.length - 3L * CHUNK));
    assertThat(Files.readAllBytes(target)).isEqualTo(shard);
  }

  /** The attack: an operator that serves another shard, with paths that are right for that one. */
  @Test
  void anotherShardWithItsOwnPathsIsAMismatchAtTheFirstChunk() throws Exception {
    byte[] shard = new byte[2 * CHUNK];
    new Random(4).nextBytes(shard);
    byte[] other = new byte[2 * CHUNK];
    new Random(5).nextBytes(other);
    ServedShard wanted = serve(shard, shard);
    serve(other, other);
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    RetrieveResult result = retrieve(wanted.commitment, 0, back);
    assertThat(result).isInstanceOf(RetrieveResult.Mismatch.class);
    assertThat(((RetrieveResult.Mismatch) result).chunk()).isZero();
    assertThat(back.size()).isZero();
  }

  @Test
  void aShardAnnouncedWithAnotherSizeIsAMismatch() throws Exception {
    byte[] shard = new byte[CHUNK + 10];
    new Random(6).nextBytes(shard);
    ServedShard served = serve(shard, shard);
    ShardCommitment claimed = new ShardCommitment(served.commitment.root(), shard.length + 1, 4096);
    RetrieveResult result = retrieve(claimed, 0, new ByteArrayOutputStream());
    assertThat(result).isInstanceOf(RetrieveResult.Mismatch.class);
    assertThat(((RetrieveResult.Mismatch) result).reason()).contains("announced a shard of " + shard.length);
  }

  @Test
  void aTicketForAnotherRequesterFailsBeforeAnythingIsSent() {
    RetrievalTicket forStranger = new RetrievalTicket(7, STRANGER.address(), Long.MAX_VALUE >>> 1);
    assertThatThrownBy(() -> client.operator(address, OPERATOR.address()).retrieve(7,
        new ShardCommitment(Bytes32.ZERO, 10, 4096), 0, forStranger, ticketSignature(), new ByteArrayOutputStream())
        .get()).hasRootCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("requester");
  }

  private static final int CHUNK = 256 * 4096;
  private static final KeyPair REQUESTER = KeyPair.fromPrivateKey(BigInteger.valueOf(0x1234));

  private record ServedShard(ShardCommitment commitment, MerkleTree tree) {}

  /** Serves {@code bytes} on disk with the tree of {@code committed}; returns the commitment of {@code committed}. */
  private ServedShard serve(byte[] committed, byte[] bytes) throws IOException {
    MerkleTree tree = treeOf(committed);
    ShardCommitment commitment = new ShardCommitment(tree.root(), committed.length, 4096);
    Path file = Files.write(Files.createTempFile(dir, "shard", ""), bytes);
    backend.retrieval = first -> new OperatorBackend.Chunks(file, commitment,
        chunk -> RetrievalChunks.path(tree, chunk), first);
    return new ServedShard(commitment, tree);
  }

  private static MerkleTree treeOf(byte[] data) {
    int segments = (data.length + 4095) / 4096;
    byte[] leaves = new byte[segments * 32];
    MerkleHasher hasher = new MerkleHasher();
    for (int i = 0; i < segments; i++) {
      hasher.leaf(data, i * 4096, Math.min(4096, data.length - i * 4096), leaves, i * 32);
    }
    return MerkleTree.fromLeafHashes(leaves, segments);
  }

  private static RetrievalTicket ticket() {
    return new RetrievalTicket(7, REQUESTER.address(), Long.MAX_VALUE >>> 1);
  }

  private static org.shardledger.protocol.crypto.Signature ticketSignature() {
    return DOMAIN.sign(ticket(), STRANGER);
  }

  private RetrieveResult retrieve(ShardCommitment commitment, long firstChunk, ByteArrayOutputStream out)
      throws Exception {
    return client.operator(address, OPERATOR.address()).retrieve(7, commitment, firstChunk, ticket(),
        ticketSignature(), out).get();
  }

  @Test
  void aFailingLocalSourceFailsTheUploadFuture() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };
    backend.acceptance = DOMAIN.sign(deal(10).acceptance(), OPERATOR);
    assertThatThrownBy(() -> client.operator(address, OPERATOR.address()).upload(deal(10), broken).get())
        .isInstanceOf(ExecutionException.class).hasRootCauseMessage("disk gone");
  }

  @Test
  void anUnreadableAnswerIsGarbled() throws Exception {
    try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Future<?> peer = work.submit(() -> {
        try (Socket s = fake.accept()) {
          DataInputStream in = new DataInputStream(s.getInputStream());
          byte[] hello = new byte[in.readInt()];
          in.readFully(hello);
          Bytes32 clientNonce = Bytes32.of(hello, hello.length - 32);
          HelloStatement statement = new HelloStatement(DOMAIN.chainId(), 1, clientNonce, Bytes32.ZERO,
              OPERATOR.address());
          ByteArrayOutputStream ok = new ByteArrayOutputStream();
          DataOutputStream out = new DataOutputStream(ok);
          out.writeInt(5 + 2 + 8 + 20 + 32 + 65);
          out.writeByte(0x02);
          out.writeInt(ByteBuffer.wrap(hello, 1, 4).getInt());
          out.writeShort(1);
          out.writeLong(DOMAIN.chainId());
          out.write(OPERATOR.address().toArray());
          out.write(new byte[32]);
          out.write(statement.sign(OPERATOR).toArray());
          s.getOutputStream().write(ok.toByteArray());
          byte[] challenge = new byte[in.readInt()];
          in.readFully(challenge);
          s.getOutputStream().write(new byte[] {0, 0, 0, 5, 0x66, challenge[1], challenge[2], challenge[3],
              challenge[4]});
          Thread.sleep(500);
        }
        return null;
      });
      InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), fake.getLocalPort());
      ChallengeResult result = client.operator(at, OPERATOR.address()).challenge(7, 42).get();
      assertThat(result).isInstanceOf(Failure.Garbled.class);
      peer.cancel(true);
    }
  }

  private static OperatorTerms terms(Address operator) {
    return new OperatorTerms(operator, BigInteger.TWO.pow(200).add(BigInteger.valueOf(77)), 100_000, 2L << 30, 16,
        32, 1L << 38, (1L << 40) - 12345, 987);
  }

  @Test
  void signedTermsComeBackExactlyAndChecked() throws Exception {
    OperatorTerms t = terms(OPERATOR.address());
    backend.terms = new OperatorBackend.SignedTerms(t, DOMAIN.sign(t, OPERATOR));
    TermsResult result = client.operator(address, OPERATOR.address()).terms().get();
    assertThat(result).isEqualTo(new TermsResult.Terms(t, backend.terms.signature()));
  }

  @Test
  void termsSignedByAnotherKeyOrNamingAnotherOperatorAreGarbled() throws Exception {
    OperatorTerms t = terms(OPERATOR.address());
    backend.terms = new OperatorBackend.SignedTerms(t, DOMAIN.sign(t, STRANGER));
    assertThat(client.operator(address, OPERATOR.address()).terms().get()).isInstanceOf(Failure.Garbled.class);
    OperatorTerms other = terms(STRANGER.address());
    backend.terms = new OperatorBackend.SignedTerms(other, DOMAIN.sign(other, OPERATOR));
    assertThat(client.operator(address, OPERATOR.address()).terms().get()).isInstanceOf(Failure.Garbled.class)
        .extracting(f -> ((Failure.Garbled) f).reason()).asString().contains("name operator");
  }
}
