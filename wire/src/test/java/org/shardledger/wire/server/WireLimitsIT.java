package org.shardledger.wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.Failure;
import org.shardledger.wire.client.OperatorClient;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.WireClient;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.MessageType;
import org.shardledger.testkit.TestDomain;

/** The server's peer limits with real Netty on 127.0.0.1: connections, uploads, staging space, the rate floor. */
class WireLimitsIT {
  private static final KeyPair OPERATOR = KeyPair.fromPrivateKey(BigInteger.valueOf(0xabc));
  private static final Eip712Domain DOMAIN = TestDomain.DOMAIN;

  private final ExecutorService work = Executors.newFixedThreadPool(4);
  private final FakeBackend backend = new FakeBackend();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private InetSocketAddress address;
  private WireClient client;

  private void start(PeerLimits limits) throws Exception {
    WireServer server = new WireServer(ServerSettings.defaults().withLimits(limits), DOMAIN.chainId(), OPERATOR,
        backend, work);
    address = server.start();
    open.add(server);
    client = new WireClient(ClientSettings.defaults(DOMAIN).withRequestTimeout(Duration.ofSeconds(20)));
    open.add(client);
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    work.shutdownNow();
  }

  private static Deal deal(long id, long size) {
    return new Deal(id, OPERATOR.address(), OPERATOR.address(), new ShardCommitment(Bytes32.ZERO, size, 4096), 4,
        BigInteger.TEN, 1, 100);
  }

  /** A source that sends one byte, then nothing until the test ends (an upload that stays in progress). */
  private InputStream stalled() {
    return new InputStream() {
      private boolean sent;

      @Override
      public int read() throws IOException {
        if (!sent) {
          sent = true;
          return 1;
        }
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("released");
      }
    };
  }

  /** Waits (up to 20 s) until {@code counter} reaches {@code value}. */
  private static void await(java.util.concurrent.atomic.AtomicInteger counter, int value) throws InterruptedException {
    for (int i = 0; i < 200 && counter.get() < value; i++) {
      Thread.sleep(100);
    }
    assertThat(counter.get()).isGreaterThanOrEqualTo(value);
  }

  private OperatorClient operator() {
    return client.operator(address, OPERATOR.address());
  }

  @Test
  void connectionsBeyondThePerAddressLimitAreAnsweredOverloadedAndClosed() throws Exception {
    start(PeerLimits.defaults().withPerAddress(3, 2));
    List<Socket> held = new ArrayList<>();
    List<byte[]> refusals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket s = new Socket(address.getAddress(), address.getPort());
      open.add(s);
      held.add(s);
    }
    for (Socket s : List.copyOf(held)) {
      s.setSoTimeout(refusals.isEmpty() ? 3_000 : 300);
      byte[] answer = readAll(s);
      if (answer != null) {
        refusals.add(answer);
        held.remove(s);
      }
    }
    assertThat(held).as("connections the server kept, waiting for HELLO").hasSize(3);
    assertThat(refusals).hasSize(1);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(refusals.get(0)));
    int length = in.readInt();
    assertThat(in.readUnsignedByte()).isEqualTo(MessageType.ERROR.code());
    in.readInt();
    assertThat(ErrorCode.ofCode(in.readUnsignedShort())).isEqualTo(ErrorCode.OVERLOADED);
    byte[] text = new byte[length - 7];
    in.readFully(text);
    assertThat(new String(text, StandardCharsets.UTF_8)).contains("3 connections from 127.0.0.1")
        .contains("at most 3 per address");

    held.get(0).close();
    boolean admitted = false;
    for (int attempt = 0; attempt < 20 && !admitted; attempt++) {
      Socket again = new Socket(address.getAddress(), address.getPort());
      open.add(again);
      again.setSoTimeout(500);
      admitted = readsNothing(again);
    }
    assertThat(admitted).as("a freed slot admits a new connection (it waits for HELLO)").isTrue();
  }

  /** Everything the server sent until it closed, or null when nothing arrives within the socket's timeout. */
  private static byte[] readAll(Socket s) throws IOException {
    try {
      return s.getInputStream().readAllBytes();
    } catch (java.net.SocketTimeoutException e) {
      return null;
    }
  }

  /** True when nothing arrives within the socket's timeout (the server kept the connection, waiting for HELLO). */
  private static boolean readsNothing(Socket s) throws IOException {
    try {
      s.getInputStream().read();
      return false;
    } catch (java.net.SocketTimeoutException e) {
      return true;
    }
  }

  @Test
  void uploadsBeyondThePerAddressLimitAreAnsweredOverloaded() throws Exception {
    start(PeerLimits.defaults().withPerAddress(8, 1));
    backend.acceptance = DOMAIN.sign(deal(2, 10).acceptance(), OPERATOR);
    CompletableFuture<UploadResult> first = operator().upload(deal(1, 1000), stalled());
    await(backend.begins, 1);
    UploadResult second = operator().upload(deal(2, 10), new ByteArrayInputStream(new byte[10])).get();
    assertThat(second).isInstanceOf(Failure.Rejected.class);
    assertThat(((Failure.Rejected) second).code()).isEqualTo(ErrorCode.OVERLOADED);
    assertThat(((Failure.Rejected) second).message()).contains("1 uploads from 127.0.0.1 are in progress");
    assertThat(first).isNotDone();
  }

  @Test
  void uploadsBeyondTheStagingSpaceAreAnsweredOverloaded() throws Exception {
    start(PeerLimits.defaults().withPerAddress(8, 8).withStaging(1_000_000));
    backend.acceptance = DOMAIN.sign(deal(3, 200_000).acceptance(), OPERATOR);
    CompletableFuture<UploadResult> first = operator().upload(deal(1, 900_000), stalled());
    await(backend.begins, 1);
    UploadResult second = operator().upload(deal(2, 200_000), new ByteArrayInputStream(new byte[200_000])).get();
    assertThat(second).isInstanceOf(Failure.Rejected.class);
    assertThat(((Failure.Rejected) second).message()).contains("900000 bytes of staging space")
        .contains("200000 more do not fit in 1000000");
    UploadResult small = operator().upload(deal(3, 50_000), new ByteArrayInputStream(new byte[50_000])).get();
    assertThat(small).as("what still fits is admitted").isNotInstanceOf(Failure.Rejected.class);
    assertThat(first).isNotDone();
  }

  @Test
  void anUploadBelowTheRateFloorIsDroppedAndAFastOneIsNot() throws Exception {
    start(PeerLimits.defaults().withRateFloor(64 << 10, Duration.ofMillis(400)));
    backend.acceptance = DOMAIN.sign(deal(2, 1 << 20).acceptance(), OPERATOR);
    UploadResult slow = operator().upload(deal(1, 1 << 20), stalled()).get(30, TimeUnit.SECONDS);
    assertThat(slow).isInstanceOf(Failure.Rejected.class);
    assertThat(((Failure.Rejected) slow).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(((Failure.Rejected) slow).message()).contains("upload slower than 65536 bytes/s");
    await(backend.aborts, 1);

    UploadResult fast = operator().upload(deal(2, 1 << 20), new ByteArrayInputStream(new byte[1 << 20])).get();
    assertThat(fast).isInstanceOf(UploadResult.Accepted.class);
  }
}
