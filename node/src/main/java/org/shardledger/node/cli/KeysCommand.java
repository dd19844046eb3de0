package org.shardledger.node.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.keys.X25519PublicKey;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.node.owner.ChainKeyDirectory;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true,
    subcommands = {KeysCommand.Show.class, KeysCommand.Publish.class},
    description = "Encryption keys: every account's X25519 key is derived from its account key.")
final class KeysCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The chain, read-only or signing with {@code key}; its journal lies beside the deployment file. */
  static Chain connect(OwnerOptions owner, URI rpc, Optional<KeyPair> key) throws IOException {
    Path deployment = owner.deploymentFile();
    Path journal = deployment.toAbsolutePath().resolveSibling(deployment.getFileName() + ".journal");
    return Chain.connect(rpc, owner.deploymentRecord(), key, journal, ChainTiming.remote().withLocalPolling(rpc));
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Prints the X25519 public key of your account, or the one ADDRESS published on chain.")
  static final class Show implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ADDRESS", arity = "0..1", converter = CommandValues.AddressConverter.class,
        description = "Another account whose published key to look up in the chain's key registry (needs --rpc).")
    Address address;

    @Option(names = "--rpc", description = "The chain's JSON-RPC endpoint, to look up ADDRESS.")
    URI rpc;

    @Mixin
    OwnerOptions owner;

    @Override
    public Integer call() throws Exception {
      if (address == null) {
        EncryptionKey key = EncryptionKey.derive(owner.account());
        spec.commandLine().getOut().printf("account %s%nx25519 %s%n", key.account(), key.publicKey());
        return 0;
      }
      if (rpc == null) {
        spec.commandLine().getErr().println("error: looking up another account's key reads the chain's key "
            + "registry: give --rpc URL (and --deployment FILE unless the devnet's is meant)");
        return ShardledgerCommand.EXIT_BAD_INPUT;
      }
      Optional<X25519PublicKey> key;
      try (Chain chain = connect(owner, rpc, Optional.empty())) {
        key = new ChainKeyDirectory(chain, null).lookup(address);
      }
      if (key.isEmpty()) {
        spec.commandLine().getErr().println("error: " + address + " has published no encryption key");
        return 1;
      }
      spec.commandLine().getOut().printf("account %s%nx25519 %s%n", address, key.get());
      return 0;
    }
  }

  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = "Publishes your account's X25519 public key in the chain's key registry, so others can share "
          + "files with you.")
  static final class Publish implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rpc", required = true, description = "The chain's JSON-RPC endpoint.")
    URI rpc;

    @Mixin
    OwnerOptions owner;

    @Override
    public Integer call() throws Exception {
      KeyPair account = owner.account();
      EncryptionKey key = EncryptionKey.derive(account);
      try (Chain chain = connect(owner, rpc, Optional.of(account))) {
        new ChainKeyDirectory(chain, account.address()).publish(key);
      }
      spec.commandLine().getOut().printf("published x25519 %s for %s%n", key.publicKey(), key.account());
      return 0;
    }
  }
}
