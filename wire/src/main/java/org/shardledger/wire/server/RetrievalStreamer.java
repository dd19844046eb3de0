package org.shardledger.wire.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import java.io.IOException;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.MessageType;
import org.shardledger.wire.message.WireCodec;
import org.shardledger.wire.message.WireFormat;
import org.shardledger.wire.message.WireMessage;
import org.shardledger.wire.server.OperatorBackend.Chunks;

/**
 * Sends RETRIEVE_OK, then for each chunk from the first asked for to the shard's end a RETRIEVE_CHUNK with its path
 * and the chunk's bytes as RETRIEVE_DATA frames, each a 9-byte header and a {@link DefaultFileRegion} (sendfile:
 * the bytes go from the page cache to the socket without entering the JVM). At most a few frames are queued at once,
 * so a huge shard never piles up in the outbound buffer. Runs on the event loop.
 */
final class RetrievalStreamer implements ChannelFutureListener {
  private static final int MAX_IN_FLIGHT = 4;

  private final ChannelHandlerContext ctx;
  private final int requestId;
  private final Chunks chunks;
  private final ShardCommitment shard;
  private final long chunkCount;
  private final int frame;
  private final Runnable onDone;
  private long nextChunk;
  private long position;
  private long chunkRemaining;
  private int inFlight;
  private boolean done;

  RetrievalStreamer(ChannelHandlerContext ctx, int requestId, Chunks chunks, int frame, Runnable onDone) {
    this.ctx = ctx;
    this.requestId = requestId;
    this.chunks = chunks;
    this.shard = chunks.commitment();
    this.chunkCount = RetrievalChunks.chunkCount(shard);
    this.frame = frame;
    this.onDone = onDone;
    this.nextChunk = chunks.firstChunk();
  }

  void start() {
    ctx.write(new WireMessage.RetrieveOk(requestId, shard.size(), shard.segmentSize(), chunks.firstChunk()));
    pump();
  }

  private void pump() {
    while (!done && inFlight < MAX_IN_FLIGHT && (chunkRemaining > 0 || nextChunk < chunkCount)) {
      if (chunkRemaining == 0 && !openChunk()) {
        return;
      }
      int n = (int) Math.min(frame, chunkRemaining);
      ByteBuf header = ctx.alloc().buffer(WireFormat.HEADER_LENGTH);
      WireCodec.writeHeader(header, MessageType.RETRIEVE_DATA, requestId, n);
      ctx.write(header);
      ctx.write(new DefaultFileRegion(chunks.file().toFile(), position, n)).addListener(this);
      inFlight++;
      position += n;
      chunkRemaining -= n;
    }
    ctx.flush();
    if (!done && chunkRemaining == 0 && nextChunk >= chunkCount && inFlight == 0) {
      finish();
    }
  }

  /** Writes the next chunk's RETRIEVE_CHUNK; false (and the connection closed) when its path cannot be read. */
  private boolean openChunk() {
    List<Bytes32> path;
    try {
      path = chunks.paths().path(nextChunk);
    } catch (IOException | RuntimeException e) {
      finish();
      Replies.errorAndClose(ctx, requestId, ErrorCode.INTERNAL, "could not read the path of chunk " + nextChunk
          + ": " + e.getMessage());
      return false;
    }
    ctx.write(new WireMessage.RetrieveChunk(requestId, nextChunk, path));
    position = RetrievalChunks.offset(shard, nextChunk);
    chunkRemaining = RetrievalChunks.length(shard, nextChunk);
    nextChunk++;
    return true;
  }

  private void finish() {
    done = true;
    onDone.run();
  }

  @Override
  public void operationComplete(ChannelFuture future) {
    inFlight--;
    if (!future.isSuccess()) {
      if (!done) {
        finish();
      }
      ctx.close();
      return;
    }
    pump();
  }
}
