package org.shardledger.rpc;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP answer's body read into memory up to a cap: past it the exchange is cancelled and the body is
 * {@code null}, so a server that sends without end costs at most the cap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final int max;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private CappedBody(int max) {
    this.max = max;
  }

  /** Bodies of at most {@code max} bytes; a longer one (or a longer announced Content-Length) reads as null. */
  static HttpResponse.BodyHandler<byte[]> handler(int max) {
    return info -> {
      long announced = info.headers().firstValueAsLong("content-length").orElse(-1);
      return announced > max ? HttpResponse.BodySubscribers.replacing(null) : new CappedBody(max);
    };
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      if (out.size() + b.remaining() > max) {
        subscription.cancel();
        result.complete(null);
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      out.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
