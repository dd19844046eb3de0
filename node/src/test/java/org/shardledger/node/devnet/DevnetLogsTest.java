package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each role logs to its own file under DATA/logs, all of it to network.log; the console keeps warnings. */
class DevnetLogsTest {
  private static final Logger PROVER = LoggerFactory.getLogger("org.shardledger.prover.SomeProverPart");

  @TempDir
  Path data;

  @Test
  void eachRoleAndTheThreadsItStartsLogToItsOwnFileAndTheConsoleShowsOnlyWarnings() throws Exception {
    Files.createDirectories(data.resolve(DevnetLogs.DIR));
    Files.writeString(data.resolve(DevnetLogs.DIR).resolve("old.log"), "from an earlier run\n");
    try (DevnetLogs logs = DevnetLogs.start(data, List.of("operator-1", "operator-2", "ledger"), false)) {
      assertThat(logs.files().keySet()).containsExactly("network", "operator-1", "operator-2", "ledger");
      assertThat(data.resolve(DevnetLogs.DIR).resolve("old.log")).doesNotExist();
      ExecutorService[] pool = new ExecutorService[1];
      Thread[] loop = new Thread[1];
      RoleTag.as("operator-1", () -> {
        PROVER.info("operator one starts");
        pool[0] = Executors.newFixedThreadPool(1); // its thread starts later, when its loop hands it work
        loop[0] = Thread.ofVirtual().unstarted(() -> {
          PROVER.info("operator one's loop");
          try {
            pool[0].submit(() -> PROVER.info("operator one's executor")).get();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
        return null;
      });
      RoleTag.as("operator-2", () -> {
        PROVER.info("operator two starts");
        return null;
      });
      loop[0].start(); // by the caller, untagged: the loop was made by the role
      loop[0].join();
      pool[0].shutdown();
      RoleTag.as("ledger", () -> {
        LoggerFactory.getLogger("org.shardledger.ledger.SomeLedgerPart").warn("a ledger warning");
        return null;
      });
      PROVER.info("an untagged line");
      assertThat(Files.readString(logs.files().get("operator-1"))).contains("operator one starts",
          "operator one's executor", "operator one's loop").doesNotContain("operator two", "ledger", "untagged");
      assertThat(Files.readString(logs.files().get("operator-2"))).contains("operator two starts")
          .doesNotContain("operator one", "ledger", "untagged");
      assertThat(Files.readString(logs.files().get("ledger"))).contains("WARN", "a ledger warning")
          .doesNotContain("operator");
      assertThat(Files.readString(logs.files().get("network"))).contains("operator one starts",
          "operator two starts", "operator one's executor", "a ledger warning", "an untagged line");
      assertThat(RoleTag.current()).as("the caller's thread is untagged again").isEmpty();
      assertThat(console().getFilterChainDecision(event(Level.INFO))).isEqualTo(FilterReply.DENY);
      assertThat(console().getFilterChainDecision(event(Level.WARN))).isNotEqualTo(FilterReply.DENY);
    }
    assertThat(console().getFilterChainDecision(event(Level.INFO))).as("closed: all on the console again")
        .isNotEqualTo(FilterReply.DENY);
    RoleTag.as("operator-1", () -> {
      PROVER.info("after close");
      return null;
    });
    assertThat(Files.readString(data.resolve(DevnetLogs.DIR).resolve("operator-1.log"))).doesNotContain("after close");
  }

  @Test
  void aDevnetHasAFilePerOperatorVerifierLedgerAndOwner() {
    DevnetConfig config = new DevnetConfig(data, data, 3, 2, 1, 1, 10, 1, 10, 0);
    assertThat(DevnetLogs.roles(config)).containsExactly("operator-1", "operator-2", "operator-3", "verifier-1",
        "verifier-2", "ledger", "owner");
  }

  @Test
  void verboseLeavesTheConsoleAlone() throws Exception {
    try (DevnetLogs logs = DevnetLogs.start(data, List.of("ledger"), true)) {
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
