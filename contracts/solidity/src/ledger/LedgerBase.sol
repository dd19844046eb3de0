// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICredit} from "./ICredit.sol";
import {Economics} from "./LedgerTypes.sol";
import {IShardLedgerErrors} from "./IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "./IShardLedgerEvents.sol";

/// @notice What every part of the ledger shares: the credit token, the epoch clock, the EIP-712 domain
///         (name "shardledger", version "1"), roles, and the one hot storage slot that settlement reads.
abstract contract LedgerBase is
    IShardLedgerErrors,
    IShardLedgerEvents,
    AccessControl,
    EIP712,
    ReentrancyGuardTransient
{
    using SafeERC20 for ICredit;

    /// @notice Changes the verifier set, the threshold and the economics.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice No deployment bound may exceed 2^62: every bounded quantity fits Java's long with room.
    uint64 internal constant MAX_BOUND = uint64(1) << 62;

    ICredit public immutable credit;
    /// @notice Epoch e covers blocks [genesisBlock + e * epochLength, genesisBlock + (e + 1) * epochLength).
    uint64 public immutable genesisBlock;
    uint64 public immutable epochLength;

    /// @dev Packed into one slot: everything settle needs besides the totals.
    struct HotState {
        /// 1 + the last settled epoch (0: nothing settled yet)
        uint64 settledThrough;
        uint8 threshold;
        uint32 verifierCount;
        /// total escrow of all deals ever activated
        uint128 totalEscrowed;
    }

    HotState internal _hot;
    Economics internal _economics;

    constructor(ICredit credit_, address admin, uint64 genesisBlock_, uint64 epochLength_)
        EIP712("shardledger", "1")
    {
        if (address(credit_) == address(0) || admin == address(0)) revert ZeroAddress();
        if (epochLength_ == 0 || genesisBlock_ > block.number) revert InvalidParameters();
        credit = credit_;
        genesisBlock = genesisBlock_;
        epochLength = epochLength_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
    }

    /// @notice The epoch the current block belongs to.
    function currentEpoch() public view returns (uint64) {
        return uint64((block.number - genesisBlock) / epochLength);
    }

    /// @notice First block of `epoch`; its hash is the epoch's beacon.
    function epochStartBlock(uint64 epoch) public view returns (uint256) {
        return uint256(genesisBlock) + uint256(epoch) * epochLength;
    }

    /// @notice The EIP-712 domain separator (also available piecewise through eip712Domain()).
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function _pull(address from, uint256 amount) internal {
        if (amount != 0) credit.safeTransferFrom(from, address(this), amount);
    }

    function _pay(address to, uint256 amount) internal {
        if (amount != 0) credit.safeTransfer(to, amount);
    }

    function _burn(uint256 amount) internal {
        if (amount != 0) credit.burn(amount);
    }

    function _toUint128(uint256 value) internal pure returns (uint128) {
        if (value > type(uint128).max) revert AmountTooLarge();
        return uint128(value);
    }
}
