package org.shardledger.wire.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.terms.OperatorTerms;

/**
 * Message ⇄ frame bytes (docs/wire.md §3). All integers are big-endian. Decoding takes one whole frame without its
 * length field and checks every field against what is left; anything left over is an error.
 */
public final class WireCodec {
  private WireCodec() {}

  /** Appends the frame(s) of {@code message} to {@code out}: one buffer, or a header plus the retained data. */
  public static void encode(WireMessage message, ByteBufAllocator alloc, List<Object> out) {
    if (message instanceof DataFrame data) {
      ByteBuf header = alloc.buffer(WireFormat.HEADER_LENGTH);
      writeHeader(header, message, data.content().readableBytes());
      out.add(header);
      out.add(data.content().retain());
      return;
    }
    ByteBuf payload = alloc.buffer();
    try {
      writePayload(message, payload);
      ByteBuf frame = alloc.buffer(WireFormat.HEADER_LENGTH + payload.readableBytes());
      writeHeader(frame, message, payload.readableBytes());
      frame.writeBytes(payload);
      out.add(frame);
    } finally {
      payload.release();
    }
  }

  /** Writes the 9-byte header of a frame whose payload has {@code payloadLength} bytes. */
  public static void writeHeader(ByteBuf out, WireMessage message, int payloadLength) {
    writeHeader(out, message.type(), message.requestId(), payloadLength);
  }

  public static void writeHeader(ByteBuf out, MessageType type, int requestId, int payloadLength) {
    if (payloadLength > WireFormat.MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload of " + payloadLength + " bytes exceeds the frame limit");
    }
    out.writeInt(WireFormat.MIN_LENGTH_FIELD + payloadLength).writeByte(type.code()).writeInt(requestId);
  }

  private static void writePayload(WireMessage message, ByteBuf out) {
    switch (message) {
      case WireMessage.Hello m -> out.writeInt(WireFormat.MAGIC).writeShort(m.minVersion())
          .writeShort(m.maxVersion()).writeLong(m.chainId()).writeBytes(m.clientNonce().toArray());
      case WireMessage.HelloOk m -> out.writeShort(m.version()).writeLong(m.chainId())
          .writeBytes(m.operator().toArray()).writeBytes(m.serverNonce().toArray())
          .writeBytes(m.signature().toArray());
      case WireMessage.Identify m -> out.writeBytes(m.requester().toArray()).writeBytes(m.signature().toArray());
      case WireMessage.IdentifyOk m -> out.writeBytes(m.requester().toArray());
      case WireMessage.UploadStart m -> out.writeLong(m.dealId()).writeLong(m.size());
      case WireMessage.UploadReady m -> { }
      case WireMessage.UploadEnd m -> { }
      case WireMessage.UploadAccepted m -> out.writeLong(m.dealId()).writeBytes(m.root().toArray())
          .writeLong(m.size()).writeBytes(m.signature().toArray());
      case WireMessage.Retrieve m -> out.writeLong(m.dealId()).writeLong(m.firstChunk()).writeLong(m.expiresAt())
          .writeBytes(m.ticket().toArray());
      case WireMessage.RetrieveOk m -> out.writeLong(m.size()).writeInt(m.segmentSize()).writeLong(m.firstChunk());
      case WireMessage.RetrieveChunk m -> {
        out.writeLong(m.index());
        m.path().forEach(node -> out.writeBytes(node.toArray()));
      }
      case WireMessage.ChallengeRequest m -> out.writeLong(m.dealId()).writeLong(m.epoch());
      case WireMessage.ProofAnswer m -> out.writeLong(m.dealId()).writeLong(m.epoch())
          .writeBytes(m.signature().toArray()).writeBytes(m.proof().toArray());
      case WireMessage.NoDataAnswer m -> out.writeLong(m.dealId()).writeLong(m.epoch())
          .writeBytes(m.signature().toArray());
      case WireMessage.TermsRequest m -> { }
      case WireMessage.TermsAnswer m -> {
        OperatorTerms t = m.terms();
        out.writeBytes(t.operator().toArray()).writeBytes(new AbiWords().uint(t.minPricePerGiBEpoch()).toArray())
            .writeLong(t.maxDurationEpochs()).writeLong(t.maxShardBytes()).writeLong(t.maxStartDelayEpochs())
            .writeInt(t.maxOpenProposalsPerOwner()).writeLong(t.maxUnactivatedBytes()).writeLong(t.freeBytes())
            .writeLong(t.issuedEpoch()).writeBytes(m.signature().toArray());
      }
      case WireMessage.Error m -> {
        byte[] text = m.message().getBytes(StandardCharsets.UTF_8);
        out.writeShort(m.code().code()).writeBytes(text, 0, Math.min(text.length, WireMessage.Error.MAX_MESSAGE_BYTES));
      }
      case DataFrame m -> throw new IllegalStateException("data frames are encoded without a copy");
    }
  }

