package org.shardledger.prover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.Failure;
import org.shardledger.wire.client.OperatorClient;
import org.shardledger.wire.client.RetrieveResult;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.WireClient;
import org.shardledger.wire.message.ErrorCode;

/** A node in a child JVM killed with SIGKILL in the middle of an upload, then restarted on the same data. */
class ProverCrashIT {
  private static final long MIB = 1 << 20;

  @TempDir
  Path dir;

  private final List<Process> children = new ArrayList<>();
  private final WireClient client = new WireClient(ClientSettings.defaults(TestShards.DOMAIN), TestShards.OWNER);

  @AfterEach
  void cleanUp() {
    client.close();
    children.forEach(Process::destroyForcibly);
  }

  private InetSocketAddress startNode(Path data, Path dealsFile) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"),
        ProverProcess.class.getName(), data.toString(), dealsFile.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    children.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("LISTENING ")) {
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(line.substring(10).trim()));
      }
    }
    throw new IOException("the node exited before it listened");
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static long stagedBytes(Path staging) throws IOException {
    long total = 0;
    for (Path d : list(staging)) {
      Path data = d.resolve("data");
      if (Files.exists(data)) {
        total += Files.size(data);
      }
    }
    return total;
  }

  @Test
  void killedMidUploadRestartsWithNoPartialShardAndEveryFinishedOne() throws Exception {
    long[] sizes = {4 * MIB, 3 * MIB + 77, 64 * MIB};
    List<Deal> deals = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < sizes.length; i++) {
      Path file = TestShards.write(dir.resolve("src-" + (i + 1)), sizes[i], 40 + i);
      Deal deal = TestShards.deal(i + 1, TestShards.commit(file, 4096));
      deals.add(deal);
      lines.append(deal.id()).append(' ').append(deal.commitment().root().toHex()).append(' ')
          .append(deal.commitment().size()).append(' ').append(deal.commitment().segmentSize()).append('\n');
    }
    Path dealsFile = Files.writeString(dir.resolve("deals.txt"), lines);
    Path data = dir.resolve("node");

    Process first;
    InetSocketAddress address = startNode(data, dealsFile);
    first = children.getLast();
    OperatorClient operator = client.operator(address, TestShards.OPERATOR.address());
    for (Deal deal : deals.subList(0, 2)) {
      assertThat(operator.upload(deal, dir.resolve("src-" + deal.id())).get())
          .isInstanceOf(UploadResult.Accepted.class);
    }
    CountDownLatch killed = new CountDownLatch(1);
    InputStream stalling = new FilterInputStream(Files.newInputStream(dir.resolve("src-3"))) {
      private long read;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (read >= 16 * MIB) {
          try {
            killed.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        long limit = read < 16 * MIB ? 16 * MIB - read : len;
        int n = super.read(b, off, (int) Math.min(len, limit));
        read += Math.max(n, 0);
        return n;
      }
    };
    CompletableFuture<UploadResult> interrupted = operator.upload(deals.get(2), stalling);
    Path staging = data.resolve("staging");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (stagedBytes(staging) <= 8 * MIB && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(stagedBytes(staging)).as("the upload is under way when the node dies").isGreaterThan(8 * MIB);
    first.destroyForcibly().waitFor();
    killed.countDown();
    assertThat(interrupted.get(10, TimeUnit.SECONDS)).isInstanceOf(Failure.class);
    assertThat(list(staging)).as("the crash left its staging behind").isNotEmpty();
    assertThat(list(data.resolve("shards"))).extracting(p -> p.getFileName().toString())
        .containsExactly("1", "2");

    InetSocketAddress again = startNode(data, dealsFile);
    assertThat(list(staging)).as("restart removes the partial upload").isEmpty();
    assertThat(list(data.resolve("shards"))).extracting(p -> p.getFileName().toString())
        .containsExactly("1", "2");
    OperatorClient restarted = client.operator(again, TestShards.OPERATOR.address());
    for (Deal deal : deals.subList(0, 2)) {
      Path back = dir.resolve("back-" + deal.id());
      RetrievalTicket ticket = TestShards.ownersTicket(deal.id());
      assertThat(restarted.retrieve(deal.id(), deal.commitment(), 0, ticket, TestShards.signedByOwner(ticket), back)
          .get())
          .isEqualTo(new RetrieveResult.Retrieved(deal.commitment().size()));
      assertThat(Files.mismatch(back, dir.resolve("src-" + deal.id()))).isEqualTo(-1);
      ChallengeResult.Proof proof = (ChallengeResult.Proof) restarted.challenge(deal.id(), 3).get();
      Challenge challenge = Challenge.audit(ProverProcess.beacon(3), TestShards.DOMAIN.chainId(), deal.id(), 3,
          deal.samples());
      assertThat(ProofVerifier.verify(deal.commitment(), challenge, proof.decode()).isValid()).isTrue();
    }
    assertThat(restarted.challenge(3, 3).get()).isInstanceOf(Failure.Rejected.class)
        .extracting(r -> ((Failure.Rejected) r).code()).isEqualTo(ErrorCode.UNKNOWN_DEAL);
    assertThat(restarted.upload(deals.get(2), dir.resolve("src-3")).get())
        .as("the interrupted shard can be uploaded again").isInstanceOf(UploadResult.Accepted.class);
  }
}
