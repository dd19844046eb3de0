package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.ShardHasher;

class ProofCommandsTest {
  private static final String BEACON = "0x" + "ab".repeat(32);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  Path shard;

  @BeforeEach
  void writeShard() throws IOException {
    byte[] data = new byte[300_000];
    new Random(42).nextBytes(data);
    shard = dir.resolve("shard.bin");
    Files.write(shard, data);
  }

  private List<String> challengeArgs() {
    return List.of("--beacon", BEACON, "--chain-id", "31337", "--deal", "7", "--epoch", "3", "--samples", "16");
  }

  private String[] verifyArgs(Path proof, JsonNode commitment) {
    List<String> args = new ArrayList<>(List.of("verify-proof", proof.toString(),
        "--root", commitment.get("root").asText(), "--size", commitment.get("size").asText(),
        "--segment-size", commitment.get("segmentSize").asText()));
    args.addAll(challengeArgs());
    return args.toArray(String[]::new);
  }

  private String[] proveArgs() {
    List<String> args = new ArrayList<>(List.of("prove", shard.toString(), "--segment-size", "1024"));
    args.addAll(challengeArgs());
    return args.toArray(String[]::new);
  }

  @Test
  void commitPrintsTheCommitmentAsJson() throws IOException {
    CliRun run = CliRun.of("commit", shard.toString(), "--segment-size", "1024");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    ShardCommitment expected = new ShardHasher(1024).commit(shard);
    assertThat(json.get("root").asText()).isEqualTo(expected.root().toHex());
    assertThat(json.get("size").asLong()).isEqualTo(300_000);
    assertThat(json.get("segmentSize").asInt()).isEqualTo(1024);
    assertThat(json.get("segments").asLong()).isEqualTo(293);
  }

  @Test
  void proveThenVerifySaysValid() throws IOException {
    JsonNode commitment = JSON.readTree(CliRun.of("commit", shard.toString(), "--segment-size", "1024").out());
    CliRun prove = CliRun.of(proveArgs());
    assertThat(prove.exitCode()).as(prove.err()).isZero();
    assertThat(JSON.readTree(prove.out()).get("samples")).hasSize(16);
    Path proof = dir.resolve("proof.json");
    Files.writeString(proof, prove.out());

    CliRun verify = CliRun.of(verifyArgs(proof, commitment));
    assertThat(verify.out().trim()).isEqualTo("VALID");
    assertThat(verify.exitCode()).isZero();
  }

  @Test
  void aTamperedProofIsInvalidWithItsReasonAndExitOne() throws IOException {
    JsonNode commitment = JSON.readTree(CliRun.of("commit", shard.toString(), "--segment-size", "1024").out());
    String proofJson = CliRun.of(proveArgs()).out();
    JsonNode tree = JSON.readTree(proofJson);
    String segment = tree.get("samples").get(3).get("segment").asText();
    String flipped = segment.substring(0, 10) + (segment.charAt(10) == '0' ? '1' : '0') + segment.substring(11);
    Path proof = dir.resolve("tampered.json");
    Files.writeString(proof, proofJson.replace(segment, flipped));

    CliRun verify = CliRun.of(verifyArgs(proof, commitment));
    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).startsWith("INVALID BAD_PATH").contains("sample 3");
  }

  @Test
  void unreadableProofExitsTwoWithAClearMessage() throws IOException {
    JsonNode commitment = JSON.readTree(CliRun.of("commit", shard.toString(), "--segment-size", "1024").out());
    Path garbage = dir.resolve("garbage.json");
    Files.writeString(garbage, "{\"version\": 1, \"dealId\": ");
    CliRun run = CliRun.of(verifyArgs(garbage, commitment));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not a storage proof");

    CliRun missing = CliRun.of(verifyArgs(dir.resolve("nope.json"), commitment));
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void missingShardAndBadOptionsExitTwo() {
    CliRun missing = CliRun.of("commit", dir.resolve("absent.bin").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("error:").contains("absent.bin");

    CliRun badSegment = CliRun.of("commit", shard.toString(), "--segment-size", "1000");
    assertThat(badSegment.exitCode()).isEqualTo(2);
    assertThat(badSegment.err()).contains("power of two");

    List<String> args = new ArrayList<>(List.of("prove", shard.toString()));
    args.addAll(challengeArgs());
    args.set(args.indexOf(BEACON), "0x1234");
    CliRun badBeacon = CliRun.of(args.toArray(String[]::new));
    assertThat(badBeacon.exitCode()).isEqualTo(2);
    assertThat(badBeacon.err()).contains("32 bytes");
  }

  @Test
  void demoShowsAValidProofThenACaughtCorruption() {
    CliRun run = CliRun.of("demo", "--size", "2m", "--samples", "8");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(": VALID").contains("INVALID BAD_PATH");
  }
}
