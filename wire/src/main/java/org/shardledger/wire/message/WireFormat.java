package org.shardledger.wire.message;

/** The fixed numbers of wire protocol version 1 (docs/wire.md §1). */
public final class WireFormat {
  /** The protocol version this build speaks. */
  public static final int VERSION = 1;
  /** "SLWR": first field of HELLO, so that a stray client of another protocol is told apart at once. */
  public static final int MAGIC = 0x534c5752;
  /** u32 length, then u8 type and u32 request id: what precedes every payload. */
  public static final int HEADER_LENGTH = 4 + 1 + 4;
  /** The length field counts type, request id and payload: never less than 5. */
  public static final int MIN_LENGTH_FIELD = 5;
  /** The largest length field a peer must accept (16 MiB): bounds what a frame can make the other side buffer. */
  public static final int MAX_FRAME_LENGTH = 16 << 20;
  /** Largest payload of a frame. */
  public static final int MAX_PAYLOAD = MAX_FRAME_LENGTH - MIN_LENGTH_FIELD;
  /** Size of data frames the client and the operator send by default. */
  public static final int DEFAULT_CHUNK = 256 << 10;

  private WireFormat() {}
}
