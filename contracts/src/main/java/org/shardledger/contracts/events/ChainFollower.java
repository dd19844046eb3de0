package org.shardledger.contracts.events;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.runtime.LoopRunner;
import org.shardledger.runtime.LoopSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Delivers the ledger's events in order, each once, when they are buried under {@code confirmations} blocks.
 * Every batch is checked against the chain: its first block must build on the cursor's hash and every log's
 * block hash must be the canonical one; otherwise the batch is fetched again. A change below the confirmation
 * depth (rarer than the depth promises) is reported as {@link ChainEvent.Reorged} and everything is delivered
 * again from the deployment. A log the node's types cannot hold is delivered as a {@link ChainEvent.Unusable} (and
 * logged), never thrown: one stranger's transaction cannot stop the batch it is in. The cursor is saved after each
 * batch the listener accepted, so a restart resumes there; a listener that throws sees the same batch again.
 */
public final class ChainFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainFollower.class);

  /** Receives each batch of confirmed events, in order. */
  @FunctionalInterface
  public interface Listener {
    void onConfirmed(List<ChainEvent> events, FollowerCursor upTo) throws Exception;
  }

  private final Web3j web3;
  private final Deployment deployment;
  private final int confirmations;
  private final CursorStore store;
  private final Listener listener;
  private volatile long lastHead = -1;
  private volatile long lastCursor = -1;
  private final Duration pollInterval;
  private final int maxBatch;
  private final EventDecoder decoder = new EventDecoder();
  private final AtomicReference<LoopRunner> loops = new AtomicReference<>();

  public ChainFollower(Web3j web3, Deployment deployment, int confirmations, CursorStore store, Listener listener,
      Duration pollInterval, int maxBatch) {
    if (confirmations < 0 || maxBatch < 1) {
      throw new IllegalArgumentException("confirmations >= 0 and maxBatch >= 1");
    }
    this.web3 = web3;
    this.deployment = deployment;
    this.confirmations = confirmations;
    this.store = store;
    this.listener = listener;
    this.pollInterval = pollInterval;
    this.maxBatch = maxBatch;
  }

  /** Polls on a background loop ("chain-follower") until closed: catches up without waiting, then every poll. */
  public synchronized void start() {
    LoopRunner runner = new LoopRunner();
    if (!loops.compareAndSet(null, runner)) {
      return;
    }
    runner.start(LoopSpec.every("chain-follower", pollInterval).interruptedOnStop(), () -> {
      while (runner.running() && pollOnce() > 0) {
        // catch up without waiting
      }
    }, (e, retryIn) -> LOG.warn("chain follower: {} (retrying)", e.getMessage()));
  }

  /**
   * How many blocks the delivered state is behind the chain head the follower last saw (the confirmation depth
   * when it keeps up); -1 before its first look at the chain. Read by metrics; no chain call.
   */
  public long lagBlocks() {
    long head = lastHead;
    return head < 0 ? -1 : Math.max(0, head - lastCursor);
  }

  /** The chain head the follower last saw; -1 before its first look. */
  public long lastSeenHead() {
    return lastHead;
  }

  /** Delivers at most one batch; returns how many blocks it covered (0: nothing new, or retry later). */
  public synchronized int pollOnce() throws IOException {
    FollowerCursor cursor = cursor();
    long head = web3.ethBlockNumber().send().getBlockNumber().longValueExact();
    lastHead = head;
    lastCursor = cursor.block();
    long target = head - confirmations;
    if (target <= cursor.block()) {
      return 0;
    }
    if (!cursor.hash().equals(hashOf(cursor.block()).orElse(null))) {
      rewind(cursor);
      return 1;
    }
    long from = cursor.block() + 1;
    long to = Math.min(target, cursor.block() + maxBatch);
    EthBlock.Block first = block(from);
    if (first == null || !Bytes32.fromHex(first.getParentHash()).equals(cursor.hash())) {
      return 0;
    }
    Optional<Bytes32> toHash = hashOf(to);
    if (toHash.isEmpty()) {
      return 0;
    }
    List<Log> logs = logs(from, to);
    Map<Long, Bytes32> canonical = new HashMap<>();
    canonical.put(to, toHash.get());
    List<ChainEvent> events = new ArrayList<>();
    for (Log log : logs) {
      if (Boolean.TRUE.equals(log.isRemoved())) {
        return 0;
      }
      long number = log.getBlockNumber().longValueExact();
      Bytes32 expected = canonical.containsKey(number) ? canonical.get(number) : hashOf(number).orElse(null);
      canonical.put(number, expected);
      if (expected == null || !expected.equals(Bytes32.fromHex(log.getBlockHash()))) {
        return 0;
      }
      decoder.decode(log).ifPresent(events::add);
    }
    for (ChainEvent event : events) {
      if (event instanceof ChainEvent.Unusable u) {
        LOG.warn("block {} log {} (tx {}): {} does not fit this node: {}; what it names is ineligible",
            u.origin().blockNumber(), u.origin().logIndex(), u.origin().transactionHash(), u.event(), u.reason());
      }
    }
    events.sort(Comparator.comparingLong((ChainEvent e) -> e.origin().blockNumber())
        .thenComparingLong(e -> e.origin().logIndex()));
    FollowerCursor next = new FollowerCursor(to, toHash.get());
    deliver(events, next);
    lastCursor = to;
    return (int) (to - cursor.block());
  }

  /**
   * The chain changed under the cursor, below the confirmation depth: what listeners derived may be stale in ways
   * no single event says, so everything is delivered again from the deployment, after a {@link ChainEvent.Reorged}.
   * Listeners keep their state idempotently or rebuild it (the chain mirror empties itself).
   */
  private void rewind(FollowerCursor cursor) throws IOException {
    long start = Math.max(0, deployment.deployBlock() - 1);
    FollowerCursor back = new FollowerCursor(start, hashOf(start).orElseThrow(() -> new IOException("no block "
        + start)));
    LOG.error("the chain changed below {} confirmations: block {} is no longer {}; delivering everything again "
        + "from block {}", confirmations, cursor.block(), cursor.hash(), start + 1);
    EventOrigin origin = new EventOrigin(start + 1, Bytes32.ZERO, Bytes32.ZERO, -1);
    deliver(List.of(new ChainEvent.Reorged(origin, start + 1)), back);
  }

  private void deliver(List<ChainEvent> events, FollowerCursor next) throws IOException {
    try {
      listener.onConfirmed(events, next);
    } catch (IOException | RuntimeException e) {
      throw e instanceof IOException io ? io : new IOException("listener failed: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IOException("listener failed: " + e.getMessage(), e);
    }
    store.save(next);
  }

  private FollowerCursor cursor() throws IOException {
    Optional<FollowerCursor> saved = store.load();
    if (saved.isPresent()) {
      return saved.get();
    }
    long start = Math.max(0, deployment.deployBlock() - 1);
    return new FollowerCursor(start, hashOf(start).orElseThrow(() -> new IOException("no block " + start)));
  }

  private EthBlock.Block block(long number) throws IOException {
    return web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send()
        .getBlock();
  }

  private Optional<Bytes32> hashOf(long number) throws IOException {
    EthBlock.Block block = block(number);
    return block == null ? Optional.empty() : Optional.of(Bytes32.fromHex(block.getHash()));
  }

  private List<Log> logs(long from, long to) throws IOException {
    EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
        DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), List.of(deployment.ledger().toHex(),
        deployment.disputeCourt().toHex()));
    EthLog response = web3.ethGetLogs(filter).send();
    if (response.hasError()) {
      throw new IOException("eth_getLogs " + from + ".." + to + ": " + response.getError().getMessage());
    }
    List<Log> logs = new ArrayList<>();
    for (EthLog.LogResult<?> r : response.getLogs()) {
      logs.add((Log) r.get());
    }
    return logs;
  }

  /** Stops polling (interrupting a poll in progress, without waiting for the monitor a poll holds). */
  @Override
  public void close() {
    LoopRunner runner = loops.getAndSet(null);
    if (runner != null) {
      runner.close();
    }
  }
}
