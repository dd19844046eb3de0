package org.shardledger.node.devnet;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.ledger.LedgerNode;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.prover.ProverRole;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.verifier.VerifierNode;

/**
 * The whole network on one machine: Anvil with the contracts deployed, operators' nodes, verifiers, a ledger, and
 * an owner storing files — each role the same code the separate commands run. Starts them in order and stops
 * them in reverse; Anvil dies with this process even on kill -9.
 */
public final class Devnet implements AutoCloseable {
  static final BigInteger CREDIT = DeployParameters.CREDIT;

  private final DevnetConfig config;
  private final PrintWriter out;
  private LocalNetwork network;
  private NetworkView view;
  private final List<Long> deals = new ArrayList<>();

  public Devnet(DevnetConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  public void start() throws Exception {
    wipe(config.dataDir());
    say("starting Anvil (a block every %s s, epochs of %d blocks) and deploying the contracts",
        config.blockTime(), config.epochLength());
    network = LocalNetwork.builder(config.dataDir()).anvil(config.anvilBinary()).blockTime(config.blockTime())
        .epochLength(config.epochLength()).operators(config.operators())
        .verifiers(config.verifiers(), config.threshold()).operatorPrice(DevnetRoles.PRICE_PER_GIB_EPOCH)
        .listener(new Output()).start();
    network.startRoles();
    view = NetworkView.start(networkReads());
    RoleTag.as(RoleTag.OWNER, () -> {
      storeFiles();
      return null;
    });
  }

  /** The devnet's lines as each part comes up. */
  private final class Output implements LocalNetwork.Listener {
    @Override
    public void chainStarted(LocalChain chain, Path deployment) {
      say("chain %d at %s; ledger contract %s; deployment file %s", chain.deployment().chainId(), chain.rpcUrl(),
          chain.deployment().ledger(), deployment);
    }

    @Override
    public void operatorStarted(int i, KeyPair key, ProverRole role, RoleMetrics roleMetrics) throws IOException {
      say("operator %s in %s: serving on 127.0.0.1:%d with a stake of %d credits, metrics %s%n  dashboard %s",
          key.address(), DevnetAccounts.region(i), role.address().getPort(), DevnetRoles.OPERATOR_STAKE_CREDITS,
          roleMetrics.url().orElseThrow(), role.dashboardUrl());
    }

    @Override
    public void verifierStarted(KeyPair key, URI rpc, RoleMetrics roleMetrics) {
      say("verifier %s: JSON-RPC %s, metrics %s", key.address(), rpc, roleMetrics.url().orElseThrow());
    }

    @Override
    public void ledgerStarted(KeyPair key, LedgerNode node, RoleMetrics roleMetrics) {
      say("ledger %s: JSON-RPC %s, metrics %s", key.address(), node.rpcUrl(), roleMetrics.url().orElseThrow());
    }
  }

  /** What the network view lists: every operator and verifier as started, their figures from the ledger. */
  private NetworkReads networkReads() {
    List<NetworkReads.Operator> operators = new ArrayList<>();
    for (int i = 0; i < network.operators().size(); i++) {
      operators.add(new NetworkReads.Operator(DevnetAccounts.operator(i).address().toChecksumHex(),
          DevnetAccounts.region(i), "127.0.0.1:" + network.operators().get(i).address().getPort(),
          DevnetRoles.OPERATOR_STAKE_CREDITS));
    }
    List<NetworkReads.Verifier> verifiers = new ArrayList<>();
    for (VerifierNode v : network.verifiers()) {
      verifiers.add(new NetworkReads.Verifier(v.address().toChecksumHex(),
          v.rpcUrl().map(Object::toString).orElse("(none)")));
    }
    return new NetworkReads(ledger().rpcUrl(), operators, verifiers);
  }

  /** The owner puts each sample file (a shard on every operator) and gets it back, byte-identical. */
  private void storeFiles() throws Exception {
    KeyPair owner = DevnetAccounts.owner();
    LocalChain chain = network.chain();
    chain.fund(owner.address(), 100_000);
    Path files = Files.createDirectories(config.dataDir().resolve("owner"));
    Duration blockTime = Duration.ofMillis(Math.round(config.blockTime() * 1000));
    DevnetOwner ownerRole = new DevnetOwner(network.as(owner), owner, blockTime, line -> say("%s", line));
    deals.addAll(ownerRole.storeAndFetch(files, config.files(), network.operators().size(), config.dealEpochs()));
    if (!deals.isEmpty()) {
      say("owner %s stored %d files with %d operators: %d deals", owner.address(), config.files(),
          network.operators().size(), deals.size());
    }
  }

  public LocalChain chain() {
    return network.chain();
  }

  public List<ProverRole> operators() {
    return network.operators();
  }

  public List<VerifierNode> verifiers() {
    return network.verifiers();
  }

  public LedgerNode ledger() {
    return network.ledger().orElseThrow().node();
  }

  /** Each role's metrics ("ledger", "verifier-1", "operator-1", …), served on loopback. */
  public Map<String, RoleMetrics> metrics() {
    return network.metrics();
  }

  /** The network view's page: operators, verifiers, epochs and their settlements. */
  public URI networkViewUrl() {
    return view.url();
  }

  public List<Long> deals() {
    return deals;
  }

  public DevnetConfig config() {
    return config;
  }

  void say(String format, Object... args) {
    out.printf(format + "%n", args);
    out.flush();
  }

  /** The chain starts fresh, so every role's records must too (the log files, opened before, stay). */
  private static void wipe(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder())
            .filter(p -> !p.equals(dir) && !p.startsWith(dir.resolve(DevnetLogs.DIR))).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  @Override
  public void close() {
    if (view != null) {
      view.close();
      view = null;
    }
    if (network != null) {
      for (Exception e : network.closeAll()) {
        out.printf("while stopping: %s%n", e);
      }
      network = null;
    }
    out.flush();
  }
}
