package org.shardledger.wire.client;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.wire.internal.PacedDrain;
import org.shardledger.wire.message.DataFrame;
import org.shardledger.wire.message.MessageType;
import org.shardledger.wire.message.WireMessage;

/**
 * RETRIEVE with the owner's ticket; RETRIEVE_OK must announce the shard the client expects; then each chunk's path
 * and bytes. The bytes are checked chunk by chunk off the event loop ({@link ChunkVerifier}), and the client stops
 * reading while it is behind. A chunk that does not verify ends the retrieval with a {@link RetrieveResult.Mismatch}
 * at once. A failure to write the target completes the result exceptionally.
 */
final class RetrieveExchange extends Exchange<RetrieveResult> {
  private final long dealId;
  private final ShardCommitment shard;
  private final long firstChunk;
  private final long expiresAt;
  private final Signature ticket;
  private final WritableByteChannel target;
  private final boolean closeTarget;
  private final Executor writer;
  private final int buffer;
  private final ChunkVerifier verifier;
  private final long chunkCount;
  private PacedDrain drain;
  private long nextChunk;
  private long chunkRemaining;
  private long announced;
  private boolean ending;

  RetrieveExchange(Duration timeout, long dealId, ShardCommitment shard, long firstChunk, long expiresAt,
      Signature ticket, WritableByteChannel target, boolean closeTarget, Executor writer, int buffer,
      int maxChunkBytes) {
    super(timeout);
    this.dealId = dealId;
    this.shard = shard;
    this.firstChunk = firstChunk;
    this.expiresAt = expiresAt;
    this.ticket = ticket;
    this.target = target;
    this.closeTarget = closeTarget;
    this.writer = writer;
    this.buffer = buffer;
    this.verifier = new ChunkVerifier(shard, target, maxChunkBytes);
    this.chunkCount = RetrievalChunks.chunkCount(shard);
    this.nextChunk = firstChunk;
  }

  @Override
  void send() {
    connection.channel().writeAndFlush(new WireMessage.Retrieve(requestId, dealId, firstChunk, expiresAt, ticket));
  }

  @Override
  void onMessage(WireMessage message) {
    if (ending) {
      return;
    }
    switch (message) {
      case WireMessage.RetrieveOk ok when drain == null -> opened(ok);
      case WireMessage.RetrieveChunk c when drain != null && chunkRemaining == 0 && nextChunk < chunkCount -> {
        if (c.index() != nextChunk) {
          mismatch(nextChunk, "chunk " + c.index() + " sent where chunk " + nextChunk + " was due");
          return;
        }
        long index = nextChunk++;
        chunkRemaining = RetrievalChunks.length(shard, index);
        drain.then(() -> {
          verifier.begin(index, c.path());
          return null;
        });
      }
      case DataFrame d when drain != null && chunkRemaining > 0 && d.type() == MessageType.RETRIEVE_DATA -> {
        int n = d.content().readableBytes();
        if (n > chunkRemaining) {
          mismatch(nextChunk - 1, "chunk " + (nextChunk - 1) + " has more bytes than its length");
          return;
        }
        chunkRemaining -= n;
        announced += n;
        drain.submit(d.content().retain(), verifier::accept);
        completeIfAllIn();
      }
      case WireMessage.Error e -> fail(new Failure.Rejected(e.code(), e.message()));
      default -> garbled("unexpected answer to a retrieval: " + message.type());
    }
  }

  private void opened(WireMessage.RetrieveOk ok) {
    if (ok.size() != shard.size() || ok.segmentSize() != shard.segmentSize() || ok.firstChunk() != firstChunk) {
      mismatch(firstChunk, "the operator announced a shard of " + ok.size() + " bytes in segments of "
          + ok.segmentSize() + " from chunk " + ok.firstChunk() + "; the deal's is " + shard.size() + " in "
          + shard.segmentSize() + " from chunk " + firstChunk);
      return;
    }
    drain = new PacedDrain(connection.channel(), writer, buffer, this::drainFailed);
    completeIfAllIn();
  }

  private void drainFailed(Throwable e) {
    if (e instanceof ChunkVerifier.Mismatch m) {
      succeed(new RetrieveResult.Mismatch(m.chunk, verifier.verifiedBytes(), m.getMessage()), false);
    } else {
      failWith(e);
    }
  }

  /** Ends with a Mismatch once the chunks before it are written (or dropped, if the writer found it first). */
  private void mismatch(long chunk, String reason) {
    if (drain == null) {
      succeed(new RetrieveResult.Mismatch(chunk, 0, reason), false);
      return;
    }
    ending = true;
    connection.channel().config().setAutoRead(false);
    drain.then(verifier::verifiedBytes).whenComplete((verified, e) -> connection.channel().eventLoop().execute(
        () -> succeed(new RetrieveResult.Mismatch(chunk, e == null ? verified : verifier.verifiedBytes(), reason),
            false)));
  }

  private void completeIfAllIn() {
    if (chunkRemaining > 0 || nextChunk < chunkCount) {
      return;
    }
    long total = announced;
    drain.then(() -> {
      if (closeTarget) {
        target.close();
      }
      return null;
    }).whenComplete((r, e) -> connection.channel().eventLoop().execute(() -> {
      if (e instanceof ChunkVerifier.Mismatch m) {
        succeed(new RetrieveResult.Mismatch(m.chunk, verifier.verifiedBytes(), m.getMessage()), false);
      } else if (e != null) {
        failWith(e);
      } else {
        succeed(new RetrieveResult.Retrieved(total), true);
      }
    }));
  }

  @Override
  void cleanUp() {
    if (closeTarget) {
      writer.execute(() -> {
        try {
          target.close();
        } catch (IOException ignored) {
          // closed already, or the retrieval failed: nothing more to report
        }
      });
    }
  }
}
