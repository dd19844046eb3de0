package org.shardledger.node.prover;

import org.shardledger.node.roles.DataDirLock;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverMetrics;
import org.shardledger.prover.ProverNode;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.dispute.DisputeAnswerer;
import org.shardledger.prover.onchain.ChainBeaconSource;
import org.shardledger.prover.onchain.ChainDealDirectory;
import org.shardledger.prover.onchain.ChainDisputeCourt;
import org.shardledger.prover.onchain.ChainEpochClock;
import org.shardledger.prover.registration.OperatorRegistrar;

/**
 * Builds the prover role from its settings: a lock on the data directory, the chain connection (signing with the
 * operator's key, its journal in {@code DATA/chain/journal}), the chain-backed views the node reads deals, beacons
 * and epochs from, the node, the registrar and the dispute answerer. Connecting checks the RPC endpoint and its
 * chain id; nothing else starts here.
 */
public final class ProverRoleFactory {
  private ProverRoleFactory() {}

  public static ProverRole create(ProverRoleSettings settings) throws IOException {
    return create(settings, ProverMetrics.NONE);
  }

  /** As {@link #create(ProverRoleSettings)}, the node's events counted by {@code metrics}. */
  public static ProverRole create(ProverRoleSettings settings, ProverMetrics metrics) throws IOException {
    DataDirLock lock = DataDirLock.acquire(settings.node().dataDir());
    Chain chain;
    try {
      chain = Chain.connect(settings.rpc(), settings.deployment(), Optional.of(settings.key()),
          settings.node().dataDir().resolve("chain").resolve("journal"), settings.timing());
    } catch (ConnectException | UnknownHostException | SocketTimeoutException e) {
      lock.close();
      throw new IOException("cannot reach the chain at " + settings.rpc() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    try {
      ProverStatusLog status = new ProverStatusLog(metrics);
      OperatorIdentity identity = new OperatorIdentity(settings.key(), settings.deployment().domain());
      ChainDealDirectory deals = new ChainDealDirectory(chain, identity.address());
      ProverNode node = new ProverNode(settings.node(), identity, deals, new ChainBeaconSource(chain),
          new ChainEpochClock(chain), status);
      ChainDisputeCourt disputes = new ChainDisputeCourt(chain);
      return new ProverRole(settings, lock, chain, node, new OperatorRegistrar(chain, status),
          prover -> new DisputeAnswerer(identity, disputes, deals, prover, settings.disputes(), status), status);
    } catch (RuntimeException e) {
      chain.close();
      lock.close();
      throw e;
    }
  }
}
