package org.shardledger.node.prover;

import org.shardledger.node.roles.DataDirLock;

import org.shardledger.node.roles.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.prover.ProverNode;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.dashboard.Dashboard;
import org.shardledger.prover.dispute.DisputeAnswerer;
import org.shardledger.prover.dispute.DisputeWatch;
import org.shardledger.prover.registration.OperatorRegistrar;
import org.shardledger.prover.registration.Registration;
import org.shardledger.prover.serve.ShardProver;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.admin.AdminServer;
import org.shardledger.rpc.admin.AdminStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prover role's controller: starts the node, makes the registration on chain match, then watches for disputes;
 * {@link #close()} stops it all in reverse order. Built by {@link ProverRoleFactory}.
 */
public final class ProverRole implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProverRole.class);

  private final ProverRoleSettings settings;
  private final DataDirLock lock;
  private final Chain chain;
  private final ProverNode node;
  private final OperatorRegistrar registrar;
  private final Function<ShardProver, DisputeAnswerer> answerers;
  private final ProverStatusLog status;
  private InetSocketAddress address;
  private DisputeAnswerer answerer;
  private DisputeWatch watch;
  private AdminServer admin;
  private boolean closed;

  ProverRole(ProverRoleSettings settings, DataDirLock lock, Chain chain, ProverNode node,
      OperatorRegistrar registrar, Function<ShardProver, DisputeAnswerer> answerers, ProverStatusLog status) {
    this.settings = settings;
    this.lock = lock;
    this.chain = chain;
    this.node = node;
    this.registrar = registrar;
    this.answerers = answerers;
    this.status = status;
  }

  /** Serves, registers (or updates) the operator, and answers disputes from here on. */
  public synchronized void start() throws IOException, InterruptedException {
    address = node.start();
    HostPort endpoint = settings.endpoint().orElse(new HostPort(address.getHostString(), address.getPort()));
    Registration wanted = new Registration(endpoint.toString(), settings.region(), settings.node().capacityBytes(),
        settings.stake());
    if (registrar.ensure(wanted) instanceof OperatorRegistrar.Refused refused) {
      throw new IOException(refused.reason());
    }
    answerer = answerers.apply(node.shardProver());
    watch = DisputeWatch.start(chain, answerer, cursorFile(settings.node().dataDir()), settings.disputes(),
        settings.timing());
    RpcDispatcher methods = new RpcDispatcher().register(adminStatus());
    ProverDashboard.methods(settings, chain, node, answerer, this).forEach(methods::register);
    admin = AdminServer.start(settings.node().dataDir(), new InetSocketAddress("127.0.0.1", 0), methods,
        Optional.of(Dashboard.pages()));
  }

  /** The dashboard's address with the admin token in its fragment, for the operator to open on this machine. */
  public synchronized java.net.URI dashboardUrl() throws IOException {
    return admin.pageUrl("/");
  }

  /** {@code admin_status}: who it is, where it serves, and its store. */
  private AdminStatus adminStatus() {
    return new AdminStatus("prover", out -> {
      var store = node.store();
      out.put("account", settings.key().address().toString()).put("chainId", settings.deployment().chainId())
          .put("endpoint", address.getHostString() + ":" + address.getPort())
          .put("region", settings.region()).put("shards", store.shards().size())
          .put("usedBytes", store.usedBytes()).put("capacityBytes", store.capacityBytes());
    });
  }

  /** The dispute watch's distance from the chain head in blocks (-1 before it started or looked). */
  public synchronized long followerLagBlocks() {
    return watch == null ? -1 : watch.lagBlocks();
  }

  /** The chain head the dispute watch last saw (-1 before it started or looked). */
  public synchronized long chainHeadBlock() {
    return watch == null ? -1 : watch.lastSeenHead();
  }

  /** Disputes against this operator that used half their window without a mined answer (0 before start). */
  public synchronized int disputesFallingBehind() {
    return answerer == null ? 0 : answerer.fallingBehind();
  }

  /** The loopback admin interface; its token is {@code DATA/admin.token}. */
  public synchronized java.net.URI adminUrl() {
    return admin.url();
  }

  static Path cursorFile(Path dataDir) {
    return dataDir.resolve("chain").resolve("disputes.cursor");
  }

  public synchronized InetSocketAddress address() {
    return address;
  }

  public ProverStatusLog status() {
    return status;
  }

  public ProverNode node() {
    return node;
  }

  public synchronized DisputeAnswerer answerer() {
    return answerer;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (admin != null) {
      admin.close();
    }
    if (watch != null) {
      watch.close();
    }
    if (answerer != null) {
      answerer.close();
    }
    node.close();
    try {
      chain.close();
    } catch (IOException e) {
      LOG.warn("closing the chain connection: {}", e.getMessage());
    }
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warn("releasing the data directory: {}", e.getMessage());
    }
  }
}
