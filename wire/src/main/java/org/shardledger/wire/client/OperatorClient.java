package org.shardledger.wire.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.function.Supplier;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * Requests to one operator, over pooled connections that each passed the handshake (the peer proved it holds the
 * operator's key). Every method returns at once; the future completes with a result value — a failure is a
 * {@link Failure}, never an exception, except for local I/O (reading the upload source, writing the retrieval
 * target).
 */
public final class OperatorClient implements AutoCloseable {
  private final WireClient client;
  private final InetSocketAddress address;
  private final Address operator;
  private final Deque<ClientConnection> idle = new ArrayDeque<>();
  private boolean closed;

  OperatorClient(WireClient client, InetSocketAddress address, Address operator) {
    this.client = client;
    this.address = address;
    this.operator = operator;
  }

  public Address operator() {
    return operator;
  }

  public InetSocketAddress address() {
    return address;
  }

  /** Asks for the proof of {@code dealId} for {@code epoch}; the operator derives the challenge itself. */
  public CompletableFuture<ChallengeResult> challenge(long dealId, long epoch) {
    return challenge(dealId, epoch, client.settings().requestTimeout());
  }

  public CompletableFuture<ChallengeResult> challenge(long dealId, long epoch, Duration timeout) {
    return submit(() -> new ChallengeExchange(timeout, client.settings().domain(), dealId, epoch));
  }

  /**
   * Asks for the operator's terms: its acceptance policy and free space, signed with its key as EIP-712
   * {@code OperatorTerms}. A {@link TermsResult.Terms} is checked to name and recover to this operator; whether a
   * deal fits is {@code terms.check(deal, epoch)}.
   */
  public CompletableFuture<TermsResult> terms() {
    return submit(() -> new TermsExchange(client.settings().requestTimeout(), client.settings().domain()));
  }

  /** Uploads the shard of {@code deal} from a file of exactly the deal's size. */
  public CompletableFuture<UploadResult> upload(Deal deal, Path file) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return upload(deal, in).whenComplete((r, e) -> closeQuietly(in));
  }

  /** Uploads the shard of {@code deal} from a stream (not closed), reading exactly the deal's size. */
  public CompletableFuture<UploadResult> upload(Deal deal, InputStream in) {
    ClientSettings s = client.settings();
    return submit(() -> new UploadExchange(s.requestTimeout(), s.domain(), deal, in, s.chunkSize(),
        client.blocking()));
  }

  /**
   * Retrieves the shard of {@code dealId}, which must be {@code shard}, from chunk {@code firstChunk} to its end into
   * {@code target} (a stream, not closed), checking every chunk against the root before it is written. The ticket
   * must be the deal owner's for this client's requester ({@link WireClient#requester()}), signed.
   */
  public CompletableFuture<RetrieveResult> retrieve(long dealId, ShardCommitment shard, long firstChunk,
      RetrievalTicket ticket, Signature ticketSignature, OutputStream target) {
    return retrieve(dealId, shard, firstChunk, ticket, ticketSignature, Channels.newChannel(target), false);
  }

  /**
   * As above, into a file (created if missing) at the first chunk's offset: the file is cut there first and keeps
   * what it held before it, so a retrieval that ended early resumes from {@code file}'s whole chunks with any
   * holder of the shard. On any result the file holds only verified bytes.
   */
  public CompletableFuture<RetrieveResult> retrieve(long dealId, ShardCommitment shard, long firstChunk,
      RetrievalTicket ticket, Signature ticketSignature, Path file) {
    FileChannel target;
    try {
      long offset = RetrievalChunks.chunkCount(shard) == 0 ? 0 : RetrievalChunks.offset(shard, firstChunk);
      target = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        target.truncate(offset).position(offset);
      } catch (IOException e) {
        target.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return retrieve(dealId, shard, firstChunk, ticket, ticketSignature, target, true);
  }

  private CompletableFuture<RetrieveResult> retrieve(long dealId, ShardCommitment shard, long firstChunk,
      RetrievalTicket ticket, Signature ticketSignature, WritableByteChannel target, boolean closeTarget) {
    Optional<Address> requester = client.requester().map(KeyPair::address);
    if (ticket.dealId() != dealId || requester.isEmpty() || !requester.get().equals(ticket.requester())) {
      closeQuietly(closeTarget ? target : null);
      return CompletableFuture.failedFuture(new IllegalArgumentException("the ticket is for deal " + ticket.dealId()
          + " and requester " + ticket.requester() + "; this retrieval is of deal " + dealId + " by "
          + requester.map(Address::toString).orElse("a client without a requester key")));
    }
    ClientSettings s = client.settings();
    return submit(() -> new RetrieveExchange(s.requestTimeout(), dealId, shard, firstChunk, ticket.expiresAt(),
        ticketSignature, target, closeTarget, client.blocking(), s.receiveBuffer(), ClientSettings.MAX_CHUNK_BYTES));
  }

  @SuppressWarnings("unchecked")
  private <R> CompletableFuture<R> submit(Supplier<Exchange<R>> exchange) {
    return acquire().thenCompose(c -> c instanceof ClientConnection connection
        ? connection.run(exchange.get())
        : CompletableFuture.completedFuture((R) c));
  }

  /** An idle connection, or a new one: completes with a {@link ClientConnection} or a {@link Failure}. */
  private CompletableFuture<Object> acquire() {
    synchronized (idle) {
      if (closed) {
        return CompletableFuture.completedFuture(new Failure.Unreachable("the client is closed"));
      }
      ClientConnection c;
      while ((c = idle.pollFirst()) != null) {
        if (c.isActive()) {
          return CompletableFuture.completedFuture(c);
        }
      }
    }
    return client.connect(this);
  }

  /** Connections waiting for reuse. */
  int idleConnections() {
    synchronized (idle) {
      return idle.size();
    }
  }

  void giveBack(ClientConnection connection) {
    synchronized (idle) {
      if (!closed && idle.size() < client.settings().idleConnectionsPerOperator()) {
        idle.addFirst(connection);
        return;
      }
    }
    connection.close();
  }

  /** Closes the idle connections; requests in progress finish on theirs. */
  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      idle.forEach(ClientConnection::close);
      idle.clear();
    }
  }

  private static void closeQuietly(java.io.Closeable in) {
    if (in == null) {
      return;
    }
    try {
      in.close();
    } catch (IOException ignored) {
      // reading is over either way
    }
  }
}
