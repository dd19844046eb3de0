package org.shardledger.node.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.keys.KeyDirectory;
import org.shardledger.client.keys.X25519PublicKey;
import org.shardledger.protocol.crypto.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true, subcommands = KeysCommand.Show.class,
    description = "Encryption keys: every account's X25519 key is derived from its account key.")
final class KeysCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Prints the X25519 public key of your account, or the one ADDRESS published.")
  static final class Show implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ADDRESS", arity = "0..1", converter = CommandValues.AddressConverter.class,
        description = "Another account whose published key to look up (needs the chain's key registry).")
    Address address;

    @Mixin
    OwnerOptions owner;

    @Override
    public Integer call() throws Exception {
      if (address == null) {
        EncryptionKey key = EncryptionKey.derive(owner.account());
        spec.commandLine().getOut().printf("account %s%nx25519 %s%n", key.account(), key.publicKey());
        return 0;
      }
      Optional<KeyDirectory> directory = directory();
      if (directory.isEmpty()) {
        spec.commandLine().getErr().println("error: looking up another account's key needs the chain's key "
            + "registry, which is not available offline yet");
        return ShardledgerCommand.EXIT_BAD_INPUT;
      }
      Optional<X25519PublicKey> key = directory.get().lookup(address);
      if (key.isEmpty()) {
        spec.commandLine().getErr().println("error: " + address + " has published no encryption key");
        return 1;
      }
      spec.commandLine().getOut().printf("account %s%nx25519 %s%n", address, key.get());
      return 0;
    }

    /** The chain-backed directory once the key registry is wired in; offline there is none. */
    Optional<KeyDirectory> directory() {
      return Optional.empty();
    }
  }
}
