package org.shardledger.node.verifier;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.node.roles.HostPort;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.verifier.VerifierConfig;

/**
 * Everything the verifier role is started with.
 *
 * @param verifier the verifier itself: data directory, confirmations, polling, audits, JSON-RPC
 * @param rpc the chain's JSON-RPC endpoint
 * @param ledgers the ledgers' JSON-RPC URLs its reports go to
 * @param dial operators to reach somewhere other than the endpoint they registered ({@code --dial})
 */
public record VerifierRoleSettings(VerifierConfig verifier, URI rpc, Deployment deployment, KeyPair key,
    List<URI> ledgers, Map<Address, HostPort> dial) {
  public VerifierRoleSettings {
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(key, "key");
    ledgers = List.copyOf(ledgers);
    dial = Map.copyOf(dial);
  }

  /** Settings that dial every operator where it registered. */
  public VerifierRoleSettings(VerifierConfig verifier, URI rpc, Deployment deployment, KeyPair key,
      List<URI> ledgers) {
    this(verifier, rpc, deployment, key, ledgers, Map.of());
  }
}
