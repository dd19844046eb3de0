package org.shardledger.node.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.rpc.metrics.MetricsServer;

/**
 * One role's Prometheus registry (every meter tagged {@code role}) and, with {@code --metrics HOST:PORT}, the
 * endpoint that serves it at {@code /metrics}. The role-specific meters ({@link LedgerMeters},
 * {@link VerifierMeters}, {@link ProverMeters}) and {@link #rpc()} register into it. Every meter's name and
 * meaning is listed in docs/operators.md.
 */
public final class RoleMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private MetricsServer server;

  public RoleMetrics(String role) {
    registry.config().commonTags("role", role);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter now. */
  public String scrape() {
    return registry.scrape();
  }

  /** Serves {@code /metrics} on {@code bind}. */
  public synchronized RoleMetrics serve(InetSocketAddress bind) throws IOException {
    if (server != null) {
      throw new IllegalStateException("already serving on " + server.url());
    }
    server = MetricsServer.start(bind, this::scrape);
    return this;
  }

  public synchronized Optional<URI> url() {
    return Optional.ofNullable(server).map(MetricsServer::url);
  }

  /** The role's JSON-RPC requests by method and error. */
  public RpcMetrics rpc() {
    return new MicrometerRpcMetrics(registry);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
    registry.close();
  }
}
