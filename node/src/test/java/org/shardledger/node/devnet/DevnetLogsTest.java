package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each kind of role logs to its own file under DATA/logs, all of it to network.log; the console keeps warnings. */
class DevnetLogsTest {
  @TempDir
  Path data;

  @Test
  void rolesLogToTheirFilesAndTheConsoleShowsOnlyWarnings() throws Exception {
    Files.createDirectories(data.resolve(DevnetLogs.DIR));
    Files.writeString(data.resolve(DevnetLogs.DIR).resolve("old.log"), "from an earlier run\n");
    try (DevnetLogs logs = DevnetLogs.start(data, false)) {
      assertThat(logs.files().keySet()).containsExactly("network", "operators", "verifiers", "ledger");
      assertThat(data.resolve(DevnetLogs.DIR).resolve("old.log")).doesNotExist();
      LoggerFactory.getLogger("org.shardledger.prover.SomeProverPart").info("a prover line");
      LoggerFactory.getLogger("shardledger.verifier").info("a verifier line");
      LoggerFactory.getLogger("org.shardledger.ledger.SomeLedgerPart").warn("a ledger warning");
      assertThat(Files.readString(logs.files().get("operators"))).contains("a prover line")
          .doesNotContain("a verifier line");
      assertThat(Files.readString(logs.files().get("verifiers"))).contains("a verifier line")
          .doesNotContain("a prover line");
      assertThat(Files.readString(logs.files().get("ledger"))).contains("WARN").contains("a ledger warning");
      assertThat(Files.readString(logs.files().get("network"))).contains("a prover line", "a verifier line",
          "a ledger warning");
      assertThat(console().getFilterChainDecision(event(Level.INFO))).isEqualTo(FilterReply.DENY);
      assertThat(console().getFilterChainDecision(event(Level.WARN))).isNotEqualTo(FilterReply.DENY);
    }
    assertThat(console().getFilterChainDecision(event(Level.INFO))).as("closed: all on the console again")
        .isNotEqualTo(FilterReply.DENY);
    LoggerFactory.getLogger("org.shardledger.prover.SomeProverPart").info("after close");
    assertThat(Files.readString(data.resolve(DevnetLogs.DIR).resolve("operators.log"))).doesNotContain("after close");
  }

  @Test
  void verboseLeavesTheConsoleAlone() throws Exception {
    try (DevnetLogs logs = DevnetLogs.start(data, true)) {
      assertThat(console().getFilterChainDecision(event(Level.INFO))).isNotEqualTo(FilterReply.DENY);
    }
  }

  private static ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var it = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
    while (it.hasNext()) {
      if (it.next() instanceof ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> c) {
        return c;
      }
    }
    throw new AssertionError("no console appender");
  }

  private static LoggingEvent event(Level level) {
    LoggingEvent e = new LoggingEvent();
    e.setLevel(level);
    e.setMessage("x");
    e.setLoggerName("org.shardledger.prover.X");
    return e;
  }
}
