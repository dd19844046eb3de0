package org.shardledger.verifier.audit;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.shardledger.protocol.crypto.Address;

/** An operator and the endpoint it registered ("host:port" as the chain holds it, checked only when dialled). */
public record OperatorEndpoint(Address address, String endpoint) {
  public OperatorEndpoint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /**
   * Where to dial ({@code [::1]:7340} for IPv6); unresolved names stay unresolved.
   *
   * @throws IllegalArgumentException when the endpoint is not host:port with a port in 0-65535
   */
  public InetSocketAddress socketAddress() {
    int colon = endpoint.lastIndexOf(':');
    if (colon <= 0 || colon == endpoint.length() - 1) {
      throw new IllegalArgumentException("not host:port: " + endpoint);
    }
    String host = endpoint.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new InetSocketAddress(host, Integer.parseInt(endpoint.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not host:port: " + endpoint, e);
    }
  }
}
