// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerBase} from "./LedgerBase.sol";
import {Operator, OperatorStatus} from "./LedgerTypes.sol";

/// @notice Operators register with an endpoint, a region, a capacity and at least the minimum stake.
///         Exit is possible once every deal ever activated with the operator has passed its last epoch;
///         the stake stays slashable for `unbondingBlocks` more blocks, then it can be withdrawn.
abstract contract OperatorRegistry is LedgerBase {
    /// @notice Longest endpoint or region string accepted, in bytes.
    uint256 public constant MAX_INFO_LENGTH = 256;

    /// @notice Blocks between beginExit and withdrawStake; longer than the dispute answer window plus the
    ///         settlement lag, so every slash that can still come for the operator's deals lands first.
    uint64 public immutable unbondingBlocks;

    mapping(address => Operator) private _operators;

    constructor(uint64 unbondingBlocks_) {
        unbondingBlocks = unbondingBlocks_;
    }

    function register(string calldata endpoint, string calldata region, uint64 capacity, uint256 stake)
        external
        nonReentrant
    {
        Operator storage op = _operators[msg.sender];
        if (op.status != OperatorStatus.None) revert AlreadyRegistered(msg.sender);
        uint256 minimum = _economics.minStake;
        if (stake < minimum) revert StakeBelowMinimum(stake, minimum);
        _checkInfo(endpoint, region);
        op.stake = _toUint128(stake);
        op.capacity = capacity;
        op.status = OperatorStatus.Active;
        op.endpoint = endpoint;
        op.region = region;
        _pull(msg.sender, stake);
        emit OperatorRegistered(msg.sender, endpoint, region, capacity, stake);
    }

    function updateOperator(string calldata endpoint, string calldata region, uint64 capacity) external {
        Operator storage op = _activeOperator(msg.sender);
        _checkInfo(endpoint, region);
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

    /// @notice Starts unbonding. The operator takes no new deals from here on.
    function beginExit() external {
        Operator storage op = _activeOperator(msg.sender);
        uint64 dealsUntil = op.dealsUntilEpoch;
        if (currentEpoch() < dealsUntil) revert DealsNotEnded(msg.sender, dealsUntil - 1);
        uint64 endsBlock = uint64(block.number) + unbondingBlocks;
        op.status = OperatorStatus.Exiting;
        op.unbondingEndsBlock = endsBlock;
        emit ExitStarted(msg.sender, endsBlock);
    }

    /// @notice Pays out what is left of the stake after unbonding and removes the registration.
    function withdrawStake() external nonReentrant {
        Operator storage op = _operators[msg.sender];
        if (op.status != OperatorStatus.Exiting) revert OperatorNotExiting(msg.sender);
        uint64 endsBlock = op.unbondingEndsBlock;
        if (block.number < endsBlock) revert UnbondingNotOver(msg.sender, endsBlock);
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

    /// @dev Reverts unless `operator` is registered, not exiting and holds at least the minimum stake.
    function _requireEligible(address operator) internal view returns (Operator storage op) {
        op = _operators[operator];
        if (op.status != OperatorStatus.Active || op.stake < _economics.minStake) {
            revert OperatorNotEligible(operator);
        }
    }

    /// @dev Records that `operator` has a deal running through `lastEpoch`.
    function _noteDeal(Operator storage op, uint64 lastEpoch) internal {
        if (lastEpoch >= op.dealsUntilEpoch) op.dealsUntilEpoch = lastEpoch + 1;
    }

    function _activeOperator(address operator) private view returns (Operator storage op) {
        op = _operators[operator];
        if (op.status == OperatorStatus.None) revert NotRegistered(operator);
        if (op.status == OperatorStatus.Exiting) revert OperatorIsExiting(operator);
    }

    function _checkInfo(string calldata endpoint, string calldata region) private pure {
        if (bytes(endpoint).length > MAX_INFO_LENGTH || bytes(region).length > MAX_INFO_LENGTH) {
            revert OperatorInfoTooLong();
        }
    }
}
