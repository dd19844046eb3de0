package org.shardledger.node.verifier;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.verifier.VerifierConfig;

/**
 * Everything the verifier role is started with.
 *
 * @param verifier the verifier itself: data directory, confirmations, polling, audits, JSON-RPC
 * @param rpc the chain's JSON-RPC endpoint
 * @param ledgers the ledgers' JSON-RPC URLs its reports go to
 */
public record VerifierRoleSettings(VerifierConfig verifier, URI rpc, Deployment deployment, KeyPair key,
    List<URI> ledgers) {
  public VerifierRoleSettings {
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(key, "key");
    ledgers = List.copyOf(ledgers);
  }
}
