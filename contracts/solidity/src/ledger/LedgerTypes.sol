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
    Cancelled
}

enum DisputeStatus {
    None,
    Open,
    Answered,
    Upheld
}

/// @notice A registered storage operator. Slot 0 is all that slashing and deal activation touch.
struct Operator {
    uint128 stake;
    /// block number from which an exiting operator may withdraw (0 while not exiting)
    uint64 unbondingEndsBlock;
    /// 1 + the last epoch of any deal ever activated with this operator (0: none)
    uint64 dealsUntilEpoch;
    /// advertised capacity in bytes (advisory, not enforced on chain)
    uint64 capacity;
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
    /// id of the dispute currently open against the deal (0: none)
    uint64 openDisputeId;
}

struct Dispute {
    address disputer;
    uint64 openBlock;
    uint8 samples;
    DisputeStatus status;
    uint64 dealId;
    uint128 bond;
}

/// @notice One settlement slash: (operator, amount), ABI-encoded as two words.
struct Slash {
    address operator;
    uint256 amount;
}

/// @notice Parameters governance may change.
struct Economics {
    /// least stake to register and to take a deal
    uint128 minStake;
    /// what a disputer posts to open a dispute (goes to the operator on a valid answer)
    uint128 disputeBond;
    /// what an unanswered dispute slashes (capped by the stake)
    uint128 disputeSlash;
    /// what the disputer earns from that slash on top of the bond back (capped by what was slashed)
    uint128 disputeReward;
}
