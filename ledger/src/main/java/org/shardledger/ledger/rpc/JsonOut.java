package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import org.shardledger.protocol.crypto.Address;

/** Building the JSON answers of the ledger's methods: an empty object, a list of addresses. */
final class JsonOut {
  private JsonOut() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode addresses(Collection<Address> addresses) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    addresses.forEach(a -> out.add(a.toString()));
    return out;
  }
}
