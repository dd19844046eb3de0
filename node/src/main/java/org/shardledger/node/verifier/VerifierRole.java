package org.shardledger.node.verifier;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.node.roles.RoleLifecycle;
import org.shardledger.node.roles.RoleResources;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.verifier.VerifierNode;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.verifier.store.EpochReportStore;

/**
 * The verifier role's controller: starts the chain follower, then the node; {@link #close()} stops the node, then
 * what the factory opened, in reverse order. Built by {@link VerifierRoleFactory}.
 */
public final class VerifierRole implements AutoCloseable {
  private final RoleLifecycle lifecycle;
  private final ChainMirror mirror;
  private final ChainFollower follower;
  private final VerifierNode node;

  VerifierRole(RoleResources opened, ChainMirror mirror, ChainFollower follower, VerifierNode node) {
    this.lifecycle = new RoleLifecycle(opened, follower::start, node::start, node::close);
    this.mirror = mirror;
    this.follower = follower;
    this.node = node;
  }

  /** Follows the chain into the mirror, then audits, reports and serves. */
  public void start() throws IOException {
    lifecycle.start();
  }

  public VerifierNode node() {
    return node;
  }

  public Address address() {
    return node.address();
  }

  public AuditStore audits() {
    return node.audits();
  }

  public EpochReportStore reports() {
    return node.reports();
  }

  public ChainMirror mirror() {
    return mirror;
  }

  /** The chain head the follower last saw (-1 before it looked). */
  public long chainHeadBlock() {
    return follower.lastSeenHead();
  }

  /** Blocks between the chain head the follower last saw and what the mirror holds (-1 before it looked). */
  public long followerLagBlocks() {
    return follower.lagBlocks();
  }

  public URI adminUrl() {
    return node.adminUrl();
  }

  public Optional<URI> rpcUrl() {
    return node.rpcUrl();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
