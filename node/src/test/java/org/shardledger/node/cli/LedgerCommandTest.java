package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LedgerCommandTest {
  @Test
  void listsItsOptionsAndRefusesToStartWithoutTheRequiredOnes() {
    CommandLine cli = ShardledgerCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    assertThat(cli.execute("ledger", "--help")).isZero();
    assertThat(out.toString()).contains("--data-dir", "--deployment", "--rpc", "--keystore", "--password-file",
        "--verifier-rpc", "--listen", "127.0.0.1:8547");
    assertThat(cli.execute("ledger", "--data-dir", "x")).isEqualTo(2);
  }

  @Test
  void readsHostAndPort() {
    assertThat(new LedgerCommand.HostPort().convert("127.0.0.1:9000"))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 9000));
  }
}
