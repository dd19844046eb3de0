package org.shardledger.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * Anvil for integration tests: the pinned binary (found from the working directory), its files in {@code dir}, a
 * free loopback port, a block per transaction unless a block time is given; with the contracts deployed where asked.
 */
public final class AnvilFixture {
  private AnvilFixture() {}

  /** Anvil's settings for a test: the pinned binary, automining, files in {@code dir}. */
  public static AnvilConfig config(Path dir) {
    return AnvilConfig.defaults(AnvilBinary.require(Path.of("")), dir);
  }

  /** A chain with the contracts deployed with {@code parameters}. */
  public static LocalChain start(Path dir, DeployParameters parameters) throws IOException {
    return LocalChain.start(config(dir), parameters);
  }

  /** A chain with the local deployment: epochs of {@code epochLength} blocks, these verifiers, threshold t. */
  public static LocalChain start(Path dir, long epochLength, List<KeyPair> verifiers, int t) throws IOException {
    return start(dir, DeployParameters.local(epochLength, verifiers.stream().map(KeyPair::address).toList(), t));
  }
}
