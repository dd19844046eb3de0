package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;

/**
 * The main job end to end, in the devnet's default shape (six operators in three regions): the owner puts its
 * files with put's own path and gets each back byte-identical; the network audits, settles two epochs and pays
 * every operator; each role's lines are in its own log file.
 */
class DevnetIT {
  @TempDir
  Path dir;

  @Test
  void theWholeNetworkStoresAndReturnsFilesAuditsSettlesAndPaysEveryOperator() throws Exception {
    StringWriter text = new StringWriter();
    DevnetConfig config = new DevnetConfig(dir.resolve("devnet"), AnvilBinary.require(Path.of("")), 6, 3, 2, 0.5, 10,
        2, 50, 2);
    boolean paid = DevnetRunner.run(config, new PrintWriter(text, true));
    String out = text.toString();
    assertThat(paid).as(out).isTrue();
    assertThat(out).contains("every operator was paid").contains("3 of 3 verifiers")
        .doesNotContainPattern("[1-9][0-9]* FAIL").doesNotContainPattern("[1-9][0-9]* UNREACHABLE");
    for (String file : new String[] {"file-1.bin", "file-2.bin"}) {
      assertThat(out).containsPattern("put " + file + ": 1 part\\(s\\), 4\\+2, on 6 operators in 3 regions "
          + "\\(region-1, region-2, region-3\\), [0-9.]+ MB in [0-9.]+ s")
          .containsPattern("get " + file + ": byte-identical, [0-9.]+ MB in [0-9.]+ s from 4 of 6 shards per part");
    }
    assertThat(out).contains("12 deals").contains("bin/shardledger status "
        + config.dataDir().resolve("owner").resolve("file-1.bin.manifest.json").toAbsolutePath() + " --rpc ")
        .contains(" --ledger-rpc " + "http://127.0.0.1:");

    Path logs = config.dataDir().resolve(DevnetLogs.DIR);
    assertThat(out).contains(logs.resolve("operator-6.log").toAbsolutePath().toString(),
        config.dataDir().resolve("anvil").resolve("anvil.log").toAbsolutePath().toString());
    String one = DevnetAccounts.operator(0).address().toString();
    String two = DevnetAccounts.operator(1).address().toString();
    assertThat(Files.readString(logs.resolve("operator-1.log"))).contains("serving as operator " + one)
        .as("a line of operator 2's stays out of operator 1's file").doesNotContain("operator " + two);
    assertThat(Files.readString(logs.resolve("operator-2.log"))).contains("serving as operator " + two)
        .doesNotContain("operator " + one);
    assertThat(Files.readString(logs.resolve("owner.log"))).contains("activate");
    assertThat(Files.readString(logs.resolve("network.log"))).contains("serving as operator " + one,
        "serving as operator " + two);
  }
}
