package org.shardledger.client.retrieval;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.shardledger.protocol.crypto.Address;

/** An operator holding a shard under an active deal, and where its node listens. */
public record Holder(long dealId, Address operator, InetSocketAddress endpoint) {
  public Holder {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  public String toString() {
    return "deal " + dealId + " at " + operator + " (" + endpoint.getHostString() + ":" + endpoint.getPort() + ")";
  }
}
