package org.shardledger.wire.client;

import java.util.Objects;
import org.shardledger.protocol.crypto.Signature;

/** What an upload came to. */
public sealed interface UploadResult permits UploadResult.Accepted, Failure {
  /** Stored; {@code signature} is the operator's DealAcceptance of the deal, checked: the owner activates with it. */
  record Accepted(long dealId, Signature signature) implements UploadResult {
    public Accepted {
      Objects.requireNonNull(signature, "signature");
    }
  }
}
