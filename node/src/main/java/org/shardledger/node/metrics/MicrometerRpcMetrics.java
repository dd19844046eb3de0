package org.shardledger.node.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcMetrics;

/**
 * {@code shardledger_rpc_requests_seconds{method,error}}: a timer per method and answer (error "none" on success),
 * looked up once per pair, so counting costs a map lookup per request.
 */
final class MicrometerRpcMetrics implements RpcMetrics {
  private record Key(String method, Optional<RpcError> error) {}

  private final MeterRegistry registry;
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  MicrometerRpcMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void answered(String method, Optional<RpcError> error, long nanos) {
    timers.computeIfAbsent(new Key(method, error), k -> Timer.builder("shardledger.rpc.requests")
        .description("JSON-RPC requests answered, by method and error").tag("method", k.method())
        .tag("error", k.error().map(e -> e.name().toLowerCase(Locale.ROOT)).orElse("none")).register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
