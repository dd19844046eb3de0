package org.shardledger.node.cli;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.crypto.KeyPair;
import picocli.CommandLine.Option;

/**
 * How the owner's commands that talk to the chain reach it: its JSON-RPC. Beside {@link OwnerOptions}, not in it,
 * because the offline commands (encode, decode) share those and need no chain.
 */
final class OwnerNetworkOptions {
  @Option(names = "--rpc", required = true, description = "The chain's JSON-RPC endpoint.")
  URI rpc;

  /** The chain, signing as {@code key} when given. */
  Chain connect(OwnerOptions owner, Optional<KeyPair> key) throws IOException {
    return KeysCommand.connect(owner, rpc, key);
  }
}
