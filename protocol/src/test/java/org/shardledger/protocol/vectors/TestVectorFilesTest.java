package org.shardledger.protocol.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed files in {@code testvectors/} must be exactly what this code produces, so Java and every other
 * implementation that reads them (the Solidity tests) cannot drift apart. To regenerate after a deliberate
 * change: {@code mvn test -pl protocol -Dtest=TestVectorFilesTest -Dshardledger.vectors.write=true}.
 */
class TestVectorFilesTest {
  static final Path DIR = Path.of("..", "testvectors");

  private static Map<String, ObjectNode> expected() {
    return Map.of(
        "commitments.json", ProtocolVectors.commitments(),
        "challenges.json", ProtocolVectors.challenges(),
        "proofs.json", ProtocolVectors.proofs());
  }

  @Test
  void committedVectorsMatchTheImplementation() throws IOException {
    boolean write = Boolean.getBoolean("shardledger.vectors.write");
    for (Map.Entry<String, ObjectNode> e : expected().entrySet()) {
      Path file = DIR.resolve(e.getKey());
      String rendered = ProtocolVectors.render(e.getValue());
      if (write) {
        Files.createDirectories(DIR);
        Files.writeString(file, rendered);
      }
      assertThat(file).as("%s (regenerate with -Dshardledger.vectors.write=true)", file).exists();
      assertThat(Files.readString(file)).as(e.getKey()).isEqualTo(rendered);
    }
  }

  @Test
  void proofVectorsCoverValidAndEveryContractLevelRejection() {
    var reasons = new java.util.HashSet<String>();
    ProtocolVectors.proofs().get("vectors").forEach(v -> reasons.add(v.get("reason").asText()));
    assertThat(reasons).contains("VALID", "BAD_PATH", "WRONG_INDEX", "WRONG_SEGMENT_LENGTH", "WRONG_PATH_LENGTH");
  }
}
