package org.shardledger.node.prover;

import org.shardledger.node.roles.HostPort;
import java.math.BigInteger;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.prover.ProverConfig;
import org.shardledger.prover.dispute.DisputeSettings;
import org.shardledger.prover.registration.Registration;

/**
 * Everything the prover role is started with.
 *
 * @param node the node itself: data directory, listen address, capacity
 * @param endpoint what to register for clients to dial; empty: the address the node listens on
 * @param stake credit base units to register with
 * @param ledger the ledger's JSON-RPC the dashboard reads earnings, audits and claim proofs from; empty: the
 *     dashboard shows the node's own state only
 */
public record ProverRoleSettings(ProverConfig node, URI rpc, Deployment deployment, KeyPair key, String region,
    BigInteger stake, Optional<HostPort> endpoint, ChainTiming timing, DisputeSettings disputes,
    Optional<URI> ledger) {
  public ProverRoleSettings {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(stake, "stake");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(disputes, "disputes");
    Registration.requireInfo("region", region);
    endpoint.ifPresent(e -> Registration.requireInfo("endpoint", e.toString()));
    if (endpoint.isEmpty() && new HostPort(node.host(), node.port()).isWildcard()) {
      throw new IllegalArgumentException("listening on " + node.host() + " (every interface): give the address "
          + "clients should dial with --endpoint HOST:PORT");
    }
  }

  /** Polling and dispute settings for {@code rpc}: fast on this machine, calmer for a remote node. */
  public static ProverRoleSettings of(ProverConfig node, URI rpc, Deployment deployment, KeyPair key, String region,
      BigInteger stake, Optional<HostPort> endpoint) {
    ChainTiming timing = ChainTiming.remote().withLocalPolling(rpc);
    return new ProverRoleSettings(node, rpc, deployment, key, region, stake, endpoint, timing,
        DisputeSettings.defaults(timing.pollInterval()), Optional.empty());
  }

  /** These settings, the dashboard reading from the ledger at {@code ledgerRpc}. */
  public ProverRoleSettings withLedger(URI ledgerRpc) {
    return new ProverRoleSettings(node, rpc, deployment, key, region, stake, endpoint, timing, disputes,
        Optional.of(ledgerRpc));
  }
}
