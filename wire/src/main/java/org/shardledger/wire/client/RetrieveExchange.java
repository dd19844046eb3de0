package org.shardledger.wire.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.shardledger.wire.internal.PacedDrain;
import org.shardledger.wire.message.DataFrame;
import org.shardledger.wire.message.MessageType;
import org.shardledger.wire.message.WireMessage;

/**
 * RETRIEVE; RETRIEVE_OK announces the length; the data frames are written to the target off the event loop, and the
 * client stops reading while the target is behind. A failure to write the target completes the result exceptionally.
 */
final class RetrieveExchange extends Exchange<RetrieveResult> {
  private final long dealId;
  private final long offset;
  private final long length;
  private final WritableByteChannel target;
  private final boolean closeTarget;
  private final Executor writer;
  private final int buffer;
  private PacedDrain drain;
  private long received;

  RetrieveExchange(Duration timeout, long dealId, long offset, long length, WritableByteChannel target,
      boolean closeTarget, Executor writer, int buffer) {
    super(timeout);
    this.dealId = dealId;
    this.offset = offset;
    this.length = length;
    this.target = target;
    this.closeTarget = closeTarget;
    this.writer = writer;
    this.buffer = buffer;
  }

  @Override
  void send() {
    connection.channel().writeAndFlush(new WireMessage.Retrieve(requestId, dealId, offset, length));
  }

  @Override
  void onMessage(WireMessage message) {
    switch (message) {
      case WireMessage.RetrieveOk ok when drain == null && ok.length() == length -> {
        drain = new PacedDrain(connection.channel(), writer, buffer, this::failWith);
        completeIfAllIn();
      }
      case DataFrame d when drain != null && d.type() == MessageType.RETRIEVE_DATA -> {
        received += d.content().readableBytes();
        if (received > length) {
          garbled("more data than announced");
          return;
        }
        drain.submit(d.content().retain(), this::write);
        completeIfAllIn();
      }
      case WireMessage.Error e -> fail(new Failure.Rejected(e.code(), e.message()));
      default -> garbled("unexpected answer to a retrieval: " + message.type());
    }
  }

  private void write(ByteBuffer data) throws IOException {
    while (data.hasRemaining()) {
      target.write(data);
    }
  }

  private void completeIfAllIn() {
    if (received < length) {
      return;
    }
    drain.then(() -> {
      if (closeTarget) {
        target.close();
      }
      return null;
    }).whenComplete((r, e) -> connection.channel().eventLoop().execute(() -> {
      if (e != null) {
        failWith(e);
      } else {
        succeed(new RetrieveResult.Retrieved(length), true);
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
