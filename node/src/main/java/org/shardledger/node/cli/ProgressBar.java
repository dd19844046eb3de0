package org.shardledger.node.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * A progress bar on stderr for long work: redrawn in place on a terminal, a line per 10% otherwise. Prints
 * nothing for work below the threshold.
 */
final class ProgressBar implements LongConsumer {
  static final long THRESHOLD = 64L << 20;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean enabled;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private int lastShown = -1;

  ProgressBar(PrintWriter err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = total >= THRESHOLD;
    this.terminal = System.console() != null;
  }

  @Override
  public void accept(long done) {
    if (!enabled) {
      return;
    }
    int percent = (int) (100 * done / Math.max(1, total));
    if (terminal ? percent == lastShown : percent / 10 == lastShown / 10 && lastShown >= 0) {
      return;
    }
    lastShown = percent;
    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    String rate = ByteSizes.format((long) (done / seconds)) + "/s";
    int filled = WIDTH * percent / 100;
    String bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
    String line = String.format("%s %s %3d%% %s of %s, %s", label, bar, percent, ByteSizes.format(done),
        ByteSizes.format(total), rate);
    if (terminal) {
      err.print("\r" + line + (done >= total ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }
}
