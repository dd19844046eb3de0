// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {OperatorRegistry} from "./OperatorRegistry.sol";
import {Deal, DealStatus, Operator} from "./LedgerTypes.sol";

/// @notice Deals: propose (the owner escrows the whole price) -> activate with the operator's EIP-712
///         DealAcceptance -> active until its last epoch. A proposal never activated can be cancelled for a
///         full refund: by its owner at any time, or by anyone once it expired (its first epoch is over).
abstract contract DealBook is OperatorRegistry {
    bytes32 public constant DEAL_ACCEPTANCE_TYPEHASH = keccak256(
        "DealAcceptance(uint256 dealId,bytes32 root,uint64 size,uint64 firstEpoch,uint64 lastEpoch,uint256 pricePerEpoch)"
    );
    uint256 public constant MIN_SEGMENT_SIZE = 256;
    /// @notice Largest segment size: one dispute sample must fit the dispute answer budget.
    uint256 public constant MAX_SEGMENT_SIZE = 32 * 1024;

    /// @notice Number of deals proposed so far; deal ids are 1 ... dealCount.
    uint256 public dealCount;
    mapping(uint256 dealId => Deal) internal _deals;

    /// @notice Proposes a deal and escrows pricePerEpoch * (lastEpoch - firstEpoch + 1) from the caller,
    ///         who becomes its owner. Needs an allowance on the credit token.
    function propose(
        address operator,
        bytes32 root,
        uint64 size,
        uint32 segmentSize,
        uint16 samples,
        uint256 pricePerEpoch,
        uint64 firstEpoch,
        uint64 lastEpoch
    ) external nonReentrant returns (uint256 dealId) {
        if (size == 0) revert EmptyShard();
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE || segmentSize & (segmentSize - 1) != 0) {
            revert InvalidSegmentSize(segmentSize);
        }
        if (samples == 0) revert InvalidSamples(samples);
        if (lastEpoch < firstEpoch || lastEpoch == type(uint64).max) revert InvalidEpochRange(firstEpoch, lastEpoch);
        uint64 nowEpoch = currentEpoch();
        if (firstEpoch < nowEpoch) revert FirstEpochInPast(firstEpoch, nowEpoch);
        _requireEligible(operator);
        uint128 price = _toUint128(pricePerEpoch);
        uint256 escrow = _toUint128(pricePerEpoch * (uint256(lastEpoch) - firstEpoch + 1));

        dealId = ++dealCount;
        _deals[dealId] = Deal({
            owner: msg.sender,
            firstEpoch: firstEpoch,
            samples: samples,
            status: DealStatus.Proposed,
            operator: operator,
            lastEpoch: lastEpoch,
            segmentSize: segmentSize,
            root: root,
            size: size,
            pricePerEpoch: price,
            openDisputeId: 0
        });
        _pull(msg.sender, escrow);
        emit DealProposed(
            dealId, msg.sender, operator, root, size, segmentSize, samples, pricePerEpoch, firstEpoch, lastEpoch
        );
    }

    /// @notice Activates a proposal with the operator's EIP-712 DealAcceptance signature. Anyone may send
    ///         it; the proposal must not have expired and the operator must still be eligible.
    function activate(uint256 dealId, bytes calldata operatorSignature) external {
        Deal storage deal = _deals[dealId];
        if (deal.status != DealStatus.Proposed) revert DealNotProposed(dealId);
        uint64 firstEpoch = deal.firstEpoch;
        if (currentEpoch() > firstEpoch) revert ProposalExpired(dealId);
        address operator = deal.operator;
        uint64 lastEpoch = deal.lastEpoch;
        address signer = ECDSA.recoverCalldata(_acceptanceDigest(dealId, deal), operatorSignature);
        if (signer != operator) revert InvalidOperatorSignature(dealId, signer);
        Operator storage op = _requireEligible(operator);

        uint256 escrow = _escrowOf(deal);
        deal.status = DealStatus.Active;
        _noteDeal(op, lastEpoch);
        _hot.totalEscrowed = _toUint128(_hot.totalEscrowed + escrow);
        emit DealActivated(dealId, operator, escrow);
    }

    /// @notice Cancels a proposal that was never activated and refunds its whole escrow to the owner.
    function cancel(uint256 dealId) external nonReentrant {
        Deal storage deal = _deals[dealId];
        if (deal.status != DealStatus.Proposed) revert DealNotProposed(dealId);
        address owner = deal.owner;
        if (msg.sender != owner && currentEpoch() <= deal.firstEpoch) revert CancelNotAllowed(dealId);
        uint256 refund = _escrowOf(deal);
        deal.status = DealStatus.Cancelled;
        _pay(owner, refund);
        emit DealCancelled(dealId, owner, refund);
    }

    function getDeal(uint256 dealId) external view returns (Deal memory) {
        return _deals[dealId];
    }

    /// @notice The EIP-712 digest an operator signs to accept `dealId` (a convenience for clients).
    function dealAcceptanceDigest(uint256 dealId) external view returns (bytes32) {
        return _acceptanceDigest(dealId, _deals[dealId]);
    }

    function _escrowOf(Deal storage deal) private view returns (uint256) {
        return uint256(deal.pricePerEpoch) * (uint256(deal.lastEpoch) - deal.firstEpoch + 1);
    }

    function _acceptanceDigest(uint256 dealId, Deal storage deal) private view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    DEAL_ACCEPTANCE_TYPEHASH,
                    dealId,
                    deal.root,
                    deal.size,
                    deal.firstEpoch,
                    deal.lastEpoch,
                    uint256(deal.pricePerEpoch)
                )
            )
        );
    }
}
