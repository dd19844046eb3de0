package org.shardledger.prover;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.wire.message.WireCodec;
import org.shardledger.wire.message.WireMessage;
import org.shardledger.wire.message.WireProtocolException;

/** A hand-driven TCP peer that can send anything, including garbage, and read frames back. */
final class RawPeer implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawPeer(InetSocketAddress address) throws IOException {
    socket = new Socket(address.getAddress(), address.getPort());
    socket.setSoTimeout(10_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  RawPeer handshake() throws IOException {
    send(new WireMessage.Hello(1, 1, 1, TestShards.DOMAIN.chainId(), Bytes32.ZERO));
    if (!(read() instanceof WireMessage.HelloOk)) {
      throw new IOException("no HELLO_OK");
    }
    return this;
  }

  void send(WireMessage message) throws IOException {
    List<Object> parts = new ArrayList<>();
    WireCodec.encode(message, ByteBufAllocator.DEFAULT, parts);
    for (Object p : parts) {
      ByteBuf b = (ByteBuf) p;
      byte[] bytes = new byte[b.readableBytes()];
      b.readBytes(bytes);
      b.release();
      out.write(bytes);
    }
    out.flush();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  WireMessage read() throws IOException {
    int length = in.readInt();
    byte[] frame = new byte[length];
    in.readFully(frame);
    try {
      return WireCodec.decode(Unpooled.wrappedBuffer(frame));
    } catch (WireProtocolException e) {
      throw new IOException(e);
    }
  }

  /** Whether the operator closed the connection (reads end). */
  boolean closedByPeer() throws IOException {
    try {
      return in.read() < 0;
    } catch (EOFException | java.net.SocketException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
