package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
    assertThat(new HostPortConverter().convert("127.0.0.1:9000"))
        .isEqualTo(new org.shardledger.node.roles.HostPort("127.0.0.1", 9000));
    assertThat(new HostPortConverter().convert("[::1]:7340").host()).isEqualTo("::1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HostPortConverter().convert("nohostport"))
        .hasMessageContaining("HOST:PORT");
  }
}
