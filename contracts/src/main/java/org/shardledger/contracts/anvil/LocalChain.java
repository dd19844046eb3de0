package org.shardledger.contracts.anvil;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.deploy.Deployer;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * A local chain with the contracts deployed: Anvil on a loopback port, dev account 0 as admin, minter and
 * governor. For the local network and for tests.
 */
public final class LocalChain implements AutoCloseable {
  private final AnvilProcess anvil;
  private final Deployment deployment;
  private final Path workDir;
  private final AnvilRpc rpc;

  private LocalChain(AnvilProcess anvil, Deployment deployment, Path workDir) {
    this.anvil = anvil;
    this.deployment = deployment;
    this.workDir = workDir;
    this.rpc = new AnvilRpc(anvil.rpcUrl());
  }

  public static LocalChain start(AnvilConfig anvilConfig, DeployParameters parameters) throws IOException {
    AnvilProcess anvil = AnvilProcess.start(anvilConfig);
    try {
      Deployment deployment = Deployer.deploy(anvil.rpcUrl(), DevAccounts.key(0), parameters,
          anvilConfig.workDir().resolve("journal-deploy"), ChainTiming.local());
      return new LocalChain(anvil, deployment, anvilConfig.workDir());
    } catch (IOException | RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  public Deployment deployment() {
    return deployment;
  }

  public java.net.URI rpcUrl() {
    return anvil.rpcUrl();
  }

  public AnvilRpc rpc() {
    return rpc;
  }

  /** A connection that signs with {@code key}; its journal lives in this chain's work directory. */
  public Chain connect(KeyPair key) throws IOException {
    return Chain.connect(anvil.rpcUrl(), deployment, Optional.of(key), workDir.resolve("journal"),
        ChainTiming.local());
  }

  public Chain connectReadOnly() throws IOException {
    return Chain.connect(anvil.rpcUrl(), deployment, Optional.empty(), workDir.resolve("journal"),
        ChainTiming.local());
  }

  /** Mints {@code credits} whole credits to {@code account} from the admin (the faucet). */
  public void fund(Address account, long credits) throws IOException {
    try (Chain admin = connect(DevAccounts.key(0))) {
      admin.credits().mint(account, DeployParameters.CREDIT.multiply(BigInteger.valueOf(credits))).mined();
    }
  }

  @Override
  public void close() {
    anvil.close();
  }
}
