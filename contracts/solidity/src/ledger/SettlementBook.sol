// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

import {DealBook} from "./DealBook.sol";
import {Governance} from "./Governance.sol";
import {Deal, DealStatus, EndCause, Slash} from "./LedgerTypes.sol";

/// @notice Quorum settlement of cumulative payout roots (Settlement v2: it names the state it starts from and
///         the deals it terminates), and claims against them.
///         Settlement slashes are capped by the stake and burned in full (docs/decisions/0011).
///         A claim proof is accepted against the latest root and the one before it (docs/decisions/0012).
abstract contract SettlementBook is Governance, DealBook {
    bytes32 public constant SETTLEMENT_TYPEHASH = keccak256(
        "Settlement(uint64 fromEpoch,uint64 epoch,bytes32 payoutRoot,uint256 cumulativeTotal,bytes32 slashesHash,bytes32 terminationsHash)"
    );

    /// @dev Packed: the settled total and what has been claimed of it.
    struct Totals {
        uint128 cumulativeTotal;
        uint128 totalClaimed;
    }

    bytes32 public latestRoot;
    bytes32 public previousRoot;
    Totals private _totals;
    mapping(address account => uint256) public claimed;

    /// @notice Settles epochs fromEpoch ... epoch with a payout root signed by at least t current verifiers
    ///         (signatures ordered by ascending signer address), applies its slashes and ends the deals it
    ///         terminates. fromEpoch must be settledThrough: a settlement computed from an older state cannot land.
    function settle(
        uint64 fromEpoch,
        uint64 epoch,
        bytes32 payoutRoot,
        uint256 newCumulativeTotal,
        Slash[] calldata slashes,
        uint256[] calldata terminations,
        bytes[] calldata signatures
    ) external nonReentrant {
        uint256 t = _checkOrder(fromEpoch, epoch, newCumulativeTotal);
        (bytes32 digest, bytes32 slashesHash, bytes32 terminationsHash) =
            _digest(fromEpoch, epoch, payoutRoot, newCumulativeTotal, slashes, terminations);
        _checkQuorum(digest, signatures, t);

        _hot.settledThrough = epoch + 1;
        _totals.cumulativeTotal = uint128(newCumulativeTotal);
        previousRoot = latestRoot;
        latestRoot = payoutRoot;
        emit Settled(epoch, fromEpoch, payoutRoot, newCumulativeTotal, slashesHash, terminationsHash);
        if (slashes.length != 0) _applySlashes(epoch, slashes);
        if (terminations.length != 0) _applyTerminations(epoch, terminations);
    }

    /// @dev Reverts unless the settlement starts at settledThrough, is for an ended epoch, and its total neither
    ///      decreases nor exceeds the escrow; returns the threshold.
    function _checkOrder(uint64 fromEpoch, uint64 epoch, uint256 newCumulativeTotal) private view returns (uint256) {
        HotState memory hot = _hot;
        if (epoch < hot.settledThrough) revert EpochAlreadySettled(epoch);
        if (fromEpoch != hot.settledThrough) revert WrongFromEpoch(fromEpoch, hot.settledThrough);
        if (epoch >= currentEpoch()) revert EpochNotEnded(epoch);
        uint256 previousTotal = _totals.cumulativeTotal;
        if (newCumulativeTotal < previousTotal) revert CumulativeTotalDecreased(newCumulativeTotal, previousTotal);
        if (newCumulativeTotal > hot.totalEscrowed) revert CumulativeTotalAboveEscrow(newCumulativeTotal, hot.totalEscrowed);
        return hot.threshold;
    }

    function _digest(
        uint64 fromEpoch,
        uint64 epoch,
        bytes32 payoutRoot,
        uint256 newCumulativeTotal,
        Slash[] calldata slashes,
        uint256[] calldata terminations
    ) private view returns (bytes32 digest, bytes32 slashesHash, bytes32 terminationsHash) {
        slashesHash = hashSlashes(slashes);
        terminationsHash = hashTerminations(terminations);
        digest = _hashTypedDataV4(
            keccak256(
                abi.encode(
                    SETTLEMENT_TYPEHASH, fromEpoch, epoch, payoutRoot, newCumulativeTotal, slashesHash, terminationsHash
                )
            )
        );
    }

    function _applySlashes(uint64 epoch, Slash[] calldata slashes) private {
        uint256 burned;
        for (uint256 i; i < slashes.length; ++i) {
            Slash calldata slash = slashes[i];
            uint256 taken = _slashStake(slash.operator, slash.amount);
            burned += taken;
            emit SettlementSlash(epoch, slash.operator, slash.amount, taken);
        }
        _burn(burned);
    }

    /// @dev Ends each terminated deal, paid through min(its end epoch, epoch); one its owner ended first, or that
    ///      was closed, stays as it is.
    function _applyTerminations(uint64 epoch, uint256[] calldata terminations) private {
        for (uint256 i; i < terminations.length; ++i) {
            uint256 dealId = terminations[i];
            Deal storage deal = _deals[dealId];
            DealStatus status = deal.status;
            if (status == DealStatus.Ended) continue;
            if (status != DealStatus.Active) revert NotTerminable(dealId);
            uint64 lastPaid = deal.endEpoch;
            _end(dealId, deal, lastPaid < epoch ? lastPaid : epoch, EndCause.Terminated);
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
        uint256 offset;
        assembly ("memory-safe") {
            offset := slashes.offset
        }
        return _keccakCalldata(offset, slashes.length * 0x40);
    }

    /// @notice keccak256 of the concatenated 32-byte deal ids, in order (keccak256("") for none): the
    ///         terminationsHash of the Settlement message.
    function hashTerminations(uint256[] calldata dealIds) public pure returns (bytes32) {
        uint256 offset;
        assembly ("memory-safe") {
            offset := dealIds.offset
        }
        return _keccakCalldata(offset, dealIds.length * 0x20);
    }

    /// @dev keccak256 of `length` bytes of calldata from `offset` (static elements only: they are contiguous).
    function _keccakCalldata(uint256 offset, uint256 length) private pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, offset, length)
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
