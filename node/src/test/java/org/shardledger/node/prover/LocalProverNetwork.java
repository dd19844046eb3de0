package org.shardledger.node.prover;

import org.shardledger.node.roles.HostPort;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.AnvilRpc;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.node.devnet.LocalNetwork;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.prover.ProverConfig;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.WireClient;
import org.shardledger.wire.server.PeerLimits;

/**
 * The {@link LocalNetwork}'s chain mining a block every 0.2 s; an operator, an owner and a disputer with credits;
 * an owner's wire client. Shards are pseudo-random files of 4 KiB segments.
 */
final class LocalProverNetwork implements AutoCloseable {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(2);
  static final KeyPair DISPUTER = DevAccounts.key(3);
  static final BigInteger STAKE = DeployParameters.CREDIT.multiply(BigInteger.valueOf(100));

  final LocalNetwork network;
  final LocalChain local;
  final Chain owner;
  final Chain disputer;
  private final Path dir;
  private final WireClient client;

  private LocalProverNetwork(LocalNetwork network, Path dir) throws IOException {
    this.network = network;
    this.local = network.chain();
    this.dir = dir;
    this.owner = network.as(OWNER);
    this.disputer = network.as(DISPUTER);
    this.client = network.keep(new WireClient(ClientSettings.defaults(local.deployment().domain())));
  }

  static LocalProverNetwork start(Path dir) throws IOException {
    return start(dir, DeployParameters.local(1000, List.of(DevAccounts.key(9).address()), 1));
  }

  /** The {@link LocalNetwork}'s chain mining every 0.2 s with a block gas limit of 30M (a public chain's). */
  static LocalProverNetwork start(Path dir, DeployParameters parameters) throws IOException {
    LocalNetwork network = LocalNetwork.builder(dir).blockTime(0.2).gasLimit(30_000_000).deploy(parameters).start();
    try {
      for (KeyPair k : List.of(OPERATOR, OWNER, DISPUTER)) {
        network.chain().fund(k.address(), 1000);
      }
      return new LocalProverNetwork(network, dir);
    } catch (IOException | RuntimeException e) {
      network.close();
      throw e;
    }
  }

  ProverRoleSettings settings(Path dataDir, Optional<HostPort> endpoint) {
    return ProverRoleSettings.of(ProverConfig.defaults(dataDir, 1L << 30).withListen("127.0.0.1", 0),
        local.rpcUrl(), local.deployment(), OPERATOR, "eu-west", STAKE, endpoint);
  }

  /** As {@link #settings}, for a node that takes many uploads from this one client (more than 16 connections). */
  ProverRoleSettings settingsForManyUploads(Path dataDir) {
    return ProverRoleSettings.of(ProverConfig.defaults(dataDir, 1L << 30).withListen("127.0.0.1", 0)
        .withLimits(new PeerLimits(1024, 2, 16 << 10, Duration.ofSeconds(30), 8L << 30)),
        local.rpcUrl(), local.deployment(), OPERATOR, "eu-west", STAKE, Optional.empty());
  }

  /** The owner proposes a deal of {@code size} pseudo-random bytes with the operator. */
  Deal propose(long seed, int size) throws IOException {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    Path file = Files.write(source(seed), data);
    long first = owner.currentEpoch();
    long id = owner.deals().propose(OPERATOR.address(), new ShardHasher(4096).commit(file), 4, BigInteger.ONE,
        first, first + 5);
    return owner.deals().get(id).orElseThrow().deal();
  }

  /** A deal whose shard the node stored (uploaded over the wire), activated with the node's acceptance. */
  Deal stored(ProverRole role, long seed) throws Exception {
    Deal deal = propose(seed, 300_000);
    owner.deals().activate(deal.id(), upload(deal, seed, role.address())).mined();
    return deal;
  }

  /** Disputes opened in one block: the block and their ids, in the order of the deals given. */
  record OpenedInOneBlock(long block, List<Long> disputeIds) {}

  /**
   * The disputer opens a dispute against each deal (one deal may come many times), all in one block: mining is
   * paused while the transactions go to Anvil's pool (each with {@code gasEach} as its limit, so that they fit one
   * block together), one block takes them, then a block follows every second.
   */
  OpenedInOneBlock openInOneBlock(List<Long> dealIds, long gasEach) throws Exception {
    AnvilRpc rpc = local.rpc();
    String court = local.deployment().disputeCourt().toHex();
    minedOk(rpc.sendUnlocked(DISPUTER.address().toHex(), local.deployment().credit().toHex(),
        "0x095ea7b3" + "0".repeat(24) + court.substring(2) + "f".repeat(64), 100_000)); // approve(court, max)
    rpc.setIntervalMining(0);
    List<String> sent = new ArrayList<>();
    for (long dealId : dealIds) {
      sent.add(rpc.sendUnlocked(DISPUTER.address().toHex(), court,
          "0xdc688e98" + String.format("%064x%064x", dealId, 0), gasEach)); // openDispute(dealId, 0)
    }
    rpc.mine(1);
    rpc.setIntervalMining(1);
    List<Long> ids = new ArrayList<>();
    long block = -1;
    for (String hash : sent) {
      JsonNode receipt = minedOk(hash);
      long at = Long.decode(receipt.get("blockNumber").asText());
      assertThat(block == -1 || at == block).as("all opened in one block").isTrue();
      block = at;
      JsonNode logs = receipt.get("logs"); // the court's DisputeOpened comes last; its first topic is the id
      ids.add(new BigInteger(logs.get(logs.size() - 1).get("topics").get(1).asText().substring(2), 16)
          .longValueExact());
    }
    return new OpenedInOneBlock(block, ids);
  }

  private JsonNode minedOk(String hash) throws Exception {
    JsonNode receipt = null;
    for (int i = 0; i < 500 && receipt == null; i++) {
      receipt = local.rpc().receipt(hash);
      if (receipt == null) {
        Thread.sleep(20);
      }
    }
    assertThat(receipt).as("receipt of " + hash).isNotNull();
    assertThat(receipt.get("status").asText()).as("status of " + hash).isEqualTo("0x1");
    return receipt;
  }

  DisputeInfo dispute(long disputeId) {
    try {
      return disputer.disputes().get(disputeId).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long head() {
    try {
      return owner.blockNumber();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path source(long seed) {
    return dir.resolve("shard-" + seed);
  }

  /** Uploads the deal's shard to the node at {@code address}; returns the operator's acceptance. */
  Signature upload(Deal deal, long seed, InetSocketAddress address) throws Exception {
    UploadResult result = client.operator(address, OPERATOR.address()).upload(deal, source(seed)).get();
    assertThat(result).isInstanceOf(UploadResult.Accepted.class);
    return ((UploadResult.Accepted) result).signature();
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    network.close();
  }
}
