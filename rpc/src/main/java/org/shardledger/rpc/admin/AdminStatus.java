package org.shardledger.rpc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/** {@code admin_status()}: the role's name and what it says about itself (each role supplies its own fields). */
public final class AdminStatus implements RpcMethod {
  /** The role's own fields, written into the answer. */
  @FunctionalInterface
  public interface Source {
    void describe(ObjectNode into) throws IOException;
  }

  private final String role;
  private final Source source;

  public AdminStatus(String role, Source source) {
    this.role = Objects.requireNonNull(role, "role");
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public String name() {
    return MethodName.ADMIN_STATUS.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws IOException {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("role", role);
    source.describe(out);
    return out;
  }
}
