package org.shardledger.client.retrieval;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.MerkleHasher;
import org.shardledger.protocol.terms.OperatorTerms;
import org.shardledger.protocol.merkle.MerkleTree;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.server.OperatorBackend;
import org.shardledger.wire.server.ServerSettings;
import org.shardledger.wire.server.WireServer;

/**
 * A real wire server on 127.0.0.1 serving shard files as the operator's node does (the owner's ticket checked, the
 * paths from the shard's tree), for the owner's side's tests; the operator's own node is tested in prover/node.
 */
public final class ServingOperator implements OperatorBackend, AutoCloseable {
  private record Held(Path file, ShardCommitment commitment, MerkleTree tree, Address owner) {}

  private final KeyPair key;
  private final Eip712Domain domain;
  private final Map<Long, Held> shards = new ConcurrentHashMap<>();
  private final ExecutorService work = Executors.newFixedThreadPool(2);
  private final WireServer server;
  private final InetSocketAddress address;

  public ServingOperator(KeyPair key, Eip712Domain domain) throws Exception {
    this.key = key;
    this.domain = domain;
    this.server = new WireServer(ServerSettings.defaults(), domain.chainId(), key, this, work);
    this.address = server.start();
  }

  public Address operator() {
    return key.address();
  }

  public InetSocketAddress address() {
    return address;
  }

  /** Serves {@code file} as deal {@code dealId}'s shard, committed as {@code committed} (another file if it lies). */
  public void hold(long dealId, Path file, Path committed, int segmentSize, Address owner) throws IOException {
    byte[] data = Files.readAllBytes(committed);
    int segments = (int) ShardCommitment.segmentCount(data.length, segmentSize);
    byte[] leaves = new byte[segments * 32];
    MerkleHasher hasher = new MerkleHasher();
    for (int i = 0; i < segments; i++) {
      hasher.leaf(data, i * segmentSize, Math.min(segmentSize, data.length - i * segmentSize), leaves, i * 32);
    }
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves, segments);
    shards.put(dealId, new Held(file, new ShardCommitment(tree.root(), data.length, segmentSize), tree, owner));
  }

  @Override
  public RetrievalAdmission openRetrieval(long dealId, long firstChunk, Optional<Address> requester, long expiresAt,
      Signature ticket) {
    Held held = shards.get(dealId);
    if (held == null) {
      return new Refusal(ErrorCode.UNKNOWN_DEAL, "no deal " + dealId);
    }
    if (requester.isEmpty()) {
      return new Refusal(ErrorCode.TICKET_REFUSED, "identify first");
    }
    Optional<String> refused = new RetrievalTicket(dealId, requester.get(), expiresAt)
        .refusal(domain, ticket, held.owner, Instant.now().getEpochSecond());
    if (refused.isPresent()) {
      return new Refusal(ErrorCode.TICKET_REFUSED, refused.get());
    }
    return new Chunks(held.file, held.commitment, c -> RetrievalChunks.path(held.tree, c), firstChunk);
  }

  /** Where uploads look their deal up (null: this operator takes no uploads). */
  public volatile java.util.function.LongFunction<Optional<Deal>> deals;
  /** Refuses every upload (an operator that changed its mind). */
  public volatile boolean refuseUploads;
  /** The terms TERMS answers with, signed (null: TERMS fails). */
  public volatile OperatorTerms terms;
  private final Path store = createStore();

  private static Path createStore() {
    try {
      return Files.createTempDirectory("serving-operator");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public UploadAdmission beginUpload(long dealId, long size) {
    Optional<Deal> deal = deals == null ? Optional.empty() : deals.apply(dealId);
    if (deal.isEmpty() || !deal.get().operator().equals(key.address())) {
      return new Refusal(ErrorCode.UNKNOWN_DEAL, "no deal " + dealId + " for this operator");
    }
    if (refuseUploads) {
      return new Refusal(ErrorCode.NO_CAPACITY, "this operator refuses uploads");
    }
    Path file = store.resolve(Long.toString(dealId));
    ShardCommitment expected = deal.get().commitment();
    CommitmentBuilder builder = new CommitmentBuilder(expected.segmentSize());
    java.io.OutputStream out;
    try {
      out = Files.newOutputStream(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Ready(new UploadSink() {
      @Override
      public void write(java.nio.ByteBuffer data) throws IOException {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        builder.update(bytes);
        out.write(bytes);
      }

      @Override
      public UploadVerdict finish() throws IOException {
        out.close();
        ShardCommitment got = builder.finish();
        if (!got.root().equals(expected.root()) || got.size() != expected.size()) {
          return new Refusal(ErrorCode.ROOT_MISMATCH, "not the deal's shard");
        }
        hold(dealId, file, file, expected.segmentSize(), deal.get().owner());
        return new Acceptance(got.root(), got.size(), domain.sign(deal.get().acceptance(), key));
      }

      @Override
      public void abort() {
        try {
          out.close();
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a test store
        }
      }
    });
  }

  /** Whether this operator holds deal {@code dealId}'s shard. */
  public boolean holds(long dealId) {
    return shards.containsKey(dealId);
  }

  @Override
  public ChallengeAnswer answerChallenge(long dealId, long epoch) {
    return new Refusal(ErrorCode.UNKNOWN_DEAL, "this test operator answers no challenges");
  }

  @Override
  public SignedTerms terms() {
    if (terms == null) {
      throw new UnsupportedOperationException("no terms");
    }
    return new SignedTerms(terms, domain.sign(terms, key));
  }

  @Override
  public void close() {
    server.close();
    work.shutdownNow();
  }
}
