package org.shardledger.node.devnet;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.ledger.LedgerConfig;
import org.shardledger.node.prover.ProverRoleSettings;
import org.shardledger.node.verifier.VerifierRoleSettings;
import org.shardledger.prover.ProverConfig;
import org.shardledger.verifier.VerifierConfig;
import org.shardledger.verifier.audit.AuditSettings;

/**
 * The config of each devnet role, for its factory: what differs from a role's defaults on one machine (loopback,
 * one confirmation, fast polling, a data directory per role under the devnet's).
 */
final class DevnetRoles {
  /** Each operator's stake, in whole credits. */
  static final int OPERATOR_STAKE_CREDITS = 200;

  /**
   * What every devnet operator asks, and the devnet's owner pays at most, per GiB-epoch: 512 credits, a quarter
   * credit per epoch for a 512 KiB shard, so the epoch lines show figures a person can read; under {@code put}'s
   * default --max-price (1000 credits), so {@code put FILE} against a devnet places its shards.
   */
  static final BigInteger PRICE_PER_GIB_EPOCH = DeployParameters.CREDIT.multiply(BigInteger.valueOf(512));

  private DevnetRoles() {}

  /**
   * Operator {@code i} (from 0): 4 GiB on a free loopback port, asking {@code price} per GiB-epoch (null: the
   * role's default); its dashboard reads {@code ledger}.
   */
  static ProverRoleSettings operator(Path dataDir, LocalChain chain, int i, URI ledger, BigInteger price) {
    ProverConfig node = ProverConfig.defaults(dataDir.resolve(RoleTag.operator(i)), 4L << 30)
        .withListen("127.0.0.1", 0);
    if (price != null) {
      node = node.withPolicy(node.policy().withMinPrice(price));
    }
    return ProverRoleSettings.of(node, chain.rpcUrl(), chain.deployment(), DevnetAccounts.operator(i),
        DevnetAccounts.region(i), DeployParameters.CREDIT.multiply(BigInteger.valueOf(OPERATOR_STAKE_CREDITS)),
        Optional.empty()).withLedger(ledger);
  }

  /** Verifier {@code i} (from 0): JSON-RPC on {@code listen}, its reports to {@code ledger}. */
  static VerifierRoleSettings verifier(Path dataDir, LocalChain chain, int i, URI listen, URI ledger) {
    VerifierConfig verifier = VerifierConfig.defaults(dataDir.resolve("verifier-" + (i + 1)))
        .withRpc(new InetSocketAddress("127.0.0.1", listen.getPort()))
        .withTiming(1, Duration.ofMillis(250))
        .withAudits(new AuditSettings(32, 3, Duration.ofMillis(500), Duration.ofSeconds(5)));
    return new VerifierRoleSettings(verifier, chain.rpcUrl(), chain.deployment(), DevnetAccounts.verifier(i),
        List.of(ledger));
  }

  /** The ledger: JSON-RPC on {@code listen}, asking {@code verifiers} to sign; reports wait one epoch. */
  static LedgerConfig ledger(Path dataDir, long epochLength, LocalChain chain, List<URI> verifiers, URI listen) {
    return LedgerConfig.defaults(dataDir.resolve("ledger"), chain.deployment(), chain.rpcUrl())
        .withVerifiers(verifiers).withListen(new InetSocketAddress("127.0.0.1", listen.getPort()))
        .withConfirmations(1).withReportDeadlineBlocks(epochLength);
  }
}
