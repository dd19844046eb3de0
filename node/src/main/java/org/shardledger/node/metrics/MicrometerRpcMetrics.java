package org.shardledger.node.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcMetrics;

/** {@code shardledger_rpc_requests_seconds{method,error}}: a timer per method and answer (error "none" on success). */
final class MicrometerRpcMetrics implements RpcMetrics {
  private final MeterRegistry registry;

  MicrometerRpcMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void answered(String method, Optional<RpcError> error, long nanos) {
    Timer.builder("shardledger.rpc.requests").description("JSON-RPC requests answered, by method and error")
        .tag("method", method).tag("error", error.map(e -> e.name().toLowerCase(Locale.ROOT)).orElse("none"))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }
}
