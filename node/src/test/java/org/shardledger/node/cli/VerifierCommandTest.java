package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerifierCommandTest {
  @Test
  void listsTheDialOverride() {
    StringWriter out = new StringWriter();
    CommandLine cli = cli(out);
    assertThat(cli.execute("verifier", "--help")).isZero();
    assertThat(out.toString()).contains("--dial=ADDRESS=HOST:PORT");
  }

  @Test
  void refusesADialOverrideThatIsNotAnAddressAndAHostPort() {
    for (String bad : new String[] {"0x1234=127.0.0.1:7000", "0x" + "ab".repeat(20) + "=127.0.0.1",
        "0x" + "ab".repeat(20) + "=:7000"}) {
      StringWriter out = new StringWriter();
      assertThat(cli(out).execute("verifier", "--data-dir", "x", "--rpc", "http://127.0.0.1:1",
          "--deployment", "missing.json", "--keystore", "k.json", "--password-file", "p", "--dial", bad))
          .as(bad).isEqualTo(2);
      assertThat(out.toString()).as(bad).contains("--dial", "need ADDRESS=HOST:PORT");
    }
  }

  private static CommandLine cli(StringWriter out) {
    CommandLine cli = ShardledgerCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli;
  }
}
