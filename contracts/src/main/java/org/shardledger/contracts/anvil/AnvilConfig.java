package org.shardledger.contracts.anvil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a local Anvil chain.
 *
 * @param binary the native anvil executable
 * @param workDir where its log and pid file live (leftovers of a previous run there are cleaned up at start)
 * @param port a loopback port, or 0 for a free one
 * @param blockTime seconds between blocks (fractions allowed), or null to mine on every transaction
 * @param chainId the chain id Anvil reports
 * @param startTimeout how long to wait for Anvil to answer
 * @param gasLimit the block gas limit, or null for Anvil's default
 */
public record AnvilConfig(Path binary, Path workDir, int port, Double blockTime, long chainId,
    Duration startTimeout, Long gasLimit) {
  public static final long DEFAULT_CHAIN_ID = 31337;

  public AnvilConfig {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(startTimeout, "startTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (blockTime != null && !(blockTime > 0)) {
      throw new IllegalArgumentException("block time must be positive seconds, got " + blockTime);
    }
    if (gasLimit != null && gasLimit < 21_000) {
      throw new IllegalArgumentException("a block gas limit below 21000 holds no transaction: " + gasLimit);
    }
  }

  /** Automining on a free port, chain 31337. */
  public static AnvilConfig defaults(Path binary, Path workDir) {
    return new AnvilConfig(binary, workDir, 0, null, DEFAULT_CHAIN_ID, Duration.ofSeconds(15), null);
  }

  public AnvilConfig withBlockTime(Double seconds) {
    return new AnvilConfig(binary, workDir, port, seconds, chainId, startTimeout, gasLimit);
  }

  public AnvilConfig withPort(int newPort) {
    return new AnvilConfig(binary, workDir, newPort, blockTime, chainId, startTimeout, gasLimit);
  }

  /** The same chain with a block gas limit of {@code gas}. */
  public AnvilConfig withGasLimit(long gas) {
    return new AnvilConfig(binary, workDir, port, blockTime, chainId, startTimeout, gas);
  }
}
