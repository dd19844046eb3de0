package org.shardledger.rpc.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The pipeline only: HTTP codec, a body aggregator capped at the settings' size, idle timeout, the handler. */
final class HttpInitializer extends ChannelInitializer<SocketChannel> {
  /** A JSON-RPC error object, so a JSON-RPC client reads why (code -32600, invalid request). */
  static String tooLarge(int max) {
    return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"request larger than " + max
        + " bytes\"}}";
  }

  private final HttpServerSettings settings;
  private final HttpService service;
  private final Executor workers;

  HttpInitializer(HttpServerSettings settings, HttpService service, Executor workers) {
    this.settings = settings;
    this.service = service;
    this.workers = workers;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.pipeline()
        .addLast(new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .addLast(new HttpServerCodec(4096, 16 * 1024, 8192))
        .addLast(new CappedAggregator(settings.maxRequestBytes()))
        .addLast(new HttpCallHandler(settings, service, workers));
  }

  /** Answers an oversized body with 413 and a JSON-RPC error, then closes (the rest of the body is not read). */
  private static final class CappedAggregator extends HttpObjectAggregator {
    private final int max;

    CappedAggregator(int max) {
      super(max);
      this.max = max;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.copiedBuffer(tooLarge(max), StandardCharsets.UTF_8));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpAnswer.JSON)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
          .set(HttpHeaderNames.CONNECTION, "close");
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
