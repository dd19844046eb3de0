package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.node.devnet.LocalNetwork;

/**
 * {@code put} and {@code get} on a real local network: Anvil with the contracts, four operators' nodes, verifiers
 * and a ledger, in this JVM. The file is coded 2 + 2, one shard on each operator, so losing two operators is fine
 * and losing a third is a clear error.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PutGetCommandIT {
  @TempDir
  static Path dir;

  private static LocalNetwork devnet;
  private static String rpc;
  private static String deployment;
  private static Path input;
  private static Path manifest;

  @BeforeAll
  static void start() throws Exception {
    devnet = LocalNetwork.builder(dir.resolve("devnet")).operators(4).verifiers(1, 1).blockTime(0.5)
        .epochLength(10).start();
    devnet.startRoles();
    devnet.chain().fund(DevAccounts.owner().address(), 200_000); // what the devnet's owner had, and the test's own
    rpc = devnet.chain().rpcUrl().toString();
    deployment = devnet.deploymentFile().toString();
    input = dir.resolve("holiday.mov");
    byte[] data = new byte[3 << 20];
    new Random(16).nextBytes(data);
    Files.write(input, data);
    manifest = dir.resolve("holiday.manifest.json");
  }

  @AfterAll
  static void stop() {
    if (devnet != null) {
      devnet.close();
    }
  }

  private static CliRun get(String name) {
    return CliRun.of("get", manifest.toString(), "--out", dir.resolve(name).toString(), "--rpc", rpc,
        "--deployment", deployment, "--dev-account", "6");
  }

  @Test
  @Order(1)
  void aDryRunPrintsThePlacementAndItsCostAndSendsNothing() {
    CliRun dry = CliRun.of("put", input.toString(), "--out", manifest.toString(), "--data", "2", "--parity", "2",
        "--extra-uploads", "0", "--dry-run", "--rpc", rpc, "--deployment", deployment, "--dev-account", "6",
        "--block-time", "PT0.5S", "--max-price", "0.000001");
    assertThat(dry.exitCode()).as("--max-price is in credits, as the operators' --min-price: " + dry.err()).isZero();
    assertThat(dry.out()).contains("part 0 shard 0 ->", "part 0 shard 3 ->", "cost:");
    assertThat(manifest).doesNotExist();
  }

  @Test
  @Order(2)
  void putStoresTheFileOnFourOperatorsAndGetBringsItBackByteIdentical() throws Exception {
    CliRun put = CliRun.of("put", input.toString(), "--out", manifest.toString(), "--data", "2", "--parity", "2",
        "--extra-uploads", "0", "--rpc", rpc, "--deployment", deployment, "--dev-account", "6", "--block-time",
        "PT0.5S");
    assertThat(put.exitCode()).as(put.err()).isZero();
    assertThat(put.out()).contains("stored holiday.mov (3145728 bytes) in 4 deals")
        .as("one proposal batch and one activation batch").contains("(2 transactions)");
    assertThat(put.err()).contains("upload", "activate");
    assertThat(manifest).exists();
    assertThat(dir.resolve("holiday.manifest.json.spool")).doesNotExist();

    CliRun get = get("back-1.mov");
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(get.out()).contains("manifest signed by its owner " + DevAccounts.key(6).address());
    assertThat(Files.mismatch(dir.resolve("back-1.mov"), input)).isEqualTo(-1);
  }

  @Test
  @Order(3)
  void lsListsTheOwnersFileWithItsShardsHeldAndSkipsOtherOwnersAndOtherJson() throws Exception {
    CliRun ls = CliRun.of("ls", dir.toString(), "--rpc", rpc, "--deployment", deployment, "--dev-account", "6");
    assertThat(ls.exitCode()).as(ls.out() + ls.err()).isZero();
    assertThat(ls.out()).contains("holiday.manifest.json", "1 part(s) 2+2", "4/4 shards held", "readable",
        "1 file(s), 0 interrupted put(s)");
    CliRun stranger = CliRun.of("ls", dir.toString(), "--rpc", rpc, "--deployment", deployment, "--dev-account",
        "5");
    assertThat(stranger.exitCode()).isZero();
    assertThat(stranger.out()).contains("0 file(s)", "1 manifest(s) of other owners not listed")
        .doesNotContain("holiday.manifest.json");
    Path journal = dir.resolve("left.manifest.json.put-journal");
    Files.writeString(journal, "");
    try {
      CliRun interrupted = CliRun.of("ls", dir.toString(), "--rpc", rpc, "--deployment", deployment,
          "--dev-account", "6");
      assertThat(interrupted.out()).contains("left.manifest.json.put-journal: an interrupted put",
          "--out left.manifest.json", "1 interrupted put(s)");
    } finally {
      Files.delete(journal);
    }
  }

  @Test
  @Order(3)
  void aNonOwnerGivenTheManifestLearnsWhoSignedItAndIsRefusedTheShardsByName() throws Exception {
    CliRun other = CliRun.of("get", manifest.toString(), "--out", dir.resolve("stolen.mov").toString(), "--rpc", rpc,
        "--deployment", deployment, "--dev-account", "5");
    assertThat(other.exitCode()).isEqualTo(ShardledgerCommand.EXIT_BAD_INPUT);
    assertThat(other.err()).contains("manifest signed by its owner " + DevAccounts.key(6).address(),
        "no envelope for " + DevAccounts.key(5).address(), "retrieval tickets signed by the file's owner");
    assertThat(dir.resolve("stolen.mov")).doesNotExist();
    Path altered = dir.resolve("altered.json");
    String text = Files.readString(manifest);
    int at = text.indexOf("\"0x", text.indexOf("\"root\"")) + 3;
    Files.writeString(altered, text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0') + text.substring(at + 1));
    try {
      CliRun forged = CliRun.of("get", altered.toString(), "--rpc", rpc, "--deployment", deployment,
          "--dev-account", "5");
      assertThat(forged.exitCode()).isEqualTo(ShardledgerCommand.EXIT_BAD_INPUT);
      assertThat(forged.err()).contains("manifest refused (BAD_SIGNATURE)");
    } finally {
      Files.delete(altered);
    }
  }

  @Test
  @Order(3)
  void statusShowsEachShardsDealAndThatThePartIsReadable() {
    CliRun status = CliRun.of("status", manifest.toString(), "--rpc", rpc, "--deployment", deployment);
    assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
    assertThat(status.out()).contains("part 0 shard 0", "part 0: 4 of 4 shards held, 2 needed: 2 more may be lost",
        "every part is readable");
  }

  @Test
  @Order(3)
  void getAndStatusGivenALedgerFindTheDealsByRootThroughItAndWithoutOneSayTheyReadTheChain() throws Exception {
    String ledger = devnet.ledger().orElseThrow().node().rpcUrl().toString();
    CliRun status = null;
    for (int tries = 0; tries < 40; tries++) { // the ledger mirrors the confirmed chain: a block or two behind
      status = CliRun.of("status", manifest.toString(), "--rpc", rpc, "--deployment", deployment, "--ledger-rpc",
          ledger);
      if (status.exitCode() == 0) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
    assertThat(status.out()).contains("part 0: 4 of 4 shards held, 2 needed", "in region-", "every part is readable");
    assertThat(status.err()).doesNotContain("no --ledger-rpc");
    CliRun get = CliRun.of("get", manifest.toString(), "--out", dir.resolve("back-ledger.mov").toString(), "--rpc",
        rpc, "--deployment", deployment, "--dev-account", "6", "--ledger-rpc", ledger);
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(get.err()).contains("asking the ledger at " + ledger).doesNotContain("no --ledger-rpc");
    assertThat(Files.mismatch(dir.resolve("back-ledger.mov"), input)).isEqualTo(-1);
    CliRun byChain = CliRun.of("status", manifest.toString(), "--rpc", rpc, "--deployment", deployment);
    assertThat(byChain.err()).contains("note: no --ledger-rpc: reading every deal from the chain's events");
  }

  @Test
  @Order(4)
  void withTwoOperatorsStoppedTheFileStillComesBackAndWithThreeTheErrorNamesTheMissingShards() throws Exception {
    devnet.operators().get(0).close();
    devnet.operators().get(2).close();
    CliRun two = get("back-2.mov");
    assertThat(two.exitCode()).as(two.err()).isZero();
    assertThat(Files.mismatch(dir.resolve("back-2.mov"), input)).isEqualTo(-1);

    devnet.operators().get(3).close();
    CliRun three = get("back-3.mov");
    assertThat(three.exitCode()).isEqualTo(1);
    assertThat(three.err()).contains("part 0: 1 of the 2 shards it needs could be fetched", "unreachable");
    assertThat(dir.resolve("back-3.mov")).doesNotExist();
    CliRun status = CliRun.of("status", manifest.toString(), "--rpc", rpc, "--deployment", deployment);
    assertThat(status.exitCode()).as("the chain still lists the deals active: status reads the chain").isZero();
  }

  @Test
  @Order(5)
  void rmEndsEveryDealOfTheFile() {
    CliRun rm = CliRun.of("rm", manifest.toString(), "--rpc", rpc, "--deployment", deployment, "--dev-account", "6");
    assertThat(rm.exitCode()).as(rm.err()).isZero();
    assertThat(rm.out()).contains("ended 4 deals");
    CliRun ls = CliRun.of("ls", dir.toString(), "--rpc", rpc, "--deployment", deployment, "--dev-account", "6");
    assertThat(ls.exitCode()).isEqualTo(1);
    assertThat(ls.out()).contains("holiday.manifest.json", "0/4 shards held", "no active deal", "NOT READABLE");
    CliRun status = CliRun.of("status", manifest.toString(), "--rpc", rpc, "--deployment", deployment);
    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.out()).contains("NO ACTIVE DEAL", "NOT READABLE");
  }
}
