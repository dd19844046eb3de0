package org.shardledger.node.devnet;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.shardledger.node.metrics.LedgerMeters;
import org.shardledger.node.metrics.ProverMeters;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.metrics.VerifierMeters;
import java.util.Random;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.ledger.LedgerNode;
import org.shardledger.node.ledger.LedgerRole;
import org.shardledger.node.ledger.LedgerRoleFactory;
import org.shardledger.node.owner.OwnerClient;
import org.shardledger.node.prover.ProverRole;
import org.shardledger.node.prover.ProverRoleFactory;
import org.shardledger.node.verifier.VerifierRole;
import org.shardledger.node.verifier.VerifierRoleFactory;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.verifier.VerifierNode;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;

/**
 * The whole network on one machine: Anvil with the contracts deployed, operators' nodes, verifiers, a ledger, and
 * an owner storing files — each role the same code the separate commands run. Starts them in order and stops
 * them in reverse; Anvil dies with this process even on kill -9.
 */
public final class Devnet implements AutoCloseable {
  static final BigInteger CREDIT = DeployParameters.CREDIT;

  private final DevnetConfig config;
  private final PrintWriter out;
  private final List<AutoCloseable> open = new ArrayList<>();
  private LocalChain chain;
  private final List<ProverRole> operators = new ArrayList<>();
  private final List<VerifierNode> verifiers = new ArrayList<>();
  private LedgerNode ledger;
  private final List<Long> deals = new ArrayList<>();
  private final Map<String, RoleMetrics> metrics = new LinkedHashMap<>();

