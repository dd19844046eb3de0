// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

enum OperatorStatus {
    None,
    Active,
    Exiting
}

enum DealStatus {
    None,
    Proposed,
    Active,
    Cancelled,
    /// ended early: by its owner (endDeal), by the settlement rules (a termination), or closed after its period
    Ended
}

/// @notice Why a deal ended (the DealEnded event).
enum EndCause {
    /// its owner ended it (paid through the epoch of the call, the rest refunded through the payout tree)
    Owner,
    /// the signed settlement terminated it (maxFails, grace expiry)
    Terminated,
    /// its period is over and settled; anyone closed it
    Expired
}

enum DisputeStatus {
    None,
    Open,
    Answered,
    Upheld,
    /// the operator's registration changed (it exited and registered again): the bond went back to the disputer
    Expired
}

/// @notice A registered storage operator. Slot 0 is all that slashing touches.
struct Operator {
    uint128 stake;
    /// block number from which an exiting operator may withdraw (0 while not exiting)
    uint64 unbondingEndsBlock;
    /// 1 + the last epoch any of its ended deals was paid for (0: none ended yet)
    uint64 lastDealEpoch;
    /// advertised capacity in bytes (advisory, not enforced on chain; at most the deployment's maxCapacity)
    uint64 capacity;
    /// deals activated and not ended yet
    uint32 activeDeals;
    /// disputes opened against its deals and not closed yet
    uint32 openDisputes;
    /// which registration this is (a counter over all registrations; disputes are bound to it)
    uint64 registration;
    OperatorStatus status;
    string endpoint;
    string region;
}

/// @notice A storage deal; four storage slots.
struct Deal {
    address owner;
    uint64 firstEpoch;
    uint16 samples;
    DealStatus status;
    address operator;
    uint64 lastEpoch;
    uint32 segmentSize;
    bytes32 root;
    uint64 size;
    uint128 pricePerEpoch;
    /// the last epoch the deal is paid for: lastEpoch, or earlier once it ended early
    uint64 endEpoch;
}

/// @notice The terms of one proposal in DealBook.proposeBatch (propose's parameters, in its order).
struct DealTerms {
    address operator;
    bytes32 root;
    uint64 size;
    uint32 segmentSize;
    uint16 samples;
    uint256 pricePerEpoch;
    uint64 firstEpoch;
    uint64 lastEpoch;
}

struct Dispute {
    address disputer;
    /// the block whose hash draws the samples: openBlock + 1, later when the operator's answer lane is full
    /// (DisputeCourt); answers are accepted in beaconBlock + 1 ... beaconBlock + answerWindow
    uint64 beaconBlock;
    uint8 samples;
    DisputeStatus status;
    uint64 dealId;
    uint128 bond;
    /// the operator's registration the dispute was opened against
    uint64 registration;
}

/// @notice One operator's answer lane in the dispute court: the latest batch of disputes sharing a beacon block.
struct AnswerLane {
    uint64 beaconBlock;
    uint32 count;
}

/// @notice What the dispute court needs of a deal to open a dispute against it.
struct DisputeTarget {
    address operator;
    uint64 registration;
    uint32 segmentSize;
}

/// @notice One settlement slash: (operator, amount), ABI-encoded as two words.
struct Slash {
    address operator;
    uint256 amount;
}

/// @notice Bounds on what deals and registrations may ask for, fixed at deployment; the defaults fit Java's long
///         with room (docs/contracts.md).
struct Bounds {
    /// longest deal, in epochs (lastEpoch - currentEpoch + 1 at proposal)
    uint64 maxDealEpochs;
    /// largest shard, in bytes
    uint64 maxShardSize;
    /// largest advertised capacity, in bytes
    uint64 maxCapacity;
}

/// @notice Parameters governance may change.
struct Economics {
    /// least stake to register and to take a deal
    uint128 minStake;
    /// what a disputer posts to open a dispute (goes to the operator on a valid answer)
    uint128 disputeBond;
    /// what an unanswered dispute slashes (capped by the stake)
    uint128 disputeSlash;
    /// must be 0: a reward out of the slash would be a way for an operator to move its own stake out by disputing
    /// itself from a second address (decision 0141); the whole dispute slash is burned
    uint128 disputeReward;
}
