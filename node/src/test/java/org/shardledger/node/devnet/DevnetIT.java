package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;

/** The main job end to end: the whole network comes up, audits, settles two epochs and pays every operator. */
class DevnetIT {
  @TempDir
  Path dir;

  @Test
  void theWholeNetworkAuditsSettlesAndPaysEveryOperator() throws Exception {
    StringWriter text = new StringWriter();
    DevnetConfig config = new DevnetConfig(dir.resolve("devnet"), AnvilBinary.require(Path.of("")), 3, 3, 2, 0.5, 10,
        1, 50, 2);
    boolean paid = DevnetRunner.run(config, new PrintWriter(text, true));
    String out = text.toString();
    assertThat(paid).as(out).isTrue();
    assertThat(out).contains("every operator was paid").contains("3 of 3 verifiers")
        .doesNotContainPattern("[1-9][0-9]* FAIL").doesNotContainPattern("[1-9][0-9]* UNREACHABLE");
  }
}
