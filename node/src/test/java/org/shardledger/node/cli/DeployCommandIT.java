package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilProcess;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.chain.Keystores;
import org.shardledger.testkit.AnvilFixture;

class DeployCommandIT {
  @TempDir
  Path dir;

  @Test
  void deploysWithAKeystoreAndWritesADeploymentFileTheRolesCanUse() throws Exception {
    try (AnvilProcess anvil = AnvilProcess.start(AnvilFixture.config(dir.resolve("anvil")))) {
      Keystores.write(DevAccounts.key(0), "pw", dir.resolve("admin.json"));
      Files.writeString(dir.resolve("password"), "pw\n");
      Path out = dir.resolve("deployment.json");
      CliRun run = CliRun.of("deploy", "--rpc", anvil.rpcUrl().toString(), "--keystore",
          dir.resolve("admin.json").toString(), "--password-file", dir.resolve("password").toString(),
          "--out", out.toString(), "--verifier", DevAccounts.key(7).address().toHex(),
          "--verifier", DevAccounts.key(8).address().toHex(), "--verifier", DevAccounts.key(9).address().toHex(),
          "--epoch-length", "10");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("2-of-3 verifiers");

      Deployment deployment = DeploymentFile.read(out);
      assertThat(deployment.epochLength()).isEqualTo(10);
      try (Chain chain = Chain.connect(anvil.rpcUrl(), deployment, Optional.empty(), dir.resolve("j"),
          ChainTiming.local())) {
        assertThat(chain.settlements().threshold()).isEqualTo(2);
        assertThat(chain.settlements().isVerifier(DevAccounts.key(8).address())).isTrue();
        assertThat(chain.settlements().isVerifier(DevAccounts.key(1).address())).isFalse();
      }
    }
  }

  @Test
  void aWrongPasswordOrUnreachableChainExitsTwoWithAReason() throws Exception {
    Keystores.write(DevAccounts.key(0), "pw", dir.resolve("admin.json"));
    Files.writeString(dir.resolve("wrong"), "nope\n");
    CliRun wrong = CliRun.of("deploy", "--rpc", "http://127.0.0.1:9", "--keystore", dir.resolve("admin.json").toString(),
        "--password-file", dir.resolve("wrong").toString(), "--verifier", DevAccounts.key(7).address().toHex());
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("wrong password");

    Files.writeString(dir.resolve("right"), "pw\n");
    CliRun unreachable = CliRun.of("deploy", "--rpc", "http://127.0.0.1:9", "--keystore",
        dir.resolve("admin.json").toString(), "--password-file", dir.resolve("right").toString(), "--verifier",
        DevAccounts.key(7).address().toHex());
    assertThat(unreachable.exitCode()).isEqualTo(2);
    assertThat(unreachable.err()).contains("error:");
  }
}
