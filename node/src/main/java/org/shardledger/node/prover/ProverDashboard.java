package org.shardledger.node.prover;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.ProverNode;
import org.shardledger.prover.dashboard.Dashboard;
import org.shardledger.prover.dashboard.NodeHealth;
import org.shardledger.prover.dashboard.VerifierReads;
import org.shardledger.prover.dispute.OpenDisputes;
import org.shardledger.prover.onchain.ChainClaims;
import org.shardledger.prover.rpc.RpcLedgerReads;
import org.shardledger.prover.rpc.RpcVerifierReads;
import org.shardledger.rpc.RpcMethod;

/** Builds the dashboard's methods for a running prover role from its chain connection, node and settings. */
final class ProverDashboard {
  private ProverDashboard() {}

  static List<RpcMethod> methods(ProverRoleSettings settings, Chain chain, ProverNode node, OpenDisputes disputes,
      ProverRole role) {
    Address operator = settings.key().address();
    Map<URI, VerifierReads> verifiers = new ConcurrentHashMap<>();
    NodeHealth health = new NodeHealth() {
      @Override
      public BigInteger gasBalance() throws IOException {
        return chain.nativeBalance(operator);
      }

      @Override
      public long headBlock() {
        return role.chainHeadBlock();
      }

      @Override
      public long lagBlocks() {
        return role.followerLagBlocks();
      }
    };
    return Dashboard.methods(operator, node.store(), disputes, health, settings.ledger().map(RpcLedgerReads::new),
        url -> verifiers.computeIfAbsent(url, RpcVerifierReads::new), new ChainClaims(chain));
  }
}
