package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.chain.Chain;
import org.slf4j.LoggerFactory;

/**
 * A network stopped after a few audited and reported epochs stops quietly: the verifiers stop before the ledger they deliver to, so
 * none of them warns that it could not deliver a report while the network goes down.
 */
class LocalNetworkStopIT {
  @TempDir
  Path dir;

  @Test
  void whoeverCallsAnotherStopsFirst() throws Exception {
    List<String> closed = new java.util.ArrayList<>();
    LocalNetwork net = LocalNetwork.builder(dir).anvil(AnvilBinary.require(Path.of(""))).start();
    try {
      net.keep(() -> closed.add("metrics"));
      net.keepRole("operator", () -> closed.add("operator"));
      net.keepRole("verifier", () -> closed.add("verifier"));
      net.keepRole("ledger", () -> closed.add("ledger"));
      net.keep(() -> closed.add("dashboard"));
      assertThat(net.closeAll()).isEmpty();
    } finally {
      net.close();
    }
    assertThat(closed).containsExactly("dashboard", "verifier", "ledger", "operator", "metrics");
  }

  @Test
  void aNetworkStoppedAfterReportedEpochsLogsNoWarningWhileStopping() throws Exception {
    LocalNetwork net = LocalNetwork.builder(dir).anvil(AnvilBinary.require(Path.of(""))).operators(1)
        .verifiers(3, 2).blockTime(0.2).epochLength(5).start();
    ListAppender<ILoggingEvent> stopping = new ListAppender<>();
    Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    try {
      net.startRoles();
      try (Chain reader = net.chain().connectReadOnly()) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (reader.blockNumber() < 6 * 5 && System.currentTimeMillis() < deadline) {
          Thread.sleep(200);
        }
        assertThat(reader.blockNumber()).as("six epochs passed, their reports delivered").isGreaterThanOrEqualTo(30);
      }
      stopping.start();
      root.addAppender(stopping);
      assertThat(net.closeAll()).isEmpty();
    } finally {
      root.detachAppender(stopping);
      net.close();
    }
    List<String> loud = stopping.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(loud).as("WARN and ERROR lines while stopping").isEmpty();
  }
}
