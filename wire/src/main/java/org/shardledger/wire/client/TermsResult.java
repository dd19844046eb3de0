package org.shardledger.wire.client;

import java.util.Objects;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.terms.OperatorTerms;

/** What a TERMS request came to. The signature of {@link Terms} was checked against the operator. */
public sealed interface TermsResult permits TermsResult.Terms, Failure {

  /** The operator's signed acceptance policy and free space (EIP-712 OperatorTerms, docs/wire.md §3). */
  record Terms(OperatorTerms terms, Signature signature) implements TermsResult {
    public Terms {
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(signature, "signature");
    }
  }
}
