package org.shardledger.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.chain.Chain;

/**
 * The network under faults: two operators, three verifiers (t = 2) and a ledger as separate processes, every link
 * through a proxy; a seeded scenario of partitions, slow and reset links, chain RPC errors and stalls, kill -9 and
 * SIGTERM of random roles, with the invariants checked after every epoch and in full once the faults stop. The
 * fault time is {@code testbed.faultSeconds} (60 here, 1800 with {@code -Ptestbed-long}); {@code testbed.seed}
 * replays a run (0: a new seed, printed).
 */
class ScenarioIT {
  /** Kept when the test fails: the roles' logs are in {@code DIR/logs}. */
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void nothingIsLostOrPaidTwiceAndEveryEpochSettlesAfterTheFaultsStop() throws Exception {
    long faultSeconds = Long.getLong("testbed.faultSeconds", 60);
    long seed = Long.getLong("testbed.seed", 0);
    if (seed == 0) {
      seed = System.nanoTime();
    }
    System.out.println("ScenarioIT seed " + seed + " (replay: -Dtestbed.seed=" + seed + ")");
    int dealEpochs = (int) (faultSeconds / TestbedNetwork.EPOCH_LENGTH) + 5;
    try (TestbedNetwork net = TestbedNetwork.start(dir, 2, 3); Chain reader = net.chain().connectReadOnly()) {
      // While the owner stores (a second JVM takes up to a minute under load), so that the faults start with the
      // deals and the deals run past the faults as dealEpochs intends.
      CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
        try {
          return net.ledger().process().runSecondCopy(Duration.ofSeconds(180));
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      });
      Random random = new Random(seed);
      net.storeFiles(1, dealEpochs, random);
      byte[] data = new byte[(96 + random.nextInt(160)) * 1024];
      random.nextBytes(data);
      Path file = Files.write(Files.createDirectories(dir.resolve("owner")).resolve("put.bin"), data);
      Path manifest = net.put(file, dealEpochs);
      PayoutModel model = new PayoutModel(net.deals(), TestbedNetwork.GRACE_EPOCHS);
      assertThat(second.join()).as("a second ledger on the live data directory refuses").isNotZero();
      assertThat(net.ledger().process().secondCopyOutput()).contains("in use by another running process");

      long first = net.deals().stream().mapToLong(TestbedNetwork.OwnerDeal::firstEpoch).min().orElseThrow();
      while (reader.currentEpoch() < first) {
        Thread.sleep(500);
      }
      InvariantChecker checker = new InvariantChecker(net, reader, model);
      ScenarioRunner.Report report = new ScenarioRunner(net, reader, checker, seed)
          .withStoredFile(file, manifest).run(Duration.ofSeconds(faultSeconds), Duration.ofSeconds(240), model.lastEpoch());
      String text = report.describe();
      System.out.println("ScenarioIT " + text);
      Path out = Path.of("target", "testbed-reports");
      Files.createDirectories(out);
      Files.writeString(out.resolve("scenario-" + seed + ".txt"), text + "\n");
      assertThat(report.violations()).as("violations (seed %d; logs in %s)", seed, dir.resolve("logs")).isEmpty();
      assertThat(report.epochsSettled()).isGreaterThan(model.lastEpoch());
      assertThat(report.sigtermStops()).allMatch(d -> d.compareTo(ScenarioRunner.SIGTERM_BOUND) < 0);

      StringBuilder stops = new StringBuilder();
      for (TestbedNetwork.Role role : net.roles()) {
        Duration took = role.process().terminate(ScenarioRunner.SIGTERM_BOUND);
        stops.append(role.process().name()).append(' ').append(took.toMillis()).append(" ms, ");
        assertThat(role.process().exitValue()).as("%s exits on SIGTERM as a JVM asked to stop does",
            role.process().name()).isEqualTo(143);
      }
      System.out.println("ScenarioIT SIGTERM of every role, bound " + ScenarioRunner.SIGTERM_BOUND + ": " + stops);
    }
  }
}