  public Devnet(DevnetConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  public void start() throws Exception {
    wipe(config.dataDir());
    say("starting Anvil (a block every %s s, epochs of %d blocks) and deploying the contracts",
        config.blockTime(), config.epochLength());
    List<KeyPair> verifierKeys = new ArrayList<>();
    for (int i = 0; i < config.verifiers(); i++) {
      verifierKeys.add(DevnetAccounts.verifier(i));
    }
    chain = keep(LocalChain.start(new AnvilConfig(config.anvilBinary(), config.dataDir().resolve("anvil"), 0,
        config.blockTime(), AnvilConfig.DEFAULT_CHAIN_ID, Duration.ofSeconds(15), null),
        DeployParameters.local(config.epochLength(), verifierKeys.stream().map(KeyPair::address).toList(),
            config.threshold())));
    Path deployment = config.dataDir().resolve("deployment.json");
    DeploymentFile.write(deployment, chain.deployment());
    say("chain %d at %s; ledger contract %s; deployment file %s", chain.deployment().chainId(), chain.rpcUrl(),
        chain.deployment().ledger(), deployment);

    URI ledgerUrl = URI.create("http://127.0.0.1:" + freePort());
    List<URI> verifierUrls = new ArrayList<>();
    for (int i = 0; i < config.verifiers(); i++) {
      verifierUrls.add(URI.create("http://127.0.0.1:" + freePort()));
    }
    startOperators(ledgerUrl);
    startVerifiers(verifierKeys, verifierUrls, ledgerUrl);
    RoleMetrics ledgerMetrics = metrics("ledger", "ledger");
    LedgerMeters ledgerMeters = new LedgerMeters(ledgerMetrics);
    LedgerRole ledgerRole = keep(LedgerRoleFactory.create(DevnetRoles.ledger(config, chain, verifierUrls, ledgerUrl),
        DevnetAccounts.ledger(), ledgerMeters, ledgerMetrics.rpc()));
    ledgerMeters.bind(ledgerRole);
    ledger = ledgerRole.start().node();
    say("ledger %s: JSON-RPC %s, metrics %s", DevnetAccounts.ledger().address(), ledger.rpcUrl(),
        ledgerMetrics.url().orElseThrow());
    storeFiles();
  }

  private void startOperators(URI ledgerUrl) throws Exception {
    for (int i = 0; i < config.operators(); i++) {
      KeyPair key = DevnetAccounts.operator(i);
      if (DevnetAccounts.generated(i)) {
        chain.rpc().setBalance(key.address(), java.math.BigInteger.TEN.pow(21));
      }
      chain.fund(key.address(), 1000);
      RoleMetrics roleMetrics = metrics("operator-" + (i + 1), "prover");
      ProverMeters meters = new ProverMeters(roleMetrics);
      ProverRole role = keep(ProverRoleFactory.create(DevnetRoles.operator(config, chain, i, ledgerUrl), meters));
      meters.bind(role);
      role.start();
      operators.add(role);
      say("operator %s in %s: serving on 127.0.0.1:%d with a stake of %d credits, metrics %s%n  dashboard %s",
          key.address(), DevnetAccounts.region(i), role.address().getPort(), DevnetRoles.OPERATOR_STAKE_CREDITS,
          roleMetrics.url().orElseThrow(), role.dashboardUrl());
    }
  }

  private void startVerifiers(List<KeyPair> keys, List<URI> urls, URI ledgerUrl) throws IOException {
    for (int i = 0; i < keys.size(); i++) {
      RoleMetrics roleMetrics = metrics("verifier-" + (i + 1), "verifier");
      VerifierMeters meters = new VerifierMeters(roleMetrics);
      VerifierRole role = keep(VerifierRoleFactory.create(DevnetRoles.verifier(config, chain, i, urls.get(i),
          ledgerUrl), new VerifierStatusLog(meters), roleMetrics.rpc()));
      meters.bind(role);
      role.start();
      verifiers.add(role.node());
      say("verifier %s: JSON-RPC %s, metrics %s", keys.get(i).address(), urls.get(i),
          roleMetrics.url().orElseThrow());
    }
  }

  /** The owner stores each file with every operator: one deal per (file, operator). */
  private void storeFiles() throws Exception {
    KeyPair owner = DevnetAccounts.owner();
    chain.fund(owner.address(), 100_000);
    Path files = Files.createDirectories(config.dataDir().resolve("owner"));
    Random random = new Random();
    try (Chain ownerChain = chain.connect(owner);
        WireClient wire = new WireClient(ClientSettings.defaults(chain.deployment().domain()))) {
      OwnerClient client = new OwnerClient(ownerChain, wire);
      long first = Long.MAX_VALUE;
      long last = 0;
      for (int f = 0; f < config.files(); f++) {
        byte[] data = new byte[(256 + random.nextInt(768)) * 1024];
        random.nextBytes(data);
        Path file = files.resolve("file-" + (f + 1) + ".bin");
        Files.write(file, data);
        for (int i = 0; i < operators.size(); i++) {
          // the epoch after next: the next one may begin a block from now, before the proposal, upload and
          // activation are through (DEAL_NOT_OPEN under load); the one after leaves a whole epoch for them
          long start = ownerChain.currentEpoch() + 2;
          first = Math.min(first, start);
          last = Math.max(last, start + config.dealEpochs() - 1);
          deals.add(client.store(file, DevnetAccounts.operator(i).address(),
              new OwnerClient.Terms(16, CREDIT, start, start + config.dealEpochs() - 1, 4096)));
        }
      }
      say("owner %s stored %d files with %d operators: %d deals for epochs %d-%d at 1 credit per epoch",
          owner.address(), config.files(), operators.size(), deals.size(), first, last);
    }
  }

  public LocalChain chain() {
    return chain;
  }

  public List<ProverRole> operators() {
    return operators;
  }

  public List<VerifierNode> verifiers() {
    return verifiers;
  }

  public LedgerNode ledger() {
    return ledger;
  }

  /** Each role's metrics ("ledger", "verifier-1", "operator-1", …), served on loopback. */
  public Map<String, RoleMetrics> metrics() {
    return Map.copyOf(metrics);
  }

  /** A role's registry, served on a free loopback port, closed with the network. */
  private RoleMetrics metrics(String name, String role) throws IOException {
    RoleMetrics m = keep(new RoleMetrics(role)).serve(new InetSocketAddress("127.0.0.1", 0));
    metrics.put(name, m);
    return m;
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

  private <T extends AutoCloseable> T keep(T resource) {
    open.add(resource);
    return resource;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
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
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        out.printf("while stopping: %s%n", e);
      }
    }
    open.clear();
    out.flush();
  }
}