  /**
   * Decodes one frame (type, request id, payload; the length field already stripped). The frame is not released;
   * a {@link DataFrame} holds a retained slice of it.
   */
  public static WireMessage decode(ByteBuf frame) throws WireProtocolException {
    if (frame.readableBytes() < WireFormat.MIN_LENGTH_FIELD) {
      throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, "frame of " + frame.readableBytes()
          + " bytes is shorter than type and request id");
    }
    int code = frame.readUnsignedByte();
    int requestId = frame.readInt();
    MessageType type = MessageType.ofCode(code);
    if (type == null) {
      throw new WireProtocolException(ErrorCode.UNKNOWN_MESSAGE, String.format("unknown message type 0x%02x", code));
    }
    PayloadReader in = new PayloadReader(frame, type);
    try {
      WireMessage message = switch (type) {
        case HELLO -> {
          int magic = in.int32();
          if (magic != WireFormat.MAGIC) {
            throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, String.format("bad magic 0x%08x", magic));
          }
          yield new WireMessage.Hello(requestId, in.u16(), in.u16(), in.int64(), in.bytes32());
        }
        case HELLO_OK -> new WireMessage.HelloOk(requestId, in.u16(), in.int64(), in.address(), in.bytes32(),
            in.signature());
        case IDENTIFY -> new WireMessage.Identify(requestId, in.address(), in.signature());
        case IDENTIFY_OK -> new WireMessage.IdentifyOk(requestId, in.address());
        case UPLOAD_START -> new WireMessage.UploadStart(requestId, in.int64(), in.int64());
        case UPLOAD_READY -> new WireMessage.UploadReady(requestId);
        case UPLOAD_END -> new WireMessage.UploadEnd(requestId);
        case UPLOAD_ACCEPTED -> new WireMessage.UploadAccepted(requestId, in.int64(), in.bytes32(), in.int64(),
            in.signature());
        case RETRIEVE -> new WireMessage.Retrieve(requestId, in.int64(), in.int64(), in.int64(), in.signature());
        case RETRIEVE_OK -> new WireMessage.RetrieveOk(requestId, in.int64(), in.int32(), in.int64());
        case RETRIEVE_CHUNK -> new WireMessage.RetrieveChunk(requestId, in.int64(), in.path());
        case CHALLENGE -> new WireMessage.ChallengeRequest(requestId, in.int64(), in.int64());
        case PROOF -> new WireMessage.ProofAnswer(requestId, in.int64(), in.int64(), in.signature(), in.rest());
        case NO_DATA -> new WireMessage.NoDataAnswer(requestId, in.int64(), in.int64(), in.signature());
        case ERROR -> new WireMessage.Error(requestId, ErrorCode.ofCode(in.u16()), in.utf8Rest());
        case TERMS -> new WireMessage.TermsRequest(requestId);
        case TERMS_OK -> new WireMessage.TermsAnswer(requestId, new OperatorTerms(in.address(),
            new BigInteger(1, in.bytes32().toArray()), in.int64(), in.int64(), in.int64(), in.int32(), in.int64(),
            in.int64(), in.int64()), in.signature());
        case UPLOAD_CHUNK, RETRIEVE_DATA -> {
          if (!frame.isReadable()) {
            throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, type + " carries no data");
          }
          yield new DataFrame(type, requestId, frame.readRetainedSlice(frame.readableBytes()));
        }
      };
      in.end();
      return message;
    } catch (IllegalArgumentException e) {
      throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, type + ": " + e.getMessage());
    }
  }

  /** Reads payload fields, failing with a message that says which field did not fit. */
  private record PayloadReader(ByteBuf in, MessageType type) {
    private void need(int bytes, String what) throws WireProtocolException {
      if (in.readableBytes() < bytes) {
        throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, "truncated " + type + ": " + what + " needs "
            + bytes + " bytes, " + in.readableBytes() + " are left");
      }
    }

    int int32() throws WireProtocolException {
      need(4, "u32");
      return in.readInt();
    }

    int u16() throws WireProtocolException {
      need(2, "u16");
      return in.readUnsignedShort();
    }

    long int64() throws WireProtocolException {
      need(8, "u64");
      long value = in.readLong();
      if (value < 0) {
        throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, type + ": u64 above 2^63 - 1");
      }
      return value;
    }

    Bytes32 bytes32() throws WireProtocolException {
      need(Bytes32.SIZE, "bytes32");
      byte[] b = new byte[Bytes32.SIZE];
      in.readBytes(b);
      return Bytes32.of(b);
    }

    Address address() throws WireProtocolException {
      need(Address.SIZE, "address");
      byte[] b = new byte[Address.SIZE];
      in.readBytes(b);
      return Address.of(b);
    }

    Signature signature() throws WireProtocolException {
      need(Signature.SIZE, "signature");
      byte[] b = new byte[Signature.SIZE];
      in.readBytes(b);
      return Signature.fromBytes(b);
    }

    /** The rest of the frame as 32-byte nodes, at most {@link WireMessage.RetrieveChunk#MAX_PATH}. */
    List<Bytes32> path() throws WireProtocolException {
      int bytes = in.readableBytes();
      if (bytes % Bytes32.SIZE != 0 || bytes / Bytes32.SIZE > WireMessage.RetrieveChunk.MAX_PATH) {
        throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, type + ": a path of " + bytes + " bytes is not "
            + "at most " + WireMessage.RetrieveChunk.MAX_PATH + " nodes of 32 bytes");
      }
      List<Bytes32> nodes = new java.util.ArrayList<>(bytes / Bytes32.SIZE);
      while (in.isReadable()) {
        nodes.add(bytes32());
      }
      return nodes;
    }

    Bytes rest() {
      byte[] b = new byte[in.readableBytes()];
      in.readBytes(b);
      return Bytes.of(b);
    }

    String utf8Rest() throws WireProtocolException {
      if (in.readableBytes() > WireMessage.Error.MAX_MESSAGE_BYTES) {
        throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, "error message longer than "
            + WireMessage.Error.MAX_MESSAGE_BYTES + " bytes");
      }
      return in.readCharSequence(in.readableBytes(), StandardCharsets.UTF_8).toString();
    }

    void end() throws WireProtocolException {
      if (in.isReadable()) {
        throw new WireProtocolException(ErrorCode.MALFORMED_FRAME, "oversized " + type + ": " + in.readableBytes()
            + " bytes follow the last field");
      }
    }
  }
}
