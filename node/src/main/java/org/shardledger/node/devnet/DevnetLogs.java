package org.shardledger.node.devnet;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Where the devnet's roles log: every role's lines in a file per kind of role under {@code DATA/logs} (operators,
 * verifiers, ledger) and all of them in {@code network.log}; on the console only warnings and errors, unless
 * verbose. The devnet's own summary goes to its output, not through the log.
 */
final class DevnetLogs implements AutoCloseable {
  static final String DIR = "logs";
  private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

  private final Map<String, Path> files = new LinkedHashMap<>();
  private final List<Runnable> undo = new ArrayList<>();

  private DevnetLogs() {}

  /** Sends the roles' logs to files under {@code dataDir/logs} (emptied first). */
  static DevnetLogs start(Path dataDir, boolean verbose) throws IOException {
    Path dir = dataDir.resolve(DIR);
    if (Files.isDirectory(dir)) {
      try (var old = Files.list(dir)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    DevnetLogs logs = new DevnetLogs();
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return logs;
    }
    logs.file(context, dir, "network", Logger.ROOT_LOGGER_NAME);
    logs.file(context, dir, "operators", "org.shardledger.prover", "shardledger.prover");
    logs.file(context, dir, "verifiers", "org.shardledger.verifier", "shardledger.verifier");
    logs.file(context, dir, "ledger", "org.shardledger.ledger", "shardledger.ledger");
    if (!verbose) {
      logs.quietConsole(context.getLogger(Logger.ROOT_LOGGER_NAME));
    }
    return logs;
  }

  /** Each file by what it holds ("network", "operators", …). */
  Map<String, Path> files() {
    return java.util.Collections.unmodifiableMap(files);
  }

  private void file(LoggerContext context, Path dir, String name, String... loggers) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("devnet-" + name);
    appender.setFile(dir.resolve(name + ".log").toString());
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true);
    appender.start();
    for (String l : loggers) {
      Logger logger = context.getLogger(l);
      logger.addAppender(appender);
      undo.add(() -> logger.detachAppender(appender));
    }
    undo.add(appender::stop);
    files.put(name, dir.resolve(name + ".log"));
  }

  /** Warnings and errors only on the console appenders of the root logger. */
  private void quietConsole(Logger root) {
    for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
      Appender<ILoggingEvent> a = it.next();
      if (a instanceof ch.qos.logback.core.ConsoleAppender<ILoggingEvent> console) {
        ThresholdFilter warn = new ThresholdFilter();
        warn.setLevel(Level.WARN.levelStr);
        warn.start();
        console.addFilter(warn);
        undo.add(console::clearAllFilters);
      }
    }
  }

  @Override
  public void close() {
    for (int i = undo.size() - 1; i >= 0; i--) {
      undo.get(i).run();
    }
    undo.clear();
  }
}
