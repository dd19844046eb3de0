package org.shardledger.node.ledger;

import java.io.IOException;
import java.net.URI;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.ledger.LedgerNode;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.settlement.LedgerStores;
import org.shardledger.node.roles.RoleLifecycle;
import org.shardledger.node.roles.RoleResources;

/**
 * The ledger role's controller: starts the chain follower, then the node (JSON-RPC and the settlement loop);
 * {@link #close()} stops the node, then what the factory opened, in reverse order. Built by
 * {@link LedgerRoleFactory}.
 */
public final class LedgerRole implements AutoCloseable {
  private final RoleLifecycle lifecycle;
  private final ChainFollower follower;
  private final LedgerNode node;

  LedgerRole(RoleResources opened, ChainFollower follower, LedgerNode node) {
    this.lifecycle = new RoleLifecycle(opened, follower::start, node::start, node::close);
    this.follower = follower;
    this.node = node;
  }

  /** Follows the chain, serves JSON-RPC and settles; returns this role, or closes it and throws. */
  public LedgerRole start() throws IOException {
    lifecycle.start();
    return this;
  }

  public LedgerNode node() {
    return node;
  }

  public URI rpcUrl() {
    return node.rpcUrl();
  }

  public URI adminUrl() {
    return node.adminUrl();
  }

  /** The latest chain head the ledger saw. */
  public long headBlock() {
    return node.headBlock();
  }

  /** Blocks between the chain head the follower last saw and what the mirror holds (-1 before it looked). */
  public long followerLagBlocks() {
    return follower.lagBlocks();
  }

  public ConfirmedView confirmedView() {
    return node.confirmedView();
  }

  public Deployment deployment() {
    return node.deployment();
  }

  public LedgerStores stores() {
    return node.stores();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
