package org.shardledger.bench.wire;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.shardledger.bench.prover.BenchShards;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.prover.ProverConfig;
import org.shardledger.prover.ProverNode;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.view.InMemoryBeaconSource;
import org.shardledger.prover.view.InMemoryDealDirectory;
import org.shardledger.prover.view.ManualEpochClock;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.prover.TestShards;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.OperatorClient;
import org.shardledger.wire.client.RetrieveResult;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.WireClient;

/**
 * Upload and retrieval over 127.0.0.1 through a real node, against a plain socket copy of the same bytes in the
 * same run. Plain upload: the file streamed into a socket, the receiver writes it to a file and fsyncs (the node
 * also hashes it, builds the tree cache and fsyncs both). Plain retrieval: sendfile into a socket, the receiver
 * discards (the client also discards). One untimed round of each warms the JIT. Prints MB/s per run and the
 * median ratio.
 *
 * <pre>java -cp … org.shardledger.bench.wire.LoopbackThroughputBench [DIR] [MiB] [runs]</pre>
 */
public final class LoopbackThroughputBench {
  private LoopbackThroughputBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/throughput-bench"));
    long size = (args.length > 1 ? Long.parseLong(args[1]) : 1024) << 20;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path source = BenchShards.write(dir.resolve("shard.bin"), size);
    InMemoryDealDirectory deals = new InMemoryDealDirectory();
    Deal deal = BenchShards.propose(deals, 1, source, 32);
    ProverConfig config = ProverConfig.defaults(dir.resolve("node"), 1L << 42).withListen("127.0.0.1", 0)
        .withScrub(1L << 30, Duration.ofDays(1));
    ExecutorService plain = Executors.newCachedThreadPool();
    try (ProverNode node = new ProverNode(config, BenchShards.IDENTITY, deals, new InMemoryBeaconSource(),
        new ManualEpochClock(0), new ProverStatusLog());
        WireClient client = new WireClient(ClientSettings.defaults(BenchShards.DOMAIN), TestShards.OWNER)) {
      InetSocketAddress address = node.start();
      OperatorClient operator = client.operator(address, BenchShards.OPERATOR.address());
      double[] upRatio = new double[runs];
      double[] downRatio = new double[runs];
      System.out.printf(Locale.ROOT, "%d MiB over 127.0.0.1, %d cores%n", size >> 20,
          Runtime.getRuntime().availableProcessors());
      expect(operator.upload(deal, source).get(), UploadResult.Accepted.class);
      RetrievalTicket ticket = TestShards.ownersTicket(1);
      Signature signed = TestShards.signedByOwner(ticket);
      expect(operator.retrieve(1, deal.commitment(), 0, ticket, signed, OutputStream.nullOutputStream()).get(),
          RetrieveResult.Retrieved.class);
      plainUpload(plain, source, dir.resolve("plain-up"));
      plainRetrieve(plain, source);
      for (int r = 0; r < runs; r++) {
        node.store().delete(1);
        double plainUp = mbps(size, time(() -> plainUpload(plain, source, dir.resolve("plain-up"))));
        double wireUp = mbps(size,
            time(() -> expect(operator.upload(deal, source).get(), UploadResult.Accepted.class)));
        double plainDown = mbps(size, time(() -> plainRetrieve(plain, source)));
        double wireDown = mbps(size, time(() -> expect(operator.retrieve(1, deal.commitment(), 0, ticket, signed,
            OutputStream.nullOutputStream()).get(), RetrieveResult.Retrieved.class)));
        upRatio[r] = wireUp / plainUp;
        downRatio[r] = wireDown / plainDown;
        System.out.printf(Locale.ROOT, "run %d: upload %.0f MB/s vs plain %.0f MB/s (%.2f) | retrieval %.0f MB/s vs "
            + "plain %.0f MB/s (%.2f)%n", r + 1, wireUp, plainUp, upRatio[r], wireDown, plainDown, downRatio[r]);
      }
      Arrays.sort(upRatio);
      Arrays.sort(downRatio);
      System.out.printf(Locale.ROOT, "median ratio to a plain socket copy: upload %.2f, retrieval %.2f%n",
          upRatio[runs / 2], downRatio[runs / 2]);
    } finally {
      plain.shutdownNow();
    }
  }

  private static Object expect(Object result, Class<?> type) {
    if (!type.isInstance(result)) {
      throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + result);
    }
    return result;
  }

  private static long time(Callable<?> work) throws Exception {
    long start = System.nanoTime();
    work.call();
    return System.nanoTime() - start;
  }

  private static double mbps(long bytes, long nanos) {
    return bytes / 1e6 / (nanos / 1e9);
  }

  /** File → socket; the receiver writes it to a file and fsyncs. */
  private static Void plainUpload(ExecutorService pool, Path source, Path target) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Future<?> receiver = pool.submit(() -> {
        try (Socket s = server.accept(); InputStream in = s.getInputStream();
            FileOutputStream out = new FileOutputStream(target.toFile())) {
          in.transferTo(out);
          out.getFD().sync();
        }
        return null;
      });
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          OutputStream out = s.getOutputStream()) {
        Files.copy(source, out);
      }
      receiver.get();
    }
    return null;
  }

  /** sendfile → socket; the receiver discards. */
  private static Void plainRetrieve(ExecutorService pool, Path source) throws Exception {
    try (ServerSocketChannel server = ServerSocketChannel.open()
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      Future<?> sender = pool.submit(() -> {
        try (SocketChannel out = server.accept(); FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
          long size = in.size();
          for (long pos = 0; pos < size; ) {
            pos += in.transferTo(pos, size - pos, out);
          }
        }
        return null;
      });
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(),
          ((InetSocketAddress) server.getLocalAddress()).getPort()); InputStream in = s.getInputStream()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      sender.get();
    }
    return null;
  }
}
