package org.shardledger.client.file;

/** Hears how far a long job has come: plaintext bytes done out of the total. Called from the working thread. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void progress(long bytesDone, long bytesTotal);
}
