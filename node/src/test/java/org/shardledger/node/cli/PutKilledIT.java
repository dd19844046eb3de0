package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.devnet.LocalNetwork;
import org.shardledger.node.owner.ChainIndex;
import org.shardledger.protocol.deal.DealStatus;

/**
 * kill -9 of a {@code put} process (its own JVM, the command a user runs) at points its journal shows — while it
 * proposes (ids not yet recorded), and once every deal is proposed (uploads under way) — then the same put again:
 * it cleans up what the killed one left, stores the file, and no proposal stays open (no escrow locked).
 */
class PutKilledIT {
  @TempDir
  static Path dir;

  private static LocalNetwork devnet;
  private static String rpc;
  private static String deployment;
  private static Path input;

  @BeforeAll
  static void start() throws Exception {
    devnet = LocalNetwork.builder(dir.resolve("devnet")).operators(4).verifiers(1, 1).blockTime(0.5)
        .epochLength(10).start();
    devnet.startRoles();
    devnet.chain().fund(DevAccounts.owner().address(), 1_100_000); // what the devnet's owner had, and the test's own
    rpc = devnet.chain().rpcUrl().toString();
    deployment = devnet.deploymentFile().toString();
    input = dir.resolve("big.bin");
    byte[] data = new byte[48 << 20];
    new Random(5).nextBytes(data);
    Files.write(input, data);
  }

  @AfterAll
  static void stop() {
    if (devnet != null) {
      devnet.close();
    }
  }

  private static List<String> putArgs(Path manifest) {
    return List.of("put", input.toString(), "--out", manifest.toString(), "--data", "2", "--parity", "2",
        "--extra-uploads", "0", "--rpc", rpc, "--deployment", deployment, "--dev-account", "6", "--block-time",
        "PT0.5S");
  }

  private static long openProposals() throws IOException {
    try (Chain chain = devnet.chain().connect(DevAccounts.key(6))) {
      ChainIndex index = ChainIndex.read(chain);
      return index.dealsOf(DevAccounts.key(6).address()).stream()
          .filter(d -> index.status(d.id()) == DealStatus.PROPOSED).count();
    }
  }

  @ParameterizedTest(name = "killed once the journal says {0}")
  @ValueSource(strings = {"\"proposing\"", "\"proposed\""})
  void aPutKilledThereIsCleanedUpByTheNextRunWhichStoresTheFile(String step) throws Exception {
    Path manifest = dir.resolve("big-" + step.replace("\"", "") + ".manifest.json");
    Path journal = manifest.resolveSibling(manifest.getFileName() + ".put-journal");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), ShardledgerCommand.class.getName()));
    command.addAll(putArgs(manifest));
    Process put = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("put-" + step.replace("\"", "") + ".log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(Files.exists(journal) && Files.readString(journal).contains(step)) && put.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(put.isAlive()).as("the put is still running when it is killed").isTrue();
      put.destroyForcibly();
      assertThat(put.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      put.destroyForcibly();
    }
    assertThat(journal).as("the killed put left its journal").exists();

    CliRun again = CliRun.of(putArgs(manifest).toArray(String[]::new));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("an earlier put to " + manifest + " was interrupted");
    if (step.equals("\"proposed\"")) {
      assertThat(again.err()).contains("cancelled 4 open proposals", "spooled shard files");
    }
    assertThat(again.out()).contains("stored big.bin");
    assertThat(journal).doesNotExist();
    assertThat(manifest.resolveSibling(manifest.getFileName() + ".spool")).doesNotExist();
    assertThat(openProposals()).as("no proposal stays open, so no escrow stays locked").isZero();

    CliRun get = CliRun.of("get", manifest.toString(), "--out", dir.resolve("back-" + manifest.getFileName())
        .toString(), "--rpc", rpc, "--deployment", deployment, "--dev-account", "6");
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(Files.mismatch(dir.resolve("back-" + manifest.getFileName()), input)).isEqualTo(-1);
  }
}
