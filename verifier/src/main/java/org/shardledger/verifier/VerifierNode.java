package org.shardledger.verifier;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.shardledger.verifier.report.ReportPublisher;
import org.shardledger.verifier.rpc.VerifierGetAuditResults;
import org.shardledger.verifier.rpc.VerifierGetReputation;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.verifier.store.EpochReportStore;

/**
 * The auditor without its chain wiring: audits every epoch, signs reports and delivers them to the ledgers, and
 * answers JSON-RPC. The chain, the operators and the stores come in as {@link VerifierParts}, built by the
 * verifier's factory in {@code node}; this class starts and stops the loops and servers around them.
 */
public final class VerifierNode implements AutoCloseable {
  private final VerifierConfig config;
  private final KeyPair key;
  private final VerifierParts parts;
  private final VerifierStatusLog status;
  private final RpcMetrics rpcMetrics;
  private final List<AutoCloseable> open = new ArrayList<>();
  private boolean started;
  private ReportPublisher publisher;
  private RpcServer server;
  private AdminServer admin;

  public VerifierNode(VerifierConfig config, KeyPair key, VerifierParts parts, VerifierStatusLog status,
      RpcMetrics rpcMetrics) {
    this.config = config;
    this.key = key;
    this.parts = parts;
    this.status = status;
    this.rpcMetrics = rpcMetrics;
  }

  public Address address() {
    return key.address();
  }

  /** Starts the audit, report and beacon loops, the JSON-RPC server (if configured) and the admin interface. */
  public synchronized void start() throws IOException {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    try {
      ExecutorService verifyPool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime()
          .availableProcessors()), DaemonThreads.named("verifier-verify"));
      keep(verifyPool::shutdownNow);
      DealAuditor dealAuditor = new DealAuditor(parts.operators(), parts.audits(), status, parts.chainId(),
          config.audits(), verifyPool);
      keep(dealAuditor::close);
      EpochAuditor epochs = new EpochAuditor(parts.calendar(), parts.domain(), parts.view(), parts.audits(),
          parts.reports(), dealAuditor, key, config.audits(), status);
      publisher = new ReportPublisher(parts.ledgers(), parts.reports(), parts.audits(), status);
      LoopRunner loops = keep(new LoopRunner());
      loop(loops, "verifier-audits", config.pollInterval(), () -> {
        while (loops.running() && epochs.step()) {
          // next epoch at once
        }
      });
      loop(loops, "verifier-reports", config.publishInterval(), publisher::deliver);
      loop(loops, "verifier-beacons", config.pollInterval(), parts.recordBeacons());
      if (config.rpcListen() != null) {
        List<RpcMethod> methods = new ArrayList<>(List.of(new VerifierGetAuditResults(parts.audits()),
            new VerifierGetReputation(parts.audits(), config.reputation())));
        methods.addAll(parts.extraMethods());
        RpcDispatcher dispatcher = new RpcDispatcher().register(RpcMetrics.observe(methods, rpcMetrics)
            .toArray(RpcMethod[]::new));
        server = keep(RpcServer.start(config.rpcListen(), dispatcher));
      }
      admin = keep(AdminServer.start(config.dataDir(), new RpcDispatcher().register(new AdminStatus("verifier",
          out -> {
            out.put("account", key.address().toString()).put("chainId", parts.chainId())
                .put("confirmedBlock", parts.view().confirmedThrough());
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
    return parts.audits();
  }

  public EpochReportStore reports() {
    return parts.reports();
  }

  public ReportPublisher publisher() {
    return publisher;
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

  /** Stops the servers and loops in reverse order; the parts' resources are their factory's to close. */
  @Override
  public synchronized void close() {
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
