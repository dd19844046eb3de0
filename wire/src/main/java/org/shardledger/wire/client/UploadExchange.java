package org.shardledger.wire.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.wire.message.DataFrame;
import org.shardledger.wire.message.MessageType;
import org.shardledger.wire.message.WireMessage;

/**
 * UPLOAD_START; after UPLOAD_READY a sender thread streams the shard in chunks, waiting whenever the socket is full
 * (never more than the channel's write buffer in memory); UPLOAD_END; the answer's DealAcceptance signature must
 * recover to the operator. A failure to read the local stream completes the result exceptionally.
 */
final class UploadExchange extends Exchange<UploadResult> {
  private final Eip712Domain domain;
  private final Deal deal;
  private final InputStream in;
  private final int chunk;
  private final Executor sender;

  UploadExchange(Duration timeout, Eip712Domain domain, Deal deal, InputStream in, int chunk, Executor sender) {
    super(timeout);
    this.domain = domain;
    this.deal = deal;
    this.in = in;
    this.chunk = chunk;
    this.sender = sender;
  }

  @Override
  void send() {
    connection.channel().writeAndFlush(new WireMessage.UploadStart(requestId, deal.id(), deal.commitment().size()));
  }

  @Override
  void onMessage(WireMessage message) {
    switch (message) {
      case WireMessage.UploadReady r -> sender.execute(this::pump);
      case WireMessage.UploadAccepted a -> accepted(a);
      case WireMessage.Error e -> fail(new Failure.Rejected(e.code(), e.message()));
      default -> garbled("unexpected answer to an upload: " + message.type());
    }
  }

  private void accepted(WireMessage.UploadAccepted a) {
    if (a.dealId() != deal.id() || !a.root().equals(deal.commitment().root()) || a.size() != deal.commitment().size()) {
      garbled("the acceptance names another shard: deal " + a.dealId() + ", root " + a.root());
    } else if (!domain.isSignedBy(deal.acceptance(), a.signature(), connection.operator())) {
      garbled("the DealAcceptance signature does not recover to " + connection.operator());
    } else {
      succeed(new UploadResult.Accepted(deal.id(), a.signature()), true);
    }
  }

  /** On the sender thread: reads the stream and writes chunk frames while the channel can take them. */
  private void pump() {
    Channel channel = connection.channel();
    long size = deal.commitment().size();
    long sent = 0;
    try {
      while (sent < size && !isDone()) {
        if (!connection.gate().awaitWritable()) {
          return;
        }
        int n = (int) Math.min(chunk, size - sent);
        ByteBuf buf = channel.alloc().buffer(n);
        int read = fill(buf, n);
        if (read == 0) {
          buf.release();
          break;
        }
        sent += read;
        channel.writeAndFlush(new DataFrame(MessageType.UPLOAD_CHUNK, requestId, buf));
        touch();
        if (read < n) {
          break;
        }
      }
      channel.writeAndFlush(new WireMessage.UploadEnd(requestId));
    } catch (IOException e) {
      channel.eventLoop().execute(() -> failWith(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.eventLoop().execute(() -> failWith(e));
    }
  }

  /** Reads up to {@code n} bytes into {@code buf}, fewer only at the end of the stream. */
  private int fill(ByteBuf buf, int n) throws IOException {
    try {
      while (buf.readableBytes() < n && buf.writeBytes(in, n - buf.readableBytes()) >= 0) {
        // the stream may return less than asked
      }
      return buf.readableBytes();
    } catch (IOException | RuntimeException e) {
      buf.release();
      throw e;
    }
  }
}
