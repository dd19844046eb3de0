package org.shardledger.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.chain.Keystores;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import picocli.CommandLine.Option;

/**
 * The owner's account and network for the offline commands: a keystore and password file, or one of Anvil's
 * development accounts (the devnet's owner by default); the network from a deployment file, or a chain id and ledger
 * address, or a fresh devnet's.
 */
final class OwnerOptions {
  /** The devnet's owner among Anvil's development accounts. */
  static final int DEVNET_OWNER = 6;
  static final long DEVNET_CHAIN_ID = 31337;
  /**
   * Where a fresh devnet's ledger contract lands: the second contract Anvil's account 0 deploys (nonce 1, after the
   * credit token). A deployment file says it exactly; this default is only for the local network.
   */
  static final Address DEVNET_LEDGER = Address.fromHex("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
  /** The deployment file a devnet started here with its default data directory writes. */
  static final Path DEVNET_DEPLOYMENT = Path.of("devnet-data", "deployment.json");

  @Option(names = "--keystore", description = "Keystore v3 file of the owner's account (default: the devnet's "
      + "development owner account).")
  Path keystore;

  @Option(names = "--password-file", description = "File whose first line is the keystore's password.")
  Path passwordFile;

  @Option(names = "--dev-account", description = "Use Anvil's well-known development account N (0-9) instead of a "
      + "keystore (default: " + DEVNET_OWNER + ", the devnet's owner). Local networks only.")
  Integer devAccount;

  @Option(names = "--deployment", description = "The deployment file naming the chain and ledger (default: "
      + "devnet-data/deployment.json when a devnet runs here, else a fresh devnet's, chain 31337).")
  Path deployment;

  @Option(names = "--chain-id", description = "The chain id, instead of a deployment file.")
  Long chainId;

  @Option(names = "--ledger", converter = CommandValues.AddressConverter.class,
      description = "The ledger contract's address, instead of a deployment file.")
  Address ledger;

  KeyPair account() throws IOException {
    if (keystore != null || passwordFile != null) {
      if (keystore == null || passwordFile == null) {
        throw new IllegalArgumentException("--keystore and --password-file go together");
      }
      if (devAccount != null) {
        throw new IllegalArgumentException("give either --keystore or --dev-account, not both");
      }
      return Keystores.load(keystore, passwordFile);
    }
    int n = devAccount != null ? devAccount : DEVNET_OWNER;
    if (n < 0 || n >= DevAccounts.count()) {
      throw new IllegalArgumentException("--dev-account must be 0-" + (DevAccounts.count() - 1) + ", got " + n);
    }
    return DevAccounts.key(n);
  }

  long chainId() throws IOException {
    return network().chainId();
  }

  Address ledger() throws IOException {
    return network().ledger();
  }

  /** The deployment file to use: the one given, or the devnet's here; commands that talk to the chain need one. */
  Path deploymentFile() {
    if (deployment != null) {
      return deployment;
    }
    if (chainId == null && Files.isRegularFile(DEVNET_DEPLOYMENT)) {
      return DEVNET_DEPLOYMENT;
    }
    throw new IllegalArgumentException("this command talks to the chain and needs --deployment FILE (no devnet's "
        + DEVNET_DEPLOYMENT + " here)");
  }

  Deployment deploymentRecord() throws IOException {
    if (chainId != null || ledger != null) {
      throw new IllegalArgumentException("this command talks to the chain: give --deployment FILE instead of "
          + "--chain-id and --ledger");
    }
    return DeploymentFile.read(deploymentFile());
  }

  private record Network(long chainId, Address ledger) {}

  private Network network() throws IOException {
    if (deployment != null || (chainId == null && ledger == null
        && Files.isRegularFile(DEVNET_DEPLOYMENT))) {
      if (chainId != null || ledger != null) {
        throw new IllegalArgumentException("give either --deployment or --chain-id with --ledger, not both");
      }
      Deployment d = DeploymentFile.read(deploymentFile());
      return new Network(d.chainId(), d.ledger());
    }
    if ((chainId == null) != (ledger == null)) {
      throw new IllegalArgumentException("--chain-id and --ledger go together");
    }
    if (chainId != null && chainId <= 0) {
      throw new IllegalArgumentException("--chain-id must be positive, got " + chainId);
    }
    return chainId != null ? new Network(chainId, ledger) : new Network(DEVNET_CHAIN_ID, DEVNET_LEDGER);
  }
}
