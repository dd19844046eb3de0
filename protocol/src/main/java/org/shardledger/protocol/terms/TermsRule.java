package org.shardledger.protocol.terms;

/** The rules of an operator's terms, each named in a refusal as its field is named in {@link OperatorTerms}. */
public enum TermsRule {
  MIN_PRICE("minPricePerGiBEpoch"),
  MAX_DURATION("maxDurationEpochs"),
  MAX_SHARD_SIZE("maxShardBytes"),
  MAX_START_DELAY("maxStartDelayEpochs"),
  OPEN_PROPOSALS_PER_OWNER("maxOpenProposalsPerOwner"),
  UNACTIVATED_SPACE("maxUnactivatedBytes"),
  FREE_CAPACITY("freeBytes");

  private final String field;

  TermsRule(String field) {
    this.field = field;
  }

  /** The field of {@link OperatorTerms} this rule is about. */
  public String field() {
    return field;
  }
}
