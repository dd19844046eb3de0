package org.shardledger.ledger;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.MirrorSettlementChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.contracts.chain.BeaconRecorder;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.reports.ReportInbox;
import org.shardledger.ledger.rpc.EpochStatus;
import org.shardledger.ledger.rpc.LedgerRpc;
import org.shardledger.ledger.rpc.RpcVerifierClient;
import org.shardledger.ledger.settlement.FacadeLedgerChain;
import org.shardledger.ledger.settlement.LedgerChain;
import org.shardledger.ledger.settlement.LedgerStores;
import org.shardledger.ledger.settlement.PendingSettlement;
import org.shardledger.ledger.settlement.Progress;
import org.shardledger.ledger.settlement.Settler;
import org.shardledger.ledger.settlement.VerifierClient;
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
 * A running ledger: the chain mirror (follower), the settlement loop (beacons, then settlement steps) and the
 * JSON-RPC server. {@link #start} opens everything; {@link #close} stops it. The loop retries with backoff while
 * the chain or the verifiers are unavailable; a restart resumes from the database and the transaction journal.
 */
public final class LedgerNode implements AutoCloseable {
  private static final Set<Progress> KEEP_GOING = Set.of(Progress.PROPOSED, Progress.SIGNED, Progress.SUBMITTED,
      Progress.CONFIRMED);

  private final LedgerConfig config;
  private final Database db;
  private final LedgerStores stores;
  private final Chain chain;
  private final LedgerChain writer;
  private final ChainFollower follower;
  private final ChainMirror mirror;
  private final Settler settler;
  private final BeaconRecorder beacons;
  private final ConfirmedView confirmed;
  private final RpcServer server;
  private final AdminServer admin;
  private final LedgerStatusLog status;
  private final Backoff signingBackoff;
  private final LoopRunner loops = new LoopRunner();
  private boolean recovered;
  private boolean started;
  private volatile long head;

  private LedgerNode(LedgerConfig config, KeyPair key, Database db, LedgerMetrics metrics, RpcMetrics rpcMetrics)
      throws IOException {
    this.config = config;
    this.status = new LedgerStatusLog(metrics);
    this.db = db;
    this.stores = LedgerStores.open(db);
    this.mirror = new ChainMirror(db);
    this.chain = Chain.connect(config.rpc(), config.deployment(), Optional.of(key),
        config.dataDir().resolve("journal"), config.timing());
    this.writer = new FacadeLedgerChain(chain);
    this.head = chain.blockNumber();
    MirrorSettlementChain view = new MirrorSettlementChain(mirror, config.deployment(), chain.operators()::stakeAt);
    List<VerifierClient> verifiers = config.verifierRpcs().stream()
        .<VerifierClient>map(u -> new RpcVerifierClient(u, config.verifierTimeout())).toList();
    this.settler = new Settler(view, writer, stores, verifiers, config.deployment().domain(), config.settlement(),
        config.reportDeadlineBlocks(), status);
    this.beacons = new BeaconRecorder(writer, config.deployment(), status::beaconRecorded);
    ReportInbox inbox = new ReportInbox(stores.reports(), view, new Aggregator(config.deployment().domain()),
        () -> settler.pending().map(p -> p.epoch() + 1).orElse(stores.settlements().current().nextEpoch()),
        () -> config.deployment().epochOf(head) + 1, status);
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
    this.confirmed = ConfirmedView.open(stores.settlements(), mirror);
    this.server = RpcServer.start(config.listen(), LedgerRpc.dispatcher(new LedgerRpc.Sources(config.deployment(),
        epochs, stores.settlements(), confirmed, mirror, stores.records(), stores.reports(), inbox,
        config.verifierRpcs()), rpcMetrics));
    this.admin = AdminServer.start(config.dataDir(), new RpcDispatcher().register(new AdminStatus("ledger", out -> {
      out.put("account", key.address().toString()).put("chainId", config.deployment().chainId())
          .put("ledgerContract", config.deployment().ledger().toString()).put("rpc", server.url().toString())
          .put("headBlock", head).put("confirmedBlock", confirmed.asOfBlock())
          .put("nextEpochToSettle", stores.settlements().current().nextEpoch());
      confirmed.epoch().ifPresentOrElse(e -> out.put("lastSettledEpoch", e), () -> out.putNull("lastSettledEpoch"));
      settler.pending().ifPresentOrElse(p -> out.put("pending", p.epoch() + " " + p.status()),
          () -> out.putNull("pending"));
    })));
    this.follower = chain.follow(config.confirmations(), mirror, confirmed, config.timing());
    this.signingBackoff = new Backoff(config.pollInterval(), maxBackoff(config));
  }

  /** Opens the ledger's database and chain connection, and starts the follower, the loop and the JSON-RPC server. */
  public static LedgerNode start(LedgerConfig config, KeyPair key) throws IOException {
    return start(config, key, LedgerMetrics.NONE, RpcMetrics.NONE);
  }

  /** As {@link #start(LedgerConfig, KeyPair)}, counting its events and its JSON-RPC answers. */
  public static LedgerNode start(LedgerConfig config, KeyPair key, LedgerMetrics metrics, RpcMetrics rpcMetrics)
      throws IOException {
    Database db = Database.open(config.dataDir().resolve("db"), "ledger");
    LedgerNode node;
    try {
      node = new LedgerNode(config, key, db, metrics, rpcMetrics);
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
    node.follower.start();
    node.loops.startPaced(LoopSpec.every("ledger", config.pollInterval()).backingOffTo(maxBackoff(config)),
        node::step, (e, retryIn) -> node.status.chainUnavailable(LedgerStatusLog.describe(e), retryIn));
    return node;
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

  /** Blocks between the chain head the follower last saw and what the mirror holds (-1 before it looked). */
  public long followerLagBlocks() {
    return follower.lagBlocks();
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

  @Override
  public void close() {
    loops.close();
    follower.close();
    server.close();
    admin.close();
    settler.close();
    try {
      chain.close();
    } catch (IOException e) {
      // nothing left to do
    }
    db.close();
  }
}
