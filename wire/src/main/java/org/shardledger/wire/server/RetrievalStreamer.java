package org.shardledger.wire.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import org.shardledger.wire.message.MessageType;
import org.shardledger.wire.message.WireCodec;
import org.shardledger.wire.message.WireFormat;
import org.shardledger.wire.message.WireMessage;
import org.shardledger.wire.server.OperatorBackend.Range;

/**
 * Sends RETRIEVE_OK and then the range as RETRIEVE_DATA frames, each a 9-byte header and a {@link DefaultFileRegion}
 * (sendfile: the bytes go from the page cache to the socket without entering the JVM). At most a few frames are
 * queued at once, so a huge range never piles up in the outbound buffer. Runs on the event loop.
 */
final class RetrievalStreamer implements ChannelFutureListener {
  private static final int MAX_IN_FLIGHT = 4;

  private final ChannelHandlerContext ctx;
  private final int requestId;
  private final Range range;
  private final int chunk;
  private final Runnable onDone;
  private long position;
  private long remaining;
  private int inFlight;
  private boolean done;

  RetrievalStreamer(ChannelHandlerContext ctx, int requestId, Range range, int chunk, Runnable onDone) {
    this.ctx = ctx;
    this.requestId = requestId;
    this.range = range;
    this.chunk = chunk;
    this.onDone = onDone;
    this.position = range.offset();
    this.remaining = range.length();
  }

  void start() {
    ctx.write(new WireMessage.RetrieveOk(requestId, range.length()));
    pump();
  }

  private void pump() {
    while (inFlight < MAX_IN_FLIGHT && remaining > 0) {
      int n = (int) Math.min(chunk, remaining);
      ByteBuf header = ctx.alloc().buffer(WireFormat.HEADER_LENGTH);
      WireCodec.writeHeader(header, MessageType.RETRIEVE_DATA, requestId, n);
      ctx.write(header);
      ctx.write(new DefaultFileRegion(range.file().toFile(), position, n)).addListener(this);
      inFlight++;
      position += n;
      remaining -= n;
    }
    ctx.flush();
    if (remaining == 0 && inFlight == 0 && !done) {
      done = true;
      onDone.run();
    }
  }

  @Override
  public void operationComplete(ChannelFuture future) {
    inFlight--;
    if (!future.isSuccess()) {
      remaining = 0;
      done = true;
      ctx.close();
      return;
    }
    pump();
  }
}
