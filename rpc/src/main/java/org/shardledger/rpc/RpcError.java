package org.shardledger.rpc;

/** Every JSON-RPC error code the project answers with: the standard ones and the project's own. */
public enum RpcError {
  PARSE_ERROR(-32700, "parse error"),
  INVALID_REQUEST(-32600, "invalid request"),
  METHOD_NOT_FOUND(-32601, "method not found"),
  INVALID_PARAMS(-32602, "invalid params"),
  INTERNAL_ERROR(-32603, "internal error"),
  /** The thing asked about does not exist (an unknown deal, an epoch not settled). */
  NOT_FOUND(-32001, "not found"),
  /** It will exist but does not yet (an epoch still being audited). */
  NOT_READY(-32002, "not ready"),
  /** A submission that was read and refused (a report with a bad signature). */
  REJECTED(-32003, "rejected"),
  /** A dependency of the answer (the chain, the disk) failed; try again. */
  UNAVAILABLE(-32004, "unavailable");

  private final int code;
  private final String meaning;

  RpcError(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  public static RpcError ofCode(int code) {
    for (RpcError e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    return INTERNAL_ERROR;
  }
}
