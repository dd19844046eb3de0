package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.contracts.anvil.DevAccounts;

class OfflineOwnerCommandsTest {
  @TempDir
  Path dir;
  Path file;

  @BeforeEach
  void writeFile() throws IOException {
    byte[] data = new byte[3 * 1024 * 1024 + 77];
    new Random(15).nextBytes(data);
    file = dir.resolve("report.pdf");
    Files.write(file, data);
  }

  Path encode(String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "encode";
    args[1] = file.toString();
    args[2] = "--out";
    args[3] = dir.resolve("shards").toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("encoded report.pdf (3145805 bytes) into 2 parts of 4 + 2 shards");
    return dir.resolve("shards").resolve("report.pdf.manifest.json");
  }

  @Test
  void theAotTrainingRunEncodesAndDecodesThenRemovesItsDirectoryAndIsNotListed() {
    Path scratch = dir.resolve("training");
    CliRun run = CliRun.of("aot-training", scratch.toString(), "--size", "3m");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(scratch).doesNotExist();
    assertThat(CliRun.of("--help").err() + CliRun.of("--help").out()).contains("encode").doesNotContain("aot-training");
  }

  @Test
  void encodeThenDecodeFromAnyFourOfSix() throws IOException {
    Path manifest = encode("--part-size", "2m");
    try (var shards = Files.list(dir.resolve("shards"))) {
      shards.filter(p -> p.getFileName().toString().matches(".*\\.p[01]\\.s[05]")).forEach(p -> p.toFile().delete());
    }
    Path back = dir.resolve("back.pdf");
    CliRun run = CliRun.of("decode", manifest.toString(), "--shards", dir.resolve("shards").toString(), "--out",
        back.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("decoded report.pdf (3145805 bytes)", "signed by its owner "
        + DevAccounts.key(OwnerOptions.DEVNET_OWNER).address());
    assertThat(Files.mismatch(file, back)).isEqualTo(-1);
  }

  @Test
  void decodeRefusesAnotherAccountAChangedManifestAndAnotherChain() throws IOException {
    Path manifest = encode("--part-size", "2m");
    String shards = dir.resolve("shards").toString();
    CliRun other = CliRun.of("decode", manifest.toString(), "--shards", shards, "--out", dir.resolve("a").toString(),
        "--dev-account", "3");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("manifest refused (NO_ENVELOPE)", "another owner's file");

    Path tampered = dir.resolve("tampered.json");
    String json = Files.readString(manifest);
    int at = json.indexOf("\"size\":") + 7;
    Files.writeString(tampered, json.substring(0, at) + "1" + json.substring(at));
    CliRun bad = CliRun.of("decode", tampered.toString(), "--shards", shards, "--out", dir.resolve("b").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("manifest refused (BAD_SIGNATURE)");

    CliRun chain = CliRun.of("decode", manifest.toString(), "--shards", shards, "--out", dir.resolve("c").toString(),
        "--chain-id", "1", "--ledger", OwnerOptions.DEVNET_LEDGER.toHex());
    assertThat(chain.exitCode()).isEqualTo(2);
    assertThat(chain.err()).contains("manifest refused (WRONG_CHAIN)");

    Files.writeString(tampered, "{not json");
    CliRun garbage = CliRun.of("decode", tampered.toString(), "--shards", shards);
    assertThat(garbage.exitCode()).isEqualTo(2);
    assertThat(garbage.err()).contains("manifest refused (UNPARSEABLE)");
    assertThat(dir.resolve("a")).doesNotExist();
  }

  @Test
  void tooFewShardsIsExitTwoNamingTheMissingOnes() throws IOException {
    Path manifest = encode("--part-size", "2m");
    try (var shards = Files.list(dir.resolve("shards"))) {
      shards.filter(p -> p.getFileName().toString().matches(".*\\.p1\\.s[024]")).forEach(p -> p.toFile().delete());
    }
    CliRun run = CliRun.of("decode", manifest.toString(), "--shards", dir.resolve("shards").toString(), "--out",
        dir.resolve("x").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("part 1", "missing shards 0, 2, 4");
  }

  @Test
  void badEncodeInputIsExitTwoWithTheReason() {
    CliRun missing = CliRun.of("encode", dir.resolve("nope").toString(), "--out", dir.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    CliRun noParity = CliRun.of("encode", file.toString(), "--out", dir.toString(), "--parity", "0");
    assertThat(noParity.exitCode()).isEqualTo(2);
    assertThat(noParity.err()).contains("parity shards (m) must be at least 1");
    CliRun tooWide = CliRun.of("encode", file.toString(), "--out", dir.toString(), "--data", "250", "--parity", "7");
    assertThat(tooWide.exitCode()).isEqualTo(2);
    assertThat(tooWide.err()).contains("at most 256");
    CliRun smallParts = CliRun.of("encode", file.toString(), "--out", dir.toString(), "--part-size", "4k");
    assertThat(smallParts.exitCode()).isEqualTo(2);
    assertThat(smallParts.err()).contains("part size");
    CliRun halfKeystore = CliRun.of("encode", file.toString(), "--out", dir.toString(), "--keystore", "k.json");
    assertThat(halfKeystore.exitCode()).isEqualTo(2);
    assertThat(halfKeystore.err()).contains("--keystore and --password-file go together");
  }

  @Test
  void theAccountCanComeFromAKeystore() throws IOException {
    Path keystore = dir.resolve("owner.json");
    org.shardledger.contracts.chain.Keystores.write(DevAccounts.key(4), "correct horse", keystore);
    Path password = Files.writeString(dir.resolve("owner.pw"), "correct horse\n");
    CliRun own = CliRun.of("keys", "show", "--keystore", keystore.toString(), "--password-file", password.toString());
    assertThat(own.exitCode()).as(own.err()).isZero();
    assertThat(own.out()).contains("x25519 " + EncryptionKey.derive(DevAccounts.key(4)).publicKey());
    Files.writeString(password, "wrong\n");
    CliRun wrong = CliRun.of("keys", "show", "--keystore", keystore.toString(), "--password-file",
        password.toString());
    assertThat(wrong.exitCode()).isEqualTo(2);
  }

  @Test
  void keysShowPrintsTheDerivedKeyAndLookupsNeedTheChain() {
    CliRun own = CliRun.of("keys", "show", "--dev-account", "2");
    assertThat(own.exitCode()).as(own.err()).isZero();
    EncryptionKey expected = EncryptionKey.derive(DevAccounts.key(2));
    assertThat(own.out()).contains("account " + expected.account(), "x25519 " + expected.publicKey());

    CliRun other = CliRun.of("keys", "show", DevAccounts.key(3).address().toHex());
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("reads the chain's key registry: give --rpc URL");
  }
}
