package org.shardledger.prover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.prover.view.InMemoryBeaconSource;
import org.shardledger.prover.view.InMemoryDealDirectory;
import org.shardledger.prover.view.ManualEpochClock;

/**
 * A node in its own JVM, for the kill -9 test: {@code ProverProcess DATA_DIR DEALS_FILE}, where each line of the
 * deals file is {@code id root size segmentSize}. Prints {@code LISTENING port} once it serves; runs until killed.
 * Beacons are recorded for epochs 1..10 ({@link #beacon}).
 */
public final class ProverProcess {
  private ProverProcess() {}

  static Bytes32 beacon(long epoch) {
    return Bytes32.ofUnsigned(0xbeac0000L + epoch);
  }

  public static void main(String[] args) throws Exception {
    InMemoryDealDirectory deals = new InMemoryDealDirectory();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String[] f = line.trim().split(" ");
      ShardCommitment c = new ShardCommitment(Bytes32.fromHex(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]));
      deals.put(TestShards.deal(Long.parseLong(f[0]), c), DealStatus.ACTIVE);
    }
    InMemoryBeaconSource beacons = new InMemoryBeaconSource();
    for (long e = 1; e <= 10; e++) {
      beacons.record(e, beacon(e));
    }
    ProverConfig config = ProverConfig.defaults(Path.of(args[0]), 1L << 40).withListen("127.0.0.1", 0)
        .withScrub(1L << 30, Duration.ofHours(1));
    ProverNode node = new ProverNode(config, TestShards.IDENTITY, deals, beacons, new ManualEpochClock(5),
        new ProverStatusLog());
    System.out.println("LISTENING " + node.start().getPort());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
