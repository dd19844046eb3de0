package org.shardledger.client.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.shardledger.client.file.ProgressListener;
import org.shardledger.client.file.ShardFiles;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestShard;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.wire.client.Failure;
import org.shardledger.wire.client.RetrieveResult;
import org.shardledger.wire.client.WireClient;

/**
 * Fetches k verified shards of a part into a directory ({@link ShardFiles} names), k at a time in parallel: each
 * worker takes the next shard (data shards first: they decode without arithmetic), tries its holders in turn, and
 * moves on to another shard when none can serve it. Every chunk is checked against the shard's root as it
 * arrives; a holder that serves other bytes is dropped at that chunk and the next one resumes from the last
 * verified chunk. Stops as soon as k shards are in.
 */
public final class ShardFetcher {
  /** Signs retrieval tickets: the owner's key (for its own files, tickets made out to itself). */
  @FunctionalInterface
  public interface TicketSigner {
    Signature sign(RetrievalTicket ticket);
  }

  private final WireClient wire;
  private final Address requester;
  private final TicketSigner tickets;
  private final ShardLocator locator;
  private final Duration ticketLife;

  public ShardFetcher(WireClient wire, TicketSigner tickets, ShardLocator locator, Duration ticketLife) {
    this.wire = Objects.requireNonNull(wire, "wire");
    this.requester = wire.requester().orElseThrow(() -> new IllegalArgumentException(
        "retrievals need a wire client that identifies its requester")).address();
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.locator = Objects.requireNonNull(locator, "locator");
    this.ticketLife = Objects.requireNonNull(ticketLife, "ticketLife");
  }

  /**
   * Fetches k shards of {@code part} into {@code dir}; returns the indices fetched, ascending. Throws
   * {@link PartUnavailableException} naming every shard that could not be had when fewer than k could.
   */
  public List<Integer> fetchPart(Bytes32 fileId, ManifestPart part, Path dir, ProgressListener progress)
      throws IOException, InterruptedException {
    int k = part.dataShards();
    Deque<ManifestShard> queue = new ArrayDeque<>(part.shards().stream()
        .sorted(Comparator.comparingInt(ManifestShard::index)).toList());
    Map<Integer, List<String>> failures = new ConcurrentHashMap<>();
    List<Integer> fetched = new ArrayList<>();
    int[] inFlight = {0}; // guarded by fetched
    long total = (long) k * part.shards().getFirst().size();
    AtomicLong done = new AtomicLong();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Void>> running = new ArrayList<>();
      for (int w = 0; w < k; w++) {
        running.add(workers.submit(() -> {
          while (true) {
            ManifestShard shard;
            synchronized (fetched) {
              if (fetched.size() + inFlight[0] >= k || queue.isEmpty()) {
                return null;
              }
              shard = queue.poll();
              inFlight[0]++;
            }
            Path file = ShardFiles.shard(dir, fileId, part.index(), shard.index());
            List<String> attempts = new ArrayList<>();
            boolean whole = false;
            try {
              whole = fetchShard(shard, file, attempts);
            } finally {
              synchronized (fetched) {
                inFlight[0]--;
                if (whole) {
                  fetched.add(shard.index());
                }
              }
            }
            if (whole) {
              progress.progress(done.addAndGet(shard.size()), total);
            } else {
              Files.deleteIfExists(file);
              failures.put(shard.index(), attempts);
            }
          }
        }));
      }
      for (Future<Void> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IOException("fetching part " + part.index() + " failed: " + e.getCause(), e.getCause());
        }
      }
    }
    if (fetched.size() < k) {
      throw new PartUnavailableException(part.index(), k, fetched.size(), new TreeMap<>(failures));
    }
    return fetched.stream().sorted().toList();
  }

  /** Tries the shard's holders in turn, resuming from the verified chunks the file holds; true once it is whole. */
  private boolean fetchShard(ManifestShard shard, Path file, List<String> attempts)
      throws IOException, InterruptedException {
    ShardCommitment commitment = new ShardCommitment(shard.root(), shard.size(), shard.segmentSize());
    long chunkBytes = (long) RetrievalChunks.SEGMENTS_PER_CHUNK * shard.segmentSize();
    Files.deleteIfExists(file);
    for (Holder holder : locator.holders(shard.root())) {
      long firstChunk = Files.exists(file) ? Files.size(file) / chunkBytes : 0;
      RetrievalTicket ticket = new RetrievalTicket(holder.dealId(), requester,
          Instant.now().plus(ticketLife).getEpochSecond());
      RetrieveResult result;
      try {
        result = wire.operator(holder.endpoint(), holder.operator())
            .retrieve(holder.dealId(), commitment, firstChunk, ticket, tickets.sign(ticket), file).get();
      } catch (ExecutionException e) {
        throw new IOException("writing shard " + shard.index() + " to " + file + " failed: " + e.getCause(),
            e.getCause());
      }
      switch (result) {
        case RetrieveResult.Retrieved r -> {
          return true;
        }
        case RetrieveResult.Mismatch m -> attempts.add(holder + ": served bytes that are not the shard's at chunk "
            + m.chunk() + " (dropped; " + m.reason() + ")");
        case Failure f -> attempts.add(holder + ": " + f.describe());
      }
    }
    return false;
  }
}
