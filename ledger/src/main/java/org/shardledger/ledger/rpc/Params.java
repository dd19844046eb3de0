package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import org.shardledger.protocol.crypto.Address;

/** Small JSON helpers the ledger's methods share. */
final class Params {
  private Params() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode addresses(Collection<Address> addresses) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    addresses.forEach(a -> out.add(a.toString()));
    return out;
  }
}
