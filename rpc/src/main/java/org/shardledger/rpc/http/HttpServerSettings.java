package org.shardledger.rpc.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How an HTTP server bounds its work: the largest request body, how many requests one connection may have
 * waiting (HTTP/1.1 pipelining; answered in order, one at a time), the worker threads and their queue (beyond it a
 * request is answered 503 at once), and how long an idle connection stays open.
 */
public record HttpServerSettings(InetSocketAddress bind, int maxRequestBytes, int maxPipelined, int workers,
    int workQueue, Duration idleTimeout, String name) {
  public static final int DEFAULT_MAX_REQUEST_BYTES = 16 << 20;

  public HttpServerSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(name, "name");
    if (maxRequestBytes < 1024 || maxPipelined < 1 || workers < 1 || workQueue < 1) {
      throw new IllegalArgumentException("maxRequestBytes >= 1024, maxPipelined, workers and workQueue >= 1");
    }
  }

  /** Defaults for {@code bind}: 16 MiB requests, 16 pipelined, 2 workers per core (at least 4), 1024 queued. */
  public static HttpServerSettings defaults(InetSocketAddress bind, String name) {
    int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    return new HttpServerSettings(bind, DEFAULT_MAX_REQUEST_BYTES, 16, workers, 1024, Duration.ofMinutes(2), name);
  }

  public HttpServerSettings withMaxRequestBytes(int bytes) {
    return new HttpServerSettings(bind, bytes, maxPipelined, workers, workQueue, idleTimeout, name);
  }

  public HttpServerSettings withWorkers(int threads, int queue) {
    return new HttpServerSettings(bind, maxRequestBytes, maxPipelined, threads, queue, idleTimeout, name);
  }
}
