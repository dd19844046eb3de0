package org.shardledger.node.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.roles.HostPort;
import picocli.CommandLine.Option;

/** {@code --metrics HOST:PORT}, shared by every role's command. */
final class MetricsOption {
  @Option(names = "--metrics", converter = HostPortConverter.class, description = "Serve Prometheus metrics at "
      + "http://HOST:PORT/metrics, e.g. 127.0.0.1:9464 (off by default; docs/operators.md lists them).")
  HostPort metrics;

  /** The role's registry, served when {@code --metrics} was given. */
  RoleMetrics start(String role) throws IOException {
    RoleMetrics registry = new RoleMetrics(role);
    if (metrics != null) {
      registry.serve(new InetSocketAddress(metrics.host(), metrics.port()));
    }
    return registry;
  }

  /** Closes the role, then its metrics. */
  static AutoCloseable both(AutoCloseable role, RoleMetrics metrics) {
    return () -> {
      try {
        role.close();
      } finally {
        metrics.close();
      }
    };
  }
}
