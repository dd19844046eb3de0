package org.shardledger.wire.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;

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

  /** Retrieves bytes [offset, offset + length) of the deal's shard into a stream (not closed). */
  public CompletableFuture<RetrieveResult> retrieve(long dealId, long offset, long length, OutputStream out) {
    ClientSettings s = client.settings();
    return submit(() -> new RetrieveExchange(s.requestTimeout(), dealId, offset, length, Channels.newChannel(out),
        false, client.blocking(), s.receiveBuffer()));
  }

  /** Retrieves bytes [offset, offset + length) of the deal's shard into a file (created or truncated). */
  public CompletableFuture<RetrieveResult> retrieve(long dealId, long offset, long length, Path file) {
    FileChannel target;
    try {
      target = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    ClientSettings s = client.settings();
    return submit(() -> new RetrieveExchange(s.requestTimeout(), dealId, offset, length, target, true,
        client.blocking(), s.receiveBuffer()));
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

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // reading is over either way
    }
  }
}
