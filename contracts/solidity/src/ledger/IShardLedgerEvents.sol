// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Everything the ledger emits. Amounts are in credit base units; epochs and blocks are numbers.
interface IShardLedgerEvents {
    // governance
    event VerifierAdded(address indexed verifier);
    event VerifierRemoved(address indexed verifier);
    event VerifierSetChanged(uint8 threshold, uint32 verifierCount);
    event EconomicsChanged(uint256 minStake, uint256 disputeBond, uint256 disputeSlash, uint256 disputeReward);

    // beacon
    event BeaconRecorded(uint64 indexed epoch, uint256 blockNumber, bytes32 beacon);

    // operator registry
    event OperatorRegistered(address indexed operator, string endpoint, string region, uint64 capacity, uint256 stake);
    event OperatorUpdated(address indexed operator, string endpoint, string region, uint64 capacity);
    event StakeAdded(address indexed operator, uint256 amount, uint256 stake);
    event ExitStarted(address indexed operator, uint64 unbondingEndsBlock);
    event StakeWithdrawn(address indexed operator, uint256 amount);

    // deals
    /// @dev The root is a topic so that shards can be located by root (docs/contracts.md).
    event DealProposed(
        uint256 indexed dealId,
        address indexed operator,
        bytes32 indexed root,
        address owner,
        uint64 size,
        uint32 segmentSize,
        uint16 samples,
        uint256 pricePerEpoch,
        uint64 firstEpoch,
        uint64 lastEpoch
    );
    event DealActivated(uint256 indexed dealId, address indexed operator, uint256 escrow);
    event DealCancelled(uint256 indexed dealId, address indexed owner, uint256 refund);
    /// @notice The deal is paid through `endEpoch` and no longer active; cause is an EndCause.
    event DealEnded(uint256 indexed dealId, address indexed operator, uint64 endEpoch, uint8 cause);

    // settlement and claims
    event Settled(
        uint64 indexed epoch,
        uint64 fromEpoch,
        bytes32 payoutRoot,
        uint256 cumulativeTotal,
        bytes32 slashesHash,
        bytes32 terminationsHash
    );
    event SettlementSlash(uint64 indexed epoch, address indexed operator, uint256 requested, uint256 slashed);
    event Claimed(address indexed account, uint256 amount, uint256 cumulativeAmount);

    // disputes
    event DisputeOpened(
        uint256 indexed disputeId,
        uint256 indexed dealId,
        address indexed operator,
        address disputer,
        uint64 openBlock,
        uint8 samples,
        uint64 beaconBlock,
        uint64 answerDeadlineBlock,
        uint256 bond
    );
    event DisputeAnswered(uint256 indexed disputeId, uint256 indexed dealId, address indexed operator, uint256 bond);
    event DisputeExpired(uint256 indexed disputeId, uint256 indexed dealId, address indexed operator, uint256 bond);
    event DisputeUpheld(
        uint256 indexed disputeId,
        uint256 indexed dealId,
        address indexed operator,
        uint256 slashed,
        uint256 reward,
        uint256 burned
    );
}
