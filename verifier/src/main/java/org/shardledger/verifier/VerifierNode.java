package org.shardledger.verifier;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.Database;
import org.shardledger.contracts.chain.BeaconRecorder;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.rpc.RpcServer;
import org.shardledger.rpc.admin.AdminServer;
import org.shardledger.rpc.admin.AdminStatus;
import org.shardledger.runtime.DaemonThreads;
import org.shardledger.runtime.LoopRunner;
import org.shardledger.runtime.LoopSpec;
import org.shardledger.verifier.audit.DealAuditor;
import org.shardledger.verifier.audit.EpochAuditor;
import org.shardledger.verifier.onchain.DeploymentCalendar;
import org.shardledger.verifier.onchain.MirrorAuditView;
import org.shardledger.verifier.report.ReportPublisher;
import org.shardledger.verifier.report.ReportSink;
import org.shardledger.verifier.rpc.AuditGetReputation;
import org.shardledger.verifier.rpc.AuditGetResults;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.verifier.store.ReportStore;
import org.shardledger.verifier.wire.WireChallenger;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;

/**
 * The auditor: mirrors the chain into its database, audits every epoch, signs reports and delivers them to the
 * ledgers, and answers JSON-RPC. Starts and stops its services; the work is in the classes it wires.
 */
public final class VerifierNode implements AutoCloseable {
  /** Extra JSON-RPC methods that need the node's database and mirror (settlement signing). */
  @FunctionalInterface
  public interface MethodFactory {
    List<RpcMethod> create(Database db, ChainMirror mirror, Chain chain) throws IOException;
  }

  private final VerifierConfig config;
  private final KeyPair key;
  private final Deployment deployment;
  private final URI rpc;
  private final List<ReportSink> sinks;
  private final MethodFactory extraMethods;
  private final VerifierStatusLog status;
  private final List<AutoCloseable> open = new ArrayList<>();
  private volatile boolean running;
  private AuditStore audits;
  private ReportPublisher publisher;
  private ReportStore reports;
  private RpcServer server;
  private AdminServer admin;
  private final RpcMetrics rpcMetrics;
  private volatile ChainFollower follower;
  private ChainMirror mirror;

  public VerifierNode(VerifierConfig config, KeyPair key, Deployment deployment, URI rpc, List<ReportSink> sinks,
      MethodFactory extraMethods, VerifierStatusLog status) {
    this(config, key, deployment, rpc, sinks, extraMethods, status, RpcMetrics.NONE);
  }

  /** As the other constructor, counting the JSON-RPC answers with {@code rpcMetrics}. */
  public VerifierNode(VerifierConfig config, KeyPair key, Deployment deployment, URI rpc, List<ReportSink> sinks,
      MethodFactory extraMethods, VerifierStatusLog status, RpcMetrics rpcMetrics) {
    this.rpcMetrics = rpcMetrics;
    this.config = config;
    this.key = key;
    this.deployment = deployment;
    this.rpc = rpc;
    this.sinks = List.copyOf(sinks);
    this.extraMethods = extraMethods;
    this.status = status;
  }

  public Address address() {
    return key.address();
  }

  public synchronized void start() throws IOException {
    if (running) {
      throw new IllegalStateException("already started");
    }
    running = true;
    try {
      Database db = keep(Database.open(config.dataDir(), "verifier"));
      mirror = new ChainMirror(db);
      Chain chain = keep(Chain.connect(rpc, deployment, Optional.of(key), config.dataDir().resolve("journal"),
          ChainTiming.remote().withLocalPolling(rpc)));
      follower = keep(chain.follow(config.confirmations(), mirror, mirror,
          new ChainTiming(config.pollInterval(), config.pollInterval())));
      follower.start();
      audits = new AuditStore(db, config.reputation());
      reports = new ReportStore(db);
      WireClient wire = keep(new WireClient(ClientSettings.defaults(deployment.domain())
          .withRequestTimeout(config.audits().requestTimeout())));
      ExecutorService verifyPool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime()
          .availableProcessors()), DaemonThreads.named("verifier-verify"));
      keep(verifyPool::shutdownNow);
      DealAuditor dealAuditor = new DealAuditor(new WireChallenger(wire), audits, status, deployment.chainId(),
          config.audits(), verifyPool);
      keep(dealAuditor::close);
      EpochAuditor epochs = new EpochAuditor(new DeploymentCalendar(deployment), deployment.domain(),
          new MirrorAuditView(mirror, chain), audits, reports, dealAuditor, key, config.confirmations(),
          config.audits(), status);
      publisher = new ReportPublisher(sinks, reports, audits, status);
      LoopRunner loops = keep(new LoopRunner());
      loop(loops, "verifier-audits", config.pollInterval(), () -> {
        while (loops.running() && epochs.step()) {
          // next epoch at once
        }
      });
      loop(loops, "verifier-reports", config.publishInterval(), publisher::deliver);
      BeaconRecorder beacons = new BeaconRecorder(BeaconRecorder.Target.of(chain), deployment,
          status::beaconRecorded);
      loop(loops, "verifier-beacons", config.pollInterval(), beacons::tick);
      if (config.rpcListen() != null) {
        List<RpcMethod> methods = new ArrayList<>(List.of(new AuditGetResults(audits),
            new AuditGetReputation(audits, config.reputation())));
        if (extraMethods != null) {
          methods.addAll(extraMethods.create(db, mirror, chain));
        }
        RpcDispatcher dispatcher = new RpcDispatcher().register(RpcMetrics.observe(methods, rpcMetrics)
            .toArray(RpcMethod[]::new));
        server = keep(RpcServer.start(config.rpcListen(), dispatcher));
      }
      admin = keep(AdminServer.start(config.dataDir(), new RpcDispatcher().register(new AdminStatus("verifier",
          out -> {
            out.put("account", key.address().toString()).put("chainId", deployment.chainId())
                .put("confirmedBlock", mirror.mirroredThrough());
            if (server != null) {
              out.put("rpc", server.url().toString());
            } else {
              out.putNull("rpc");
            }
          }))));
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  public AuditStore audits() {
    return audits;
  }

  public ReportStore reports() {
    return reports;
  }

  public ChainMirror mirror() {
    return mirror;
  }

  public ReportPublisher publisher() {
    return publisher;
  }

  /** The chain head the follower last saw (-1 before it looked). */
  public long chainHeadBlock() {
    ChainFollower f = follower;
    return f == null ? -1 : f.lastSeenHead();
  }

  /** Blocks between the chain head the follower last saw and what the mirror holds (-1 before it looked). */
  public long followerLagBlocks() {
    ChainFollower f = follower;
    return f == null ? -1 : f.lagBlocks();
  }

  /** The loopback admin interface ({@code admin_status}); its token is {@code DATA/admin.token}. */
  public URI adminUrl() {
    return admin.url();
  }

  /** Where the JSON-RPC server listens, if it runs. */
  public Optional<URI> rpcUrl() {
    return Optional.ofNullable(server).map(RpcServer::url);
  }

  /** A loop that runs every {@code pause}, failures reported and retried after the same pause. */
  private void loop(LoopRunner loops, String name, Duration pause, LoopRunner.Action action) {
    loops.start(LoopSpec.every(name, pause).interruptedOnStop(), action, (e, retryIn) -> status.problem(name, e));
  }

  private <T extends AutoCloseable> T keep(T resource) {
    open.add(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    running = false;
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        status.problem("stopping", e);
      }
    }
    open.clear();
  }
}
