package org.shardledger.node.devnet;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Where the devnet's roles log: each role's lines in its own file under {@code DATA/logs} ({@code operator-1.log},
 * …, {@code verifier-1.log}, …, {@code ledger.log}, {@code owner.log}), told apart by the thread's {@link RoleTag},
 * and every line (untagged ones too) in {@code network.log}; on the console only warnings and errors, unless
 * verbose. Anvil, a process of its own, writes {@code DATA/anvil/anvil.log}. The devnet's own summary goes to its
 * output, not through the log.
 */
final class DevnetLogs implements AutoCloseable {
  static final String DIR = "logs";
  private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

  private final Map<String, Path> files = new LinkedHashMap<>();
  private final List<Runnable> undo = new ArrayList<>();

  private DevnetLogs() {}

  /** Sends the logs of {@code roles} ("operator-1", …) to files under {@code dataDir/logs} (emptied first). */
  static DevnetLogs start(Path dataDir, List<String> roles, boolean verbose) throws IOException {
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
    logs.file(context, dir, "network", null);
    for (String role : roles) {
      logs.file(context, dir, role, role);
    }
    if (!verbose) {
      logs.quietConsole(context.getLogger(Logger.ROOT_LOGGER_NAME));
    }
    return logs;
  }

  /** The roles of a devnet of this shape, each with a log file: its operators, verifiers, ledger and owner. */
  static List<String> roles(DevnetConfig config) {
    List<String> roles = new ArrayList<>();
    for (int i = 1; i <= config.operators(); i++) {
      roles.add(RoleTag.operator(i - 1));
    }
    for (int i = 1; i <= config.verifiers(); i++) {
      roles.add(RoleTag.verifier(i - 1));
    }
    roles.add(RoleTag.LEDGER);
    roles.add(RoleTag.OWNER);
    return roles;
  }

  /** Each file by what it holds ("network", "operator-1", …, "ledger", "owner"). */
  Map<String, Path> files() {
    return java.util.Collections.unmodifiableMap(files);
  }

  /** A file appender on the root logger for {@code role}'s lines, or for every line when {@code role} is null. */
  private void file(LoggerContext context, Path dir, String name, String role) {
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
    if (role != null) {
      appender.addFilter(new RoleFilter(role));
    }
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    undo.add(() -> root.detachAppender(appender));
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

  /** Lets through only the lines logged by threads working for one role. */
  private static final class RoleFilter extends Filter<ILoggingEvent> {
    private final String role;

    RoleFilter(String role) {
      this.role = role;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
      return RoleTag.current().filter(role::equals).isPresent() ? FilterReply.NEUTRAL : FilterReply.DENY;
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
