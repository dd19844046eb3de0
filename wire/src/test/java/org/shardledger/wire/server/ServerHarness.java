package org.shardledger.wire.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.wire.message.WireCodec;
import org.shardledger.wire.message.WireFormat;
import org.shardledger.wire.message.WireFrameDecoder;
import org.shardledger.wire.message.WireMessage;
import org.shardledger.wire.message.WireMessageEncoder;

/** The server pipeline on an EmbeddedChannel: feed it frames, read back the decoded answers. */
final class ServerHarness {
  static final long CHAIN = 31337;
  static final KeyPair OPERATOR = KeyPair.fromPrivateKey(BigInteger.valueOf(0x5eed));

  final FakeBackend backend;
  final ServerContext context;
  final EmbeddedChannel channel;
  private final EmbeddedChannel reader = new EmbeddedChannel(new WireFrameDecoder());

  ServerHarness(ServerSettings settings, Executor work) {
    this(new ServerContext(settings, CHAIN, OPERATOR, new FakeBackend(), work));
  }

  /** Another connection to the same server. */
  ServerHarness(ServerContext context) {
    this.context = context;
    this.backend = (FakeBackend) context.backend();
    ServerSettings settings = context.settings();
    channel = new EmbeddedChannel(new WireFrameDecoder(settings.maxFrameLength()), WireMessageEncoder.INSTANCE,
        new ServerHandshakeHandler(context), new ServerRequestHandler(context), ServerErrorHandler.INSTANCE);
  }

  ServerHarness() {
    this(ServerSettings.defaults(), Runnable::run);
  }

  static ByteBuf frame(WireMessage message) {
    List<Object> parts = new ArrayList<>();
    WireCodec.encode(message, Unpooled.buffer(0).alloc(), parts);
    ByteBuf all = Unpooled.buffer();
    for (Object p : parts) {
      all.writeBytes((ByteBuf) p);
      ((ByteBuf) p).release();
    }
    return all;
  }

  void send(WireMessage... messages) {
    for (WireMessage m : messages) {
      channel.writeInbound(frame(m));
    }
    channel.runPendingTasks();
  }

  void sendRaw(ByteBuf bytes) {
    channel.writeInbound(bytes);
    channel.runPendingTasks();
  }

  WireMessage.HelloOk handshake() {
    send(new WireMessage.Hello(1, 1, 1, CHAIN, Bytes32.ZERO));
    return (WireMessage.HelloOk) answers().getFirst();
  }

  /** Everything the server wrote since the last call, decoded. Data frames are released. */
  List<WireMessage> answers() {
    channel.runPendingTasks();
    Object out;
    while ((out = channel.readOutbound()) != null) {
      if (out instanceof ByteBuf b) {
        reader.writeInbound(b);
      } else {
        throw new AssertionError("unexpected outbound " + out);
      }
    }
    List<WireMessage> answers = new ArrayList<>();
    Object in;
    while ((in = reader.readInbound()) != null) {
      answers.add((WireMessage) in);
    }
    return answers;
  }

  static final int MAX = WireFormat.MAX_FRAME_LENGTH;
}
