package org.shardledger.node.cli;

import java.io.PrintWriter;
import org.shardledger.client.file.ProgressListener;

/** A progress bar for jobs whose total is known only once they start (decode learns it from the manifest). */
final class ProgressReporter implements ProgressListener {
  private final PrintWriter err;
  private final String label;
  private ProgressBar bar;

  ProgressReporter(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  @Override
  public void progress(long bytesDone, long bytesTotal) {
    if (bar == null) {
      bar = new ProgressBar(err, label, bytesTotal);
    }
    bar.accept(bytesDone);
  }
}
