package org.shardledger.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.testkit.PropertySeeds;

class WireCodecTest {
  private static final Signature SIG = KeyPair.fromPrivateKey(BigInteger.TWO).sign(Bytes32.ZERO);

  /** Seeded cases (docs/decisions/0001); count from shardledger.property.tries. */
  static Stream<Long> seeds() {
    return PropertySeeds.seeds(0x3ead_0000L, PropertySeeds.tries());
  }

  static WireMessage randomMessage(Random r) {
    int id = r.nextInt();
    long a = r.nextLong() >>> 1;
    long b = r.nextLong() >>> 1;
    byte[] word = new byte[32];
    r.nextBytes(word);
    byte[] addr = new byte[20];
    r.nextBytes(addr);
    byte[] data = new byte[1 + r.nextInt(600)];
    r.nextBytes(data);
    return switch (r.nextInt(16)) {
      case 0 -> new WireMessage.Hello(id, r.nextInt(0x10000), r.nextInt(0x10000), a, Bytes32.of(word));
      case 1 -> new WireMessage.HelloOk(id, r.nextInt(0x10000), a, Address.of(addr), Bytes32.of(word), SIG);
      case 2 -> new WireMessage.UploadStart(id, a, b);
      case 3 -> new WireMessage.UploadReady(id);
      case 4 -> new WireMessage.UploadEnd(id);
      case 5 -> new WireMessage.UploadAccepted(id, a, Bytes32.of(word), b, SIG);
      case 6 -> new WireMessage.Retrieve(id, a, b, r.nextLong() >>> 1, SIG);
      case 7 -> new WireMessage.RetrieveOk(id, a, r.nextInt() >>> 1, b);
      case 8 -> new WireMessage.ChallengeRequest(id, a, b);
      case 9 -> new WireMessage.ProofAnswer(id, a, b, SIG, Bytes.of(data));
      case 10 -> new WireMessage.NoDataAnswer(id, a, b, SIG);
      case 11 -> new WireMessage.Error(id, ErrorCode.values()[r.nextInt(ErrorCode.values().length - 1)],
          "why " + r.nextInt());
      case 12 -> new WireMessage.Identify(id, Address.of(addr), SIG);
      case 13 -> new WireMessage.IdentifyOk(id, Address.of(addr));
      case 14 -> {
        List<Bytes32> path = new ArrayList<>();
        for (int i = r.nextInt(WireMessage.RetrieveChunk.MAX_PATH + 1); i > 0; i--) {
          path.add(Bytes32.of(word));
        }
        yield new WireMessage.RetrieveChunk(id, a, path);
      }
      default -> new DataFrame(r.nextBoolean() ? MessageType.UPLOAD_CHUNK : MessageType.RETRIEVE_DATA, id,
          Unpooled.wrappedBuffer(data));
    };
  }

  static ByteBuf encode(WireMessage message) {
    List<Object> out = new ArrayList<>();
    WireCodec.encode(message, ByteBufAllocator.DEFAULT, out);
    ByteBuf all = Unpooled.buffer();
    for (Object o : out) {
      all.writeBytes((ByteBuf) o);
      ((ByteBuf) o).release();
    }
    return all;
  }

