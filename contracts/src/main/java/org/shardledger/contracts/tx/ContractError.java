package org.shardledger.contracts.tx;

/**
 * The contracts' custom errors the node reacts to, by name: the one home for them ({@link DecodedRevert} is a revert
 * as it came back). {@code ContractErrorTest} checks every constant against the compiled ABIs, so renaming an error
 * in Solidity fails the build instead of silently changing what is retried or counted as done.
 */
public enum ContractError {
  /** ShardLedger.settle: the epoch is settled already (a resent settlement is done, not failed). */
  EpochAlreadySettled,
  /** StorageCredit.claim: the account has claimed everything it is owed. */
  NothingToClaim,
  /** ShardLedger.recordBeacon: another verifier recorded it first. */
  BeaconAlreadyRecorded,
  /** ShardLedger.recordBeacon: the epoch's first block is not mined yet (try again next block). */
  BeaconNotYetAvailable,
  /** DisputeCourt: the dispute is answered or upheld already. */
  DisputeNotOpen,
  /** ShardLedger.register: the operator is registered already. */
  AlreadyRegistered,
  /** ShardLedger.beginExit: the operator's exit has begun already. */
  OperatorIsExiting,
  /** ShardLedger.settle: a signer is not a verifier of the deployment (its signatures are dropped). */
  NotVerifier,
  /** ShardLedger.settle: fewer valid signatures than the threshold. */
  InsufficientSignatures,
  /** ShardLedger.settle: the signatures are not ordered by signer. */
  SignersNotAscending,
  /** DisputeCourt.answer: the dispute's beacon block is not mined yet (wait, do not count a refusal). */
  DisputeBeaconNotYetAvailable,
  /** DisputeCourt.answer: the answer window has closed. */
  AnswerWindowClosed;

  /** Whether a decoded revert is this error. */
  public boolean is(DecodedRevert error) {
    return error.name().equals(name());
  }
}
