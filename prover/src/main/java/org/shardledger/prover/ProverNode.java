package org.shardledger.prover;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.shardledger.prover.view.BeaconSource;
import org.shardledger.prover.view.DealDirectory;
import org.shardledger.prover.view.EpochClock;
import org.shardledger.prover.maintenance.Janitor;
import org.shardledger.prover.maintenance.Scrubber;
import org.shardledger.prover.policy.ProposalGate;
import org.shardledger.prover.serve.ChallengeResponder;
import org.shardledger.prover.serve.ProverBackend;
import org.shardledger.prover.serve.ShardProver;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.runtime.DaemonThreads;
import org.shardledger.runtime.LoopRunner;
import org.shardledger.runtime.LoopSpec;
import org.shardledger.wire.server.ServerSettings;
import org.shardledger.wire.server.WireServer;

/**
 * The operator's node without its chain wiring: opens the shard store (cleaning what a crash left), serves the
 * wire protocol, and runs the scrubber and the janitor in the background. The chain comes in through
 * {@link DealDirectory}, {@link BeaconSource} and {@link EpochClock}.
 */
public final class ProverNode implements AutoCloseable {
  private final ProverConfig config;
  private final OperatorIdentity identity;
  private final DealDirectory deals;
  private final BeaconSource beacons;
  private final EpochClock clock;
  private final ProverStatusLog status;
  private ShardStore store;
  private ExecutorService work;
  private LoopRunner maintenance;
  private WireServer server;
  private Scrubber scrubber;
  private Janitor janitor;
  private ProposalGate gate;
  private ShardProver shardProver;

  public ProverNode(ProverConfig config, OperatorIdentity identity, DealDirectory deals, BeaconSource beacons,
      EpochClock clock, ProverStatusLog status) {
    this.config = config;
    this.identity = identity;
    this.deals = deals;
    this.beacons = beacons;
    this.clock = clock;
    this.status = status;
  }

  /** Opens the store, binds, starts maintenance; returns the address it listens on. */
  public synchronized InetSocketAddress start() throws IOException, InterruptedException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    store = ShardStore.open(config.dataDir(), config.capacityBytes());
    if (store.leftoversRemoved() > 0) {
      status.leftoversRemoved(store.leftoversRemoved());
    }
    for (Path dir : store.unreadable()) {
      status.unreadableShard(dir.toString());
    }
    work = Executors.newFixedThreadPool(config.workThreads(), DaemonThreads.numbered("prover-work"));
    shardProver = new ShardProver(store, status);
    gate = new ProposalGate(config.policy());
    ProverBackend backend = new ProverBackend(store, deals, clock,
        new ChallengeResponder(shardProver, beacons, identity, status), identity, status, gate);
    ServerSettings settings = ServerSettings.defaults().withAddress(config.host(), config.port())
        .withMaxConcurrentUploads(config.maxConcurrentUploads())
        .withTimeouts(ServerSettings.defaults().handshakeTimeout(), config.idleTimeout())
        .withLimits(config.limits());
    server = new WireServer(settings, identity.chainId(), identity.key(), backend, work);
    InetSocketAddress address;
    try {
      address = server.start();
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
    scrubber = new Scrubber(store, config.scrubBytesPerSecond(), status);
    janitor = new Janitor(store, deals, clock, config.deletionGraceEpochs(), status, gate);
    maintenance = new LoopRunner();
    Duration firstScrub = config.scrubPause().compareTo(Duration.ofMinutes(1)) < 0 ? config.scrubPause()
        : Duration.ofMinutes(1);
    maintenance.start(LoopSpec.every("prover-scrubber", config.scrubPause()).startingAfter(firstScrub)
        .interruptedOnStop(), scrubber::pass, (e, retryIn) -> status.maintenanceFailed("scrub pass", e));
    maintenance.start(LoopSpec.every("prover-janitor", config.janitorInterval()).interruptedOnStop(),
        janitor::sweep, (e, retryIn) -> status.maintenanceFailed("janitor sweep", e));
    status.serving(address.getHostString() + ":" + address.getPort(), identity.address(), store.shards().size(),
        store.usedBytes(), store.capacityBytes());
    return address;
  }

  /** The wire server's connections and bytes; empty while it is not serving. */
  public synchronized java.util.Optional<org.shardledger.wire.server.WireTraffic> wireTraffic() {
    return java.util.Optional.ofNullable(server).map(WireServer::traffic);
  }

  public synchronized ShardStore store() {
    return store;
  }

  /** Proofs from the store, checked: for answering on-chain disputes (ChallengeKind.DISPUTE). */
  public synchronized ShardProver shardProver() {
    return shardProver;
  }

  /** For tests and an operator's "scrub now". */
  public synchronized Scrubber scrubber() {
    return scrubber;
  }

  public synchronized Janitor janitor() {
    return janitor;
  }

  /** The count of shards held for proposals not activated yet. */
  public synchronized ProposalGate proposals() {
    return gate;
  }

  /** Stops serving (uploads in progress are dropped, nothing partial stays), then maintenance and the workers. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
    if (maintenance != null) {
      maintenance.close();
    }
    if (work != null) {
      work.shutdown();
      try {
        if (!work.awaitTermination(10, TimeUnit.SECONDS)) {
          work.shutdownNow();
        }
      } catch (InterruptedException e) {
        work.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    status.stopped();
  }
}