  private static WireMessage decodeWithLength(ByteBuf frame) throws WireProtocolException {
    int length = frame.readInt();
    assertThat(length).isEqualTo(frame.readableBytes());
    return WireCodec.decode(frame);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyMessageSurvivesEncodeAndDecode(long seed) throws Exception {
    WireMessage message = randomMessage(new Random(seed));
    byte[] data = message instanceof DataFrame d ? ByteBufUtil.getBytes(d.content()) : null;
    ByteBuf frame = encode(message);
    WireMessage decoded = decodeWithLength(frame);
    if (message instanceof DataFrame sent) {
      assertThat(decoded).isInstanceOf(DataFrame.class);
      DataFrame got = (DataFrame) decoded;
      assertThat(got.type()).isEqualTo(sent.type());
      assertThat(got.requestId()).isEqualTo(sent.requestId());
      assertThat(ByteBufUtil.getBytes(got.content())).isEqualTo(data);
      got.release();
      sent.release();
    } else {
      assertThat(decoded).isEqualTo(message);
    }
    frame.release();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyTruncationOrExtensionIsMalformed(long seed) throws Exception {
    Random random = new Random(seed);
    WireMessage message = randomMessage(random);
    if (message instanceof DataFrame d) {
      d.release();
      return;
    }
    if (message.type() == MessageType.RETRIEVE_CHUNK) {
      return; // its path ends the frame: see aChunkPathMustBeWholeNodesAndAtMost64
    }
    ByteBuf frame = encode(message);
    frame.skipBytes(4);
    int payload = frame.readableBytes() - 5;
    if (message.type() != MessageType.PROOF && message.type() != MessageType.ERROR && payload > 0) {
      ByteBuf shorter = frame.slice(frame.readerIndex(), 5 + random.nextInt(payload));
      assertThatThrownBy(() -> WireCodec.decode(shorter)).isInstanceOf(WireProtocolException.class)
          .extracting(e -> ((WireProtocolException) e).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    }
    if (message.type() != MessageType.PROOF) {
      ByteBuf longer = Unpooled.wrappedBuffer(frame.copy(), Unpooled.wrappedBuffer(new byte[1 + random.nextInt(4)]));
      if (message.type() == MessageType.ERROR) {
        longer.release();
      } else {
        assertThatThrownBy(() -> WireCodec.decode(longer)).isInstanceOf(WireProtocolException.class)
            .hasMessageContaining("oversized");
      }
    }
    frame.release();
  }

  @Test
  void unknownTypeIsNamed() {
    ByteBuf frame = Unpooled.buffer().writeByte(0x55).writeInt(7);
    assertThatThrownBy(() -> WireCodec.decode(frame)).isInstanceOf(WireProtocolException.class)
        .hasMessageContaining("0x55").extracting(e -> ((WireProtocolException) e).code())
        .isEqualTo(ErrorCode.UNKNOWN_MESSAGE);
  }

  @Test
  void helloWithAnotherMagicIsRejected() {
    ByteBuf frame = Unpooled.buffer().writeByte(MessageType.HELLO.code()).writeInt(1).writeInt(0x48545450)
        .writeShort(1).writeShort(1).writeLong(1).writeBytes(new byte[32]);
    assertThatThrownBy(() -> WireCodec.decode(frame)).hasMessageContaining("magic");
  }

  @Test
  void emptyDataFrameIsMalformed() {
    ByteBuf frame = Unpooled.buffer().writeByte(MessageType.UPLOAD_CHUNK.code()).writeInt(1);
    assertThatThrownBy(() -> WireCodec.decode(frame)).hasMessageContaining("carries no data");
  }

  @Test
  void u64AboveLongRangeIsMalformed() {
    ByteBuf frame = Unpooled.buffer().writeByte(MessageType.CHALLENGE.code()).writeInt(1).writeLong(-1).writeLong(1);
    assertThatThrownBy(() -> WireCodec.decode(frame)).hasMessageContaining("2^63");
  }

  @Test
  void aChunkPathMustBeWholeNodesAndAtMost64() throws Exception {
    ByteBuf ragged = Unpooled.buffer().writeByte(MessageType.RETRIEVE_CHUNK.code()).writeInt(1).writeLong(3)
        .writeBytes(new byte[33]);
    assertThatThrownBy(() -> WireCodec.decode(ragged)).isInstanceOf(WireProtocolException.class)
        .hasMessageContaining("not at most 64 nodes of 32 bytes");
    ByteBuf tooLong = Unpooled.buffer().writeByte(MessageType.RETRIEVE_CHUNK.code()).writeInt(1).writeLong(3)
        .writeBytes(new byte[65 * 32]);
    assertThatThrownBy(() -> WireCodec.decode(tooLong)).isInstanceOf(WireProtocolException.class)
        .hasMessageContaining("not at most 64 nodes");
    ByteBuf longest = Unpooled.buffer().writeByte(MessageType.RETRIEVE_CHUNK.code()).writeInt(1).writeLong(3)
        .writeBytes(new byte[64 * 32]);
    assertThat(((WireMessage.RetrieveChunk) WireCodec.decode(longest)).path()).hasSize(64);
    assertThatThrownBy(() -> new WireMessage.RetrieveChunk(1, 0, java.util.Collections.nCopies(65, Bytes32.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longErrorMessagesAreCutOnTheWire() throws Exception {
    String huge = "x".repeat(5000);
    ByteBuf frame = encode(new WireMessage.Error(3, ErrorCode.INTERNAL, huge));
    WireMessage.Error decoded = (WireMessage.Error) decodeWithLength(frame);
    assertThat(decoded.message()).hasSize(WireMessage.Error.MAX_MESSAGE_BYTES);
  }
}
