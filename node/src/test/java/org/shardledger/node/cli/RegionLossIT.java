package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.node.devnet.Devnet;
import org.shardledger.node.devnet.DevnetConfig;

/**
 * The whole network in this JVM (Anvil, six operators' nodes in three regions on loopback, a verifier, a ledger):
 * a 50 MiB file put 4 + 2 lands two shards in each region (the region rule); with one region's operators stopped
 * get still returns the exact bytes, and with one more operator stopped the error names the missing shards.
 */
class RegionLossIT {
  @TempDir
  static Path dir;

  private static Devnet devnet;

  @BeforeAll
  static void start() throws Exception {
    devnet = new Devnet(new DevnetConfig(dir.resolve("devnet"), AnvilBinary.require(Path.of("")), 6, 1, 1, 0.5, 10,
        0, 40, 0), new PrintWriter(new StringWriter(), true));
    devnet.start();
    devnet.chain().fund(org.shardledger.contracts.anvil.DevAccounts.key(6).address(), 1_000_000);
  }

  @AfterAll
  static void stop() {
    if (devnet != null) {
      devnet.close();
    }
  }

  @Test
  void aFiftyMebibyteFileSurvivesTheLossOfARegionAndTheNextLossNamesTheMissingShards() throws Exception {
    String rpc = devnet.chain().rpcUrl().toString();
    String deployment = dir.resolve("devnet/deployment.json").toString();
    Path input = dir.resolve("archive.bin");
    byte[] data = new byte[50 << 20];
    new Random(1650).nextBytes(data);
    Files.write(input, data);
    Path manifest = dir.resolve("archive.manifest.json");
    CliRun put = CliRun.of("put", input.toString(), "--out", manifest.toString(), "--data", "4", "--parity", "2",
        "--extra-uploads", "0", "--rpc", rpc, "--deployment", deployment, "--dev-account", "6", "--block-time",
        "PT0.5S");
    assertThat(put.exitCode()).as(put.out() + put.err()).isZero();
    assertThat(put.out()).contains("in 6 deals", "(2 transactions)");
    CliRun status = CliRun.of("status", manifest.toString(), "--rpc", rpc, "--deployment", deployment);
    for (String region : new String[] {"region-1", "region-2", "region-3"}) {
      assertThat(status.out().split(" in " + region + " ", -1)).as("two shards in " + region + ":\n" + status.out())
          .hasSize(3);
    }

    // region-1 is operators 0 and 3 (round robin over three regions)
    devnet.operators().get(0).close();
    devnet.operators().get(3).close();
    CliRun back = CliRun.of("get", manifest.toString(), "--out", dir.resolve("back.bin").toString(), "--rpc", rpc,
        "--deployment", deployment, "--dev-account", "6");
    assertThat(back.exitCode()).as(back.err()).isZero();
    assertThat(Files.mismatch(dir.resolve("back.bin"), input)).isEqualTo(-1);

    devnet.operators().get(1).close();
    CliRun lost = CliRun.of("get", manifest.toString(), "--out", dir.resolve("lost.bin").toString(), "--rpc", rpc,
        "--deployment", deployment, "--dev-account", "6");
    assertThat(lost.exitCode()).isEqualTo(1);
    assertThat(lost.err()).contains("part 0: 3 of the 4 shards it needs could be fetched", "unreachable");
    assertThat(dir.resolve("lost.bin")).doesNotExist();
  }
}
