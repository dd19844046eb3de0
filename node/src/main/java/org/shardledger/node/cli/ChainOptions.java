package org.shardledger.node.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.chain.Keystores;
import org.shardledger.protocol.crypto.KeyPair;
import picocli.CommandLine.Option;

/** What every role needs to find the network: the chain, the deployment, its key and its data directory. */
final class ChainOptions {
  @Option(names = "--data-dir", required = true, description = "Where this role keeps its database and files.")
  Path dataDir;

  @Option(names = "--deployment", required = true, description = "The deployment file written by 'shardledger "
      + "deploy'.")
  Path deployment;

  @Option(names = "--rpc", required = true, description = "The chain's JSON-RPC endpoint.")
  URI rpc;

  @Option(names = "--keystore", required = true, description = "Keystore v3 file of this role's account.")
  Path keystore;

  @Option(names = "--password-file", required = true, description = "File whose first line is the keystore's "
      + "password.")
  Path passwordFile;

  Deployment readDeployment() throws IOException {
    return DeploymentFile.read(deployment);
  }

  KeyPair readKey() throws IOException {
    return Keystores.load(keystore, passwordFile);
  }
}
