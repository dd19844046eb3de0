package org.shardledger.ledger;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.contracts.chain.BeaconRecorder;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.reports.ReportInbox;
import org.shardledger.ledger.rpc.EpochStatus;
import org.shardledger.ledger.rpc.LedgerRpc;
import org.shardledger.ledger.settlement.LedgerChain;
import org.shardledger.ledger.settlement.LedgerStores;
import org.shardledger.ledger.settlement.PendingSettlement;
import org.shardledger.ledger.settlement.Progress;
import org.shardledger.ledger.settlement.Settler;
import org.shardledger.protocol.aggregation.Aggregator;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.rpc.RpcServer;
import org.shardledger.rpc.admin.AdminServer;
import org.shardledger.rpc.admin.AdminStatus;
import org.shardledger.runtime.Backoff;
import org.shardledger.runtime.LoopRunner;
import org.shardledger.runtime.LoopSpec;

/**
 * The ledger without its chain wiring: the settlement loop (beacons, then settlement steps) and the JSON-RPC and
 * admin servers around the {@link LedgerParts} its factory in {@code node} built. {@link #start} starts them;
 * {@link #close} stops them. The loop retries with backoff while the chain or the verifiers are unavailable; a
 * restart resumes from the database and the transaction journal.
 */
public final class LedgerNode implements AutoCloseable {
  private static final Set<Progress> KEEP_GOING = Set.of(Progress.PROPOSED, Progress.SIGNED, Progress.SUBMITTED,
      Progress.CONFIRMED);

  private final LedgerConfig config;
  private final KeyPair key;
  private final LedgerStores stores;
  private final LedgerChain writer;
  private final ChainMirror mirror;
  private final Settler settler;
  private final BeaconRecorder beacons;
  private final ConfirmedView confirmed;
  private final ReportInbox inbox;
  private final LedgerStatusLog status;
  private final RpcMetrics rpcMetrics;
  private final Backoff signingBackoff;
  private final LoopRunner loops = new LoopRunner();
  private RpcServer server;
  private AdminServer admin;
  private boolean recovered;
  private boolean started;
  private volatile long head;

  /** Builds the settlement machinery over {@code parts}; reads the chain head once (failing if it is down). */
  public LedgerNode(LedgerConfig config, KeyPair key, LedgerParts parts, LedgerMetrics metrics,
      RpcMetrics rpcMetrics) throws IOException {
    this.config = config;
    this.key = key;
    this.status = new LedgerStatusLog(metrics);
    this.rpcMetrics = rpcMetrics;
    this.stores = parts.stores();
    this.mirror = parts.mirror();
    this.writer = parts.writer();
    this.confirmed = parts.confirmed();
    this.head = writer.headBlock();
    this.settler = new Settler(parts.view(), writer, stores, parts.verifiers(), config.deployment().domain(),
        config.settlement(), config.reportDeadlineBlocks(), status);
    this.beacons = new BeaconRecorder(parts.beacons(), config.deployment(), status::beaconRecorded);
    this.inbox = new ReportInbox(stores.reports(), parts.view(), new Aggregator(config.deployment().domain()),
        () -> settler.pending().map(p -> p.epoch() + 1).orElse(stores.settlements().current().nextEpoch()),
        () -> config.deployment().epochOf(head) + 1, status);
    this.signingBackoff = new Backoff(config.pollInterval(), maxBackoff(config));
  }

  /** Starts the JSON-RPC server, the admin interface and the settlement loop. */
  public synchronized void start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    EpochStatus epochs = new EpochStatus() {
      @Override
      public long headBlock() {
        return head;
      }

      @Override
      public long confirmedBlock() throws IOException {
        return mirror.mirroredThrough();
      }

      @Override
      public Optional<PendingSettlement> pending() throws IOException {
        return settler.pending();
      }
    };
    server = RpcServer.start(config.listen(), LedgerRpc.dispatcher(new LedgerRpc.Sources(config.deployment(),
        epochs, stores.settlements(), confirmed, mirror, stores.records(), stores.reports(), inbox,
        config.verifierRpcs()), rpcMetrics));
    try {
      admin = AdminServer.start(config.dataDir(), new RpcDispatcher().register(new AdminStatus("ledger", out -> {
        out.put("account", key.address().toString()).put("chainId", config.deployment().chainId())
            .put("ledgerContract", config.deployment().ledger().toString()).put("rpc", server.url().toString())
            .put("headBlock", head).put("confirmedBlock", confirmed.asOfBlock())
            .put("nextEpochToSettle", stores.settlements().current().nextEpoch());
        confirmed.epoch().ifPresentOrElse(e -> out.put("lastSettledEpoch", e),
            () -> out.putNull("lastSettledEpoch"));
        settler.pending().ifPresentOrElse(p -> out.put("pending", p.epoch() + " " + p.status()),
            () -> out.putNull("pending"));
      })));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    loops.startPaced(LoopSpec.every("ledger", config.pollInterval()).backingOffTo(maxBackoff(config)),
        this::step, (e, retryIn) -> status.chainUnavailable(LedgerStatusLog.describe(e), retryIn));
  }

  public URI rpcUrl() {
    return server.url();
  }

  /** The loopback admin interface ({@code admin_status}); its token is {@code DATA/admin.token}. */
  public URI adminUrl() {
    return admin.url();
  }

  /** The latest chain head the ledger saw. */
  public long headBlock() {
    return head;
  }

  /** Balances and claims as the ledger answers them. */
  public ConfirmedView confirmedView() {
    return confirmed;
  }

  public org.shardledger.contracts.chain.Deployment deployment() {
    return config.deployment();
  }

  public LedgerStores stores() {
    return stores;
  }

  /** The longest wait between retries, never below the poll interval. */
  private static Duration maxBackoff(LedgerConfig config) {
    return config.maxBackoff().compareTo(config.pollInterval()) < 0 ? config.pollInterval() : config.maxBackoff();
  }

  /**
   * One round of the ledger's loop: after a failure, recover the journal first; record the beacons; take up to
   * 16 settlement steps while they make progress. Returns the wait before the next round (backing off while the
   * verifiers do not sign); a failure backs the loop off and makes the next round recover again.
   */
  private Duration step() throws IOException {
    try {
      head = writer.headBlock();
      if (!recovered) {
        writer.recoverPending();
        if (!started) {
          long settledThrough = writer.settledThrough();
          long next = stores.settlements().current().nextEpoch();
          if (settler.pending().isEmpty() && next < settledThrough) {
            status.stateBehindChain(next, settledThrough);
          }
          status.started(next, settledThrough, server.url().toString());
          started = true;
        }
        recovered = true;
      }
      if (config.recordBeacons()) {
        beacons.tick();
      }
      Progress progress;
      int steps = 0;
      do {
        progress = settler.tick();
      } while (loops.running() && ++steps < 16 && KEEP_GOING.contains(progress));
      confirmed.refresh();
      if (progress == Progress.SIGNING || progress == Progress.STUCK) {
        return signingBackoff.next();
      }
      signingBackoff.reset();
      return config.pollInterval();
    } catch (IOException | RuntimeException e) {
      recovered = false;
      throw e;
    }
  }

  /** Stops the loop, then the servers and the settler; the parts' resources are their factory's to close. */
  @Override
  public synchronized void close() {
    loops.close();
    if (server != null) {
      server.close();
    }
    if (admin != null) {
      admin.close();
    }
    settler.close();
  }
}
