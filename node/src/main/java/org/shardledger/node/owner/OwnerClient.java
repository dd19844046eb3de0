package org.shardledger.node.owner;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DealRecord;
import org.shardledger.contracts.chain.OperatorInfo;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.WireClient;

/**
 * An owner storing a shard with an operator: commit it, propose the deal on chain (escrowing the whole price),
 * upload it to the operator's node, and activate the deal with the operator's signed acceptance.
 */
public final class OwnerClient {
  private final Chain chain;
  private final WireClient wire;

  public OwnerClient(Chain chain, WireClient wire) {
    this.chain = chain;
    this.wire = wire;
  }

  /** What the terms of a new deal are, beyond the shard. */
  public record Terms(int samples, BigInteger pricePerEpoch, long firstEpoch, long lastEpoch, int segmentSize) {}

  /** Stores {@code file} with {@code operator} (its endpoint read from its registration); returns the deal id. */
  public long store(Path file, Address operator, Terms terms) throws IOException, InterruptedException {
    ShardCommitment commitment = new ShardHasher(terms.segmentSize()).commit(file);
    OperatorInfo info = chain.operators().get(operator).orElseThrow(() ->
        new IOException("operator " + operator + " is not registered"));
    long dealId = chain.deals().propose(operator, commitment, terms.samples(), terms.pricePerEpoch(),
        terms.firstEpoch(), terms.lastEpoch());
    DealRecord deal = chain.deals().get(dealId).orElseThrow();
    UploadResult result;
    try (InputStream in = Files.newInputStream(file)) {
      result = wire.operator(endpoint(info.endpoint()), operator).upload(deal.deal(), in).get();
    } catch (ExecutionException e) {
      throw new IOException("uploading deal " + dealId + " failed: " + e.getCause(), e.getCause());
    }
    if (!(result instanceof UploadResult.Accepted accepted)) {
      throw new IOException("operator " + operator + " did not accept deal " + dealId + ": " + result
          + " (the proposal stays until cancelled: 'cancel' refunds it)");
    }
    chain.deals().activate(dealId, accepted.signature()).mined();
    return dealId;
  }

  static InetSocketAddress endpoint(String hostPort) throws IOException {
    return ChainOwner.endpoint(hostPort).orElseThrow(() ->
        new IOException("operator endpoint \"" + hostPort + "\" is not HOST:PORT"));
  }
}
