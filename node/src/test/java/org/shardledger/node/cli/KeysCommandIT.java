package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilProcess;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Keystores;
import org.shardledger.testkit.AnvilFixture;

/** {@code keys publish} puts the derived X25519 key in the chain's key registry; {@code keys show ADDRESS} reads it. */
class KeysCommandIT {
  @TempDir
  Path dir;

  @Test
  void aPublishedKeyIsWhatAnotherAccountLooksUp() throws Exception {
    try (AnvilProcess anvil = AnvilProcess.start(AnvilFixture.config(dir.resolve("anvil")))) {
      String rpc = anvil.rpcUrl().toString();
      Keystores.write(DevAccounts.key(0), "pw", dir.resolve("admin.json"));
      Files.writeString(dir.resolve("password"), "pw\n");
      String deployment = dir.resolve("deployment.json").toString();
      CliRun deploy = CliRun.of("deploy", "--rpc", rpc, "--keystore", dir.resolve("admin.json").toString(),
          "--password-file", dir.resolve("password").toString(), "--out", deployment, "--verifier",
          DevAccounts.key(7).address().toHex());
      assertThat(deploy.exitCode()).as(deploy.err()).isZero();
      String owner = DevAccounts.key(6).address().toHex();

      CliRun before = CliRun.of("keys", "show", owner, "--rpc", rpc, "--deployment", deployment);
      assertThat(before.exitCode()).as(before.err()).isEqualTo(1);
      assertThat(before.err()).contains("has published no encryption key");

      CliRun own = CliRun.of("keys", "show", "--dev-account", "6");
      assertThat(own.exitCode()).as(own.err()).isZero();
      String derived = own.out().lines().filter(l -> l.startsWith("x25519 ")).findFirst().orElseThrow();

      CliRun publish = CliRun.of("keys", "publish", "--rpc", rpc, "--deployment", deployment, "--dev-account", "6");
      assertThat(publish.exitCode()).as(publish.err()).isZero();
      assertThat(publish.out()).contains(derived.substring("x25519 ".length()));

      CliRun lookedUp = CliRun.of("keys", "show", owner, "--rpc", rpc, "--deployment", deployment);
      assertThat(lookedUp.exitCode()).as(lookedUp.err()).isZero();
      assertThat(lookedUp.out()).contains(derived).containsIgnoringCase(owner);
    }
  }

  @Test
  void publishingWithoutADeploymentFileIsAClearError() {
    CliRun publish = CliRun.of("keys", "publish", "--rpc", "http://127.0.0.1:9", "--chain-id", "5", "--ledger",
        DevAccounts.key(3).address().toHex());
    assertThat(publish.exitCode()).isEqualTo(2);
    assertThat(publish.err()).contains("--deployment");
  }
}
