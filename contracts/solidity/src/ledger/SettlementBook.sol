// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

import {Governance} from "./Governance.sol";
import {OperatorRegistry} from "./OperatorRegistry.sol";
import {Slash} from "./LedgerTypes.sol";

/// @notice Quorum settlement of cumulative payout roots, and claims against them.
///         Settlement slashes are capped by the stake and burned in full (docs/decisions/0011).
///         A claim proof is accepted against the latest root and the one before it (docs/decisions/0012).
abstract contract SettlementBook is Governance, OperatorRegistry {
    bytes32 public constant SETTLEMENT_TYPEHASH =
        keccak256("Settlement(uint64 epoch,bytes32 payoutRoot,uint256 cumulativeTotal,bytes32 slashesHash)");

    /// @dev Packed: the settled total and what has been claimed of it.
    struct Totals {
        uint128 cumulativeTotal;
        uint128 totalClaimed;
    }

    bytes32 public latestRoot;
    bytes32 public previousRoot;
    Totals private _totals;
    mapping(address account => uint256) public claimed;

    /// @notice Settles `epoch` with a payout root signed by at least t current verifiers (signatures
    ///         ordered by ascending signer address), and applies its slashes.
    function settle(
        uint64 epoch,
        bytes32 payoutRoot,
        uint256 newCumulativeTotal,
        Slash[] calldata slashes,
        bytes[] calldata signatures
    ) external nonReentrant {
        HotState memory hot = _hot;
        if (epoch < hot.settledThrough) revert EpochAlreadySettled(epoch);
        if (epoch >= currentEpoch()) revert EpochNotEnded(epoch);
        uint256 previousTotal = _totals.cumulativeTotal;
        if (newCumulativeTotal < previousTotal) revert CumulativeTotalDecreased(newCumulativeTotal, previousTotal);
        if (newCumulativeTotal > hot.totalEscrowed) revert CumulativeTotalAboveEscrow(newCumulativeTotal, hot.totalEscrowed);

        bytes32 slashesHash = hashSlashes(slashes);
        bytes32 digest = _hashTypedDataV4(
            keccak256(abi.encode(SETTLEMENT_TYPEHASH, epoch, payoutRoot, newCumulativeTotal, slashesHash))
        );
        _checkQuorum(digest, signatures, hot.threshold);

        _hot.settledThrough = epoch + 1;
        _totals.cumulativeTotal = uint128(newCumulativeTotal);
        previousRoot = latestRoot;
        latestRoot = payoutRoot;
        emit Settled(epoch, payoutRoot, newCumulativeTotal, slashesHash);

        if (slashes.length != 0) {
            uint256 burned;
            for (uint256 i; i < slashes.length; ++i) {
                Slash calldata slash = slashes[i];
                uint256 taken = _slashStake(slash.operator, slash.amount);
                burned += taken;
                emit SettlementSlash(epoch, slash.operator, slash.amount, taken);
            }
            _burn(burned);
        }
    }

    /// @notice Pays `account` its cumulative payout minus what it already claimed. Anyone may send it;
    ///         the credits always go to `account`.
    function claim(address account, uint256 cumulativeAmount, bytes32[] calldata proof) external nonReentrant {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))));
        bytes32 root = MerkleProof.processProofCalldata(proof, leaf);
        if (root != latestRoot && root != previousRoot) revert InvalidClaimProof();
        uint256 already = claimed[account];
        if (cumulativeAmount <= already) revert NothingToClaim(account, cumulativeAmount, already);
        uint256 amount = cumulativeAmount - already;
        Totals memory totals = _totals;
        uint256 claimedAfter = totals.totalClaimed + amount;
        if (claimedAfter > totals.cumulativeTotal) {
            revert ClaimsExceedSettledTotal(claimedAfter, totals.cumulativeTotal);
        }
        claimed[account] = cumulativeAmount;
        _totals.totalClaimed = uint128(claimedAfter);
        _pay(account, amount);
        emit Claimed(account, amount, cumulativeAmount);
    }

    /// @notice keccak256 of the concatenated abi.encode(operator, amount) of each slash, in order
    ///         (keccak256("") for none): the slashesHash of the Settlement message.
    function hashSlashes(Slash[] calldata slashes) public pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let length := mul(slashes.length, 0x40)
            let ptr := mload(0x40)
            calldatacopy(ptr, slashes.offset, length)
            h := keccak256(ptr, length)
        }
    }

    /// @notice 1 + the last settled epoch; 0 before the first settlement. The next settle must be for an
    ///         epoch at least this.
    function settledThrough() external view returns (uint64) {
        return _hot.settledThrough;
    }

    function cumulativeTotal() external view returns (uint256) {
        return _totals.cumulativeTotal;
    }

    function totalClaimed() external view returns (uint256) {
        return _totals.totalClaimed;
    }

    function totalEscrowed() external view returns (uint256) {
        return _hot.totalEscrowed;
    }
}
