package org.shardledger.client.put;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.shardledger.client.put.OwnerChain.RegisteredOperator;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.WireClient;

/**
 * Uploads every proposed shard, a bounded number at once, until each (part, shard) has one operator's signed
 * acceptance. The first acceptance of a shard wins; a slower upload of the same shard (a race) is abandoned. A shard
 * whose every upload failed gets a replacement operator (a new proposal) while spares last; when none is left the
 * put fails, naming the shard and what each operator said.
 */
final class ShardUploads {
  /** One proposed deal to upload: shard {@code shard} of part {@code part}, from {@code file}. */
  record Upload(int part, int shard, Deal deal, RegisteredOperator operator, Path file) {
    Upload {
      Objects.requireNonNull(deal, "deal");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(file, "file");
    }

    Key key() {
      return new Key(part, shard);
    }
  }

  record Key(int part, int shard) {}

  record Accepted(Upload upload, Signature signature) {}

  /** Proposes a new deal for a shard whose uploads all failed, on the next fitting spare; empty when none is left. */
  @FunctionalInterface
  interface Replacer {
    Optional<Upload> replace(Upload failed) throws IOException;
  }

  /** Hears each finished upload: winner or not, and what the operator said. */
  @FunctionalInterface
  interface Listener {
    void uploaded(Upload upload, String outcome, int shardsAccepted, int shardsTotal);
  }

  private record Outcome(Upload upload, UploadResult result, Throwable error) {}

  private final WireClient wire;
  private final int parallel;

  ShardUploads(WireClient wire, int parallel) {
    this.wire = wire;
    this.parallel = parallel;
  }

  /** Runs the uploads; returns the winning acceptance of every shard in {@code uploads}. */
  Map<Key, Accepted> run(List<Upload> uploads, Replacer replacer, Listener listener)
      throws IOException, InterruptedException {
    Map<Key, Integer> pendingPerKey = new HashMap<>();
    uploads.forEach(u -> pendingPerKey.merge(u.key(), 1, Integer::sum));
    int shards = pendingPerKey.size();
    Map<Key, Accepted> winners = new HashMap<>();
    Map<Key, List<String>> failures = new HashMap<>();
    BlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();
    Semaphore slots = new Semaphore(parallel);
    List<CompletableFuture<UploadResult>> running = new ArrayList<>();
    int pending = 0;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Upload u : uploads) {
        start(threads, slots, u, finished, running);
        pending++;
      }
      while (winners.size() < shards && pending > 0) {
        Outcome o = finished.take();
        pending--;
        Key key = o.upload().key();
        pendingPerKey.merge(key, -1, Integer::sum);
        String said = o.error() != null ? "failed: " + o.error() : describe(o.result());
        if (o.error() == null && o.result() instanceof UploadResult.Accepted a && !winners.containsKey(key)) {
          winners.put(key, new Accepted(o.upload(), a.signature()));
          listener.uploaded(o.upload(), "accepted", winners.size(), shards);
          continue;
        }
        listener.uploaded(o.upload(), said, winners.size(), shards);
        if (winners.containsKey(key)) {
          continue;
        }
        failures.computeIfAbsent(key, k -> new ArrayList<>()).add(o.upload().operator().operator() + ": " + said);
        if (pendingPerKey.get(key) == 0) {
          Optional<Upload> next = replacer.replace(o.upload());
          if (next.isEmpty()) {
            throw new IOException("part " + key.part() + " shard " + key.shard() + " could not be stored and no "
                + "eligible operator is left: " + String.join("; ", failures.get(key)));
          }
          pendingPerKey.merge(key, 1, Integer::sum);
          start(threads, slots, next.get(), finished, running);
          pending++;
        }
      }
      running.forEach(f -> f.cancel(true));
      threads.shutdownNow();
    }
    if (winners.size() < shards) {
      throw new IOException("only " + winners.size() + " of " + shards + " shards were accepted");
    }
    return winners;
  }

  private void start(ExecutorService threads, Semaphore slots, Upload u, BlockingQueue<Outcome> finished,
      List<CompletableFuture<UploadResult>> running) {
    threads.submit(() -> {
      UploadResult result = null;
      Throwable error = null;
      try {
        slots.acquire();
        try {
          CompletableFuture<UploadResult> future = wire.operator(u.operator().endpoint(), u.operator().operator())
              .upload(u.deal(), u.file());
          synchronized (running) {
            running.add(future);
          }
          result = future.get();
        } finally {
          slots.release();
        }
      } catch (ExecutionException e) {
        error = e.getCause();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        error = e;
      }
      finished.add(new Outcome(u, result, error));
    });
  }

  private static String describe(UploadResult result) {
    return switch (result) {
      case UploadResult.Accepted a -> "accepted (another upload of the shard was first)";
      case org.shardledger.wire.client.Failure f -> f.describe();
    };
  }
}
