package org.shardledger.protocol.aggregation;

/** Why a signed report did not count. */
public enum RejectionReason {
  /** The signature does not recover to any address. */
  BAD_SIGNATURE,
  /** The signer is not in the current verifier set. */
  NOT_A_VERIFIER,
  /** The report is for another epoch than the one being aggregated. */
  WRONG_EPOCH,
  /** The epoch's beacon was never recorded, so nothing could be audited; the epoch pays as PASS. */
  UNAUDITED_EPOCH,
  /** The results name a deal twice. */
  DUPLICATE_DEAL_RESULT,
  /** The signed {@code deals} count is not the number of results. */
  DEAL_COUNT_MISMATCH,
  /** The signed {@code resultsHash} is not the hash of the results. */
  RESULTS_HASH_MISMATCH,
  /** The verifier signed two different reports for the epoch; none of them counts. */
  EQUIVOCATION,
  /** A second copy of a report already counted (same signer, same results). Harmless. */
  DUPLICATE_REPORT
}
