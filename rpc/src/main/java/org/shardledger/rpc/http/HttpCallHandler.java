package org.shardledger.rpc.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests: each complete request is queued and served one at a time on the worker pool, its
 * answer written back in order (pipelining). While a request is being served the connection reads no more; a
 * client that pipelines more than the settings allow is disconnected. Everything here runs on the event loop.
 */
final class HttpCallHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpCallHandler.class);
  private static final String BUSY = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32004,"
      + "\"message\":\"server busy, try again\"}}";

  private record Queued(HttpCall call, boolean keepAlive) {}

  private final HttpServerSettings settings;
  private final HttpService service;
  private final Executor workers;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private boolean serving;

  HttpCallHandler(HttpServerSettings settings, HttpService service, Executor workers) {
    this.settings = settings;
    this.service = service;
    this.workers = workers;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      write(ctx, HttpAnswer.text(400, "text/plain", "bad request\n"), false);
      return;
    }
    if (queue.size() >= settings.maxPipelined()) {
      LOG.debug("{} pipelined more than {} requests: disconnecting", ctx.channel().remoteAddress(),
          settings.maxPipelined());
      ctx.close();
      return;
    }
    Map<String, String> headers = new HashMap<>();
    request.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    String path = request.uri();
    int query = path.indexOf('?');
    HttpCall call = new HttpCall(request.method().name(), query < 0 ? path : path.substring(0, query), headers,
        ByteBufUtil.getBytes(request.content()), (InetSocketAddress) ctx.channel().remoteAddress());
    queue.add(new Queued(call, HttpUtil.isKeepAlive(request)));
    if (!serving) {
      next(ctx);
    }
  }

  private void next(ChannelHandlerContext ctx) {
    Queued q = queue.poll();
    if (q == null) {
      serving = false;
      ctx.channel().config().setAutoRead(true);
      return;
    }
    serving = true;
    ctx.channel().config().setAutoRead(false);
    try {
      workers.execute(() -> {
        HttpAnswer answer;
        try {
          answer = service.serve(q.call());
        } catch (RuntimeException e) {
          LOG.error("{} failed on {} {}", settings.name(), q.call().method(), q.call().path(), e);
          answer = HttpAnswer.text(500, "text/plain", "internal error\n");
        }
        HttpAnswer done = answer;
        ctx.executor().execute(() -> answered(ctx, done, q.keepAlive()));
      });
    } catch (RejectedExecutionException e) {
      answered(ctx, HttpAnswer.json(503, BUSY), q.keepAlive());
    }
  }

  private void answered(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive) {
    if (!ctx.channel().isActive()) {
      queue.clear();
      return;
    }
    write(ctx, answer, keepAlive);
    if (keepAlive) {
      next(ctx);
    }
  }

  private static void write(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
    answer.headers().forEach(response.headers()::set);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("{}: closing {} after {}", settings.name(), ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
