package org.shardledger.wire.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A server's traffic, counted at the head of every connection's pipeline: connections open and accepted, bytes
 * read and written (shard bytes sent as file regions included). Read by metrics; counting is a few adds per read.
 */
@ChannelHandler.Sharable
public final class WireTraffic extends ChannelDuplexHandler {
  private final AtomicLong open = new AtomicLong();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder read = new LongAdder();
  private final LongAdder written = new LongAdder();

  public long openConnections() {
    return open.get();
  }

  public long acceptedConnections() {
    return accepted.sum();
  }

  public long bytesRead() {
    return read.sum();
  }

  public long bytesWritten() {
    return written.sum();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    open.incrementAndGet();
    accepted.increment();
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    open.decrementAndGet();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    read.add(size(msg));
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    written.add(size(msg));
    super.write(ctx, msg, promise);
  }

  private static long size(Object msg) {
    return switch (msg) {
      case ByteBuf b -> b.readableBytes();
      case ByteBufHolder h -> h.content().readableBytes();
      case FileRegion f -> f.count();
      default -> 0;
    };
  }
}
