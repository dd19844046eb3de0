// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Every rejection of the ledger, one custom error each. (OpenZeppelin's own errors can also
///         surface: AccessControlUnauthorizedAccount, ECDSAInvalidSignature*, SafeERC20FailedOperation,
///         ReentrancyGuardReentrantCall, and the credit token's ERC20Insufficient* errors.)
interface IShardLedgerErrors {
    // deployment and governance
    error InvalidParameters();
    error ZeroAddress();
    error AmountTooLarge();

    // verifier set
    error VerifierAlreadyInSet(address verifier);
    error VerifierNotInSet(address verifier);
    error InvalidThreshold(uint256 threshold, uint256 verifierCount);

    // beacon
    error BeaconNotYetAvailable(uint64 epoch);
    error BeaconExpired(uint64 epoch);
    error BeaconAlreadyRecorded(uint64 epoch);

    // operator registry
    error AlreadyRegistered(address operator);
    error NotRegistered(address operator);
    error OperatorIsExiting(address operator);
    error OperatorNotExiting(address operator);
    error StakeBelowMinimum(uint256 stake, uint256 minimum);
    error ZeroAmount();
    error OperatorInfoTooLong();
    error UnbondingNotOver(address operator, uint64 unbondingEndsBlock);
    error DealsStillActive(address operator, uint256 activeDeals);
    error DisputesStillOpen(address operator, uint256 openDisputes);
    error SettlementNotPastDeals(address operator, uint64 lastDealEpoch, uint64 settledThrough);
    error CapacityTooLarge(uint256 capacity, uint256 maximum);

    // deals
    error EmptyShard();
    error InvalidSegmentSize(uint256 segmentSize);
    error InvalidSamples(uint256 samples);
    error InvalidEpochRange(uint64 firstEpoch, uint64 lastEpoch);
    error FirstEpochInPast(uint64 firstEpoch, uint64 currentEpoch);
    error OperatorNotEligible(address operator);
    error DealNotProposed(uint256 dealId);
    error ProposalExpired(uint256 dealId);
    error InvalidOperatorSignature(uint256 dealId, address signer);
    error CancelNotAllowed(uint256 dealId);
    error ShardTooLarge(uint256 size, uint256 maximum);
    error DealTooLong(uint256 epochs, uint256 maximum);
    error NotDealOwner(uint256 dealId, address caller);
    error DealNotOver(uint256 dealId, uint64 endEpoch, uint64 settledThrough);
    /// @notice A batch is empty, longer than MAX_BATCH, or its deal ids and signatures differ in number.
    error InvalidBatch(uint256 length, uint256 otherLength);

    // settlement and claims
    error EpochAlreadySettled(uint64 epoch);
    error WrongFromEpoch(uint64 fromEpoch, uint64 settledThrough);
    error NotTerminable(uint256 dealId);
    error EpochNotEnded(uint64 epoch);
    error InsufficientSignatures(uint256 given, uint256 threshold);
    error SignersNotAscending(uint256 index);
    error NotVerifier(address signer);
    error CumulativeTotalDecreased(uint256 given, uint256 current);
    error CumulativeTotalAboveEscrow(uint256 given, uint256 escrowed);
    error InvalidClaimProof();
    error NothingToClaim(address account, uint256 cumulativeAmount, uint256 alreadyClaimed);
    error ClaimsExceedSettledTotal(uint256 totalClaimed, uint256 cumulativeTotal);

    // disputes
    error DealNotActive(uint256 dealId);
    error NotDisputeCourt(address caller);
    error InvalidDisputeSamples(uint256 samples);
    error DisputeNotOpen(uint256 disputeId);
    error DisputeBeaconNotYetAvailable(uint256 disputeId);
    error AnswerWindowClosed(uint256 disputeId);
    error AnswerWindowOpen(uint256 disputeId);
    error NotDealOperator(address caller);
    error WrongSampleCount(uint256 segments, uint256 expected);
    error WrongPathNodeCount(uint256 nodes, uint256 expected);
    error InvalidSample(uint256 sample);
}
