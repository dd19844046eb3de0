// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerBase} from "./LedgerBase.sol";
import {Operator, OperatorStatus} from "./LedgerTypes.sol";

/// @notice Operators register with an endpoint, a region, a capacity and at least the minimum stake.
///         beginExit stops new deals; the operator keeps serving until its deals end. It withdraws once
///         unbonding is over, it has no active deal and no open dispute, and settlement has passed the last
///         epoch any of its deals was paid for (so every settlement slash for its deals has landed).
abstract contract OperatorRegistry is LedgerBase {
    /// @notice Longest endpoint or region string accepted, in bytes.
    uint256 public constant MAX_INFO_LENGTH = 256;

    /// @notice Blocks between beginExit and withdrawStake; longer than the dispute answer window plus the
    ///         settlement lag.
    uint64 public immutable unbondingBlocks;
    /// @notice Largest capacity an operator may advertise, in bytes.
    uint64 public immutable maxCapacity;

    /// @notice Registrations so far; each registration gets the next number (disputes are bound to it).
    uint64 public registrationCount;
    mapping(address => Operator) private _operators;

    constructor(uint64 unbondingBlocks_, uint64 maxCapacity_) {
        if (maxCapacity_ == 0 || maxCapacity_ > MAX_BOUND) revert InvalidParameters();
        unbondingBlocks = unbondingBlocks_;
        maxCapacity = maxCapacity_;
    }

    function register(string calldata endpoint, string calldata region, uint64 capacity, uint256 stake)
        external
        nonReentrant
    {
        Operator storage op = _operators[msg.sender];
        if (op.status != OperatorStatus.None) revert AlreadyRegistered(msg.sender);
        uint256 minimum = _economics.minStake;
        if (stake < minimum) revert StakeBelowMinimum(stake, minimum);
        _checkInfo(endpoint, region, capacity);
        op.stake = _toUint128(stake);
        op.capacity = capacity;
        op.registration = ++registrationCount;
        op.status = OperatorStatus.Active;
        op.endpoint = endpoint;
        op.region = region;
        _pull(msg.sender, stake);
        emit OperatorRegistered(msg.sender, endpoint, region, capacity, stake);
    }

    function updateOperator(string calldata endpoint, string calldata region, uint64 capacity) external {
        Operator storage op = _activeOperator(msg.sender);
        _checkInfo(endpoint, region, capacity);
        op.capacity = capacity;
        op.endpoint = endpoint;
        op.region = region;
        emit OperatorUpdated(msg.sender, endpoint, region, capacity);
    }

    function addStake(uint256 amount) external nonReentrant {
        Operator storage op = _activeOperator(msg.sender);
        if (amount == 0) revert ZeroAmount();
        uint256 stake = op.stake + amount;
        op.stake = _toUint128(stake);
        _pull(msg.sender, amount);
        emit StakeAdded(msg.sender, amount, stake);
    }

    /// @notice Starts unbonding. The operator takes no new deals from here on; its active deals go on until
    ///         they end (their owners move the shards and end them, or they run out).
    function beginExit() external {
        Operator storage op = _activeOperator(msg.sender);
        uint64 endsBlock = uint64(block.number) + unbondingBlocks;
        op.status = OperatorStatus.Exiting;
        op.unbondingEndsBlock = endsBlock;
        emit ExitStarted(msg.sender, endsBlock);
    }

    /// @notice Pays out what is left of the stake and removes the registration: after unbonding, with no active
    ///         deal, no open dispute, and settlement past the last epoch any of its deals was paid for.
    function withdrawStake() external nonReentrant {
        Operator storage op = _operators[msg.sender];
        if (op.status != OperatorStatus.Exiting) revert OperatorNotExiting(msg.sender);
        uint64 endsBlock = op.unbondingEndsBlock;
        if (block.number < endsBlock) revert UnbondingNotOver(msg.sender, endsBlock);
        if (op.activeDeals != 0) revert DealsStillActive(msg.sender, op.activeDeals);
        if (op.openDisputes != 0) revert DisputesStillOpen(msg.sender, op.openDisputes);
        uint64 settled = _hot.settledThrough;
        if (settled < op.lastDealEpoch) revert SettlementNotPastDeals(msg.sender, op.lastDealEpoch - 1, settled);
        uint256 amount = op.stake;
        delete _operators[msg.sender];
        _pay(msg.sender, amount);
        emit StakeWithdrawn(msg.sender, amount);
    }

    function getOperator(address operator) external view returns (Operator memory) {
        return _operators[operator];
    }

    function stakeOf(address operator) external view returns (uint256) {
        return _operators[operator].stake;
    }

    /// @dev Takes up to `amount` from the stake (never more than there is) and returns what it took.
    function _slashStake(address operator, uint256 amount) internal returns (uint256 taken) {
        Operator storage op = _operators[operator];
        uint256 stake = op.stake;
        taken = amount < stake ? amount : stake;
        if (taken != 0) op.stake = uint128(stake - taken);
    }

    function _operator(address operator) internal view returns (Operator storage) {
        return _operators[operator];
    }

    /// @dev Reverts unless `operator` is registered, not exiting and holds at least the minimum stake.
    function _requireEligible(address operator) internal view returns (Operator storage op) {
        op = _operators[operator];
        if (op.status != OperatorStatus.Active || op.stake < _economics.minStake) {
            revert OperatorNotEligible(operator);
        }
    }

    /// @dev One of the operator's deals ended, paid through `endEpoch`.
    function _retireDeal(address operator, uint64 endEpoch) internal {
        Operator storage op = _operators[operator];
        --op.activeDeals;
        if (endEpoch >= op.lastDealEpoch) op.lastDealEpoch = endEpoch + 1;
    }

    function _activeOperator(address operator) private view returns (Operator storage op) {
        op = _operators[operator];
        if (op.status == OperatorStatus.None) revert NotRegistered(operator);
        if (op.status == OperatorStatus.Exiting) revert OperatorIsExiting(operator);
    }

    function _checkInfo(string calldata endpoint, string calldata region, uint64 capacity) private view {
        if (bytes(endpoint).length > MAX_INFO_LENGTH || bytes(region).length > MAX_INFO_LENGTH) {
            revert OperatorInfoTooLong();
        }
        if (capacity > maxCapacity) revert CapacityTooLarge(capacity, maxCapacity);
    }
}
