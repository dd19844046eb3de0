package org.shardledger.wire.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * UPLOAD_CHUNK or RETRIEVE_DATA: a slice of a shard. Reference counted; whoever receives it releases it. Never
 * empty.
 */
public final class DataFrame extends DefaultByteBufHolder implements WireMessage {
  private final MessageType type;
  private final int requestId;

  public DataFrame(MessageType type, int requestId, ByteBuf data) {
    super(data);
    if (type != MessageType.UPLOAD_CHUNK && type != MessageType.RETRIEVE_DATA) {
      throw new IllegalArgumentException("a data frame is UPLOAD_CHUNK or RETRIEVE_DATA, not " + type);
    }
    this.type = type;
    this.requestId = requestId;
  }

  @Override
  public MessageType type() {
    return type;
  }

  @Override
  public int requestId() {
    return requestId;
  }

  @Override
  public DataFrame replace(ByteBuf content) {
    return new DataFrame(type, requestId, content);
  }

  @Override
  public String toString() {
    return type + "[request " + requestId + ", " + content().readableBytes() + " bytes]";
  }
}
