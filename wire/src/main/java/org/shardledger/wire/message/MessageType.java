package org.shardledger.wire.message;

/** The message types of wire protocol version 1 and their one-byte codes (see docs/wire.md). */
public enum MessageType {
  HELLO(0x01),
  HELLO_OK(0x02),
  IDENTIFY(0x03),
  IDENTIFY_OK(0x04),
  UPLOAD_START(0x10),
  UPLOAD_READY(0x11),
  UPLOAD_CHUNK(0x12),
  UPLOAD_END(0x13),
  UPLOAD_ACCEPTED(0x14),
  RETRIEVE(0x20),
  RETRIEVE_OK(0x21),
  RETRIEVE_DATA(0x22),
  RETRIEVE_CHUNK(0x23),
  CHALLENGE(0x30),
  PROOF(0x31),
  NO_DATA(0x32),
  TERMS(0x40),
  TERMS_OK(0x41),
  ERROR(0x7f);

  private static final MessageType[] BY_CODE = new MessageType[256];

  static {
    for (MessageType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type with this code, or null when there is none. */
  public static MessageType ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
