// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {OperatorRegistry} from "./OperatorRegistry.sol";
import {Deal, DealStatus, DisputeTarget, EndCause, Operator, OperatorStatus} from "./LedgerTypes.sol";

/// @notice Deals: Proposed (the owner escrows the whole price) -> Active (with the operator's EIP-712
///         DealAcceptance) -> Ended. A deal ends when its owner ends it (endDeal: paid through the current epoch,
///         the rest refunded through the payout tree), when the signed settlement terminates it, or when anyone
///         closes it after its period is settled. A proposal never activated can be cancelled for a full refund:
///         by its owner at any time, or by anyone once it expired (its first epoch is over).
abstract contract DealBook is OperatorRegistry {
    bytes32 public constant DEAL_ACCEPTANCE_TYPEHASH = keccak256(
        "DealAcceptance(uint256 dealId,bytes32 root,uint64 size,uint64 firstEpoch,uint64 lastEpoch,uint256 pricePerEpoch)"
    );
    uint256 public constant MIN_SEGMENT_SIZE = 256;
    /// @notice Largest segment size: one dispute sample must fit the dispute answer budget.
    uint256 public constant MAX_SEGMENT_SIZE = 32 * 1024;

    /// @notice Longest deal in epochs, counted from the epoch of the proposal to its last epoch.
    uint64 public immutable maxDealEpochs;
    /// @notice Largest shard in bytes.
    uint64 public immutable maxShardSize;
    /// @notice The dispute court: the only caller of the dispute hooks.
    address public immutable disputeCourt;

    /// @notice Number of deals proposed so far; deal ids are 1 ... dealCount.
    uint256 public dealCount;
    mapping(uint256 dealId => Deal) internal _deals;

    constructor(uint64 maxDealEpochs_, uint64 maxShardSize_, address disputeCourt_) {
        if (maxDealEpochs_ == 0 || maxDealEpochs_ > MAX_BOUND || maxShardSize_ == 0 || maxShardSize_ > MAX_BOUND) {
            revert InvalidParameters();
        }
        maxDealEpochs = maxDealEpochs_;
        maxShardSize = maxShardSize_;
        disputeCourt = disputeCourt_;
    }

    modifier onlyDisputeCourt() {
        if (msg.sender != disputeCourt) revert NotDisputeCourt(msg.sender);
        _;
    }

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
        if (size > maxShardSize) revert ShardTooLarge(size, maxShardSize);
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE || segmentSize & (segmentSize - 1) != 0) {
            revert InvalidSegmentSize(segmentSize);
        }
        if (samples == 0) revert InvalidSamples(samples);
        if (lastEpoch < firstEpoch) revert InvalidEpochRange(firstEpoch, lastEpoch);
        uint64 nowEpoch = currentEpoch();
        if (firstEpoch < nowEpoch) revert FirstEpochInPast(firstEpoch, nowEpoch);
        if (uint256(lastEpoch) - nowEpoch >= maxDealEpochs) {
            revert DealTooLong(uint256(lastEpoch) - nowEpoch + 1, maxDealEpochs);
        }
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
            endEpoch: lastEpoch
        });
        _pull(msg.sender, escrow);
        emit DealProposed(
            dealId, operator, root, msg.sender, size, segmentSize, samples, pricePerEpoch, firstEpoch, lastEpoch
        );
    }

    /// @notice Activates a proposal with the operator's EIP-712 DealAcceptance signature. Anyone may send it;
    ///         the proposal must not have expired and the operator must still be eligible.
    function activate(uint256 dealId, bytes calldata operatorSignature) external {
        Deal storage deal = _deals[dealId];
        if (deal.status != DealStatus.Proposed) revert DealNotProposed(dealId);
        if (currentEpoch() > deal.firstEpoch) revert ProposalExpired(dealId);
        address operator = deal.operator;
        address signer = ECDSA.recoverCalldata(_acceptanceDigest(dealId, deal), operatorSignature);
        if (signer != operator) revert InvalidOperatorSignature(dealId, signer);
        Operator storage op = _requireEligible(operator);

        uint256 escrow = _escrowOf(deal);
        deal.status = DealStatus.Active;
        ++op.activeDeals;
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

    /// @notice The owner ends an active deal: it is paid through the current epoch (nothing if it has not
    ///         started), and the settlement refunds the price of the rest to the owner through the payout tree.
    function endDeal(uint256 dealId) external {
        Deal storage deal = _deals[dealId];
        if (msg.sender != deal.owner) revert NotDealOwner(dealId, msg.sender);
        uint64 nowEpoch = currentEpoch();
        if (deal.status != DealStatus.Active || nowEpoch > deal.endEpoch) revert DealNotActive(dealId);
        uint64 first = deal.firstEpoch;
        // a deal that has not started yet is paid for no epoch: it ends "before" its first epoch
        _end(dealId, deal, nowEpoch < first ? first - 1 : nowEpoch, EndCause.Owner);
    }

    /// @notice Anyone closes an active deal whose period is over and settled, so that it no longer counts
    ///         against its operator's exit.
    function closeDeal(uint256 dealId) external {
        Deal storage deal = _deals[dealId];
        if (deal.status != DealStatus.Active) revert DealNotActive(dealId);
        uint64 endEpoch = deal.endEpoch;
        uint64 settled = _hot.settledThrough;
        if (settled <= endEpoch) revert DealNotOver(dealId, endEpoch, settled);
        _end(dealId, deal, endEpoch, EndCause.Expired);
    }

    // ---- the dispute court's hooks ----------------------------------------------------------------------

    /// @notice Called by the dispute court when a dispute opens: the deal must be active and within its period;
    ///         the operator's open-dispute count goes up (it cannot withdraw while a dispute is open).
    function onDisputeOpened(uint256 dealId) external onlyDisputeCourt returns (DisputeTarget memory target) {
        Deal storage deal = _deals[dealId];
        if (deal.status != DealStatus.Active || currentEpoch() > deal.endEpoch) revert DealNotActive(dealId);
        address operator = deal.operator;
        Operator storage op = _operator(operator);
        ++op.openDisputes;
        return DisputeTarget({operator: operator, registration: op.registration, segmentSize: deal.segmentSize});
    }

    /// @notice Called by the dispute court when a dispute closes. Upheld against the registration it was opened
    ///         against: slash disputeSlash (capped by the stake) and burn all of it; nobody is paid out of a stake
    ///         through a dispute (decision 0141). A dispute whose registration is gone touches nothing.
    /// @return live whether the registration the dispute was opened against is still the operator's
    function onDisputeClosed(address operator, uint64 registration, bool upheld)
        external
        onlyDisputeCourt
        nonReentrant
        returns (bool live, uint256 slashed)
    {
        Operator storage op = _operator(operator);
        if (op.status == OperatorStatus.None || op.registration != registration) return (false, 0);
        --op.openDisputes;
        if (upheld) {
            slashed = _slashStake(operator, _economics.disputeSlash);
            _burn(slashed);
        }
        return (true, slashed);
    }

    function getDeal(uint256 dealId) external view returns (Deal memory) {
        return _deals[dealId];
    }

    /// @notice The EIP-712 digest an operator signs to accept `dealId` (a convenience for clients).
    function dealAcceptanceDigest(uint256 dealId) external view returns (bytes32) {
        return _acceptanceDigest(dealId, _deals[dealId]);
    }

    /// @dev Ends an active deal paid through `endEpoch`.
    function _end(uint256 dealId, Deal storage deal, uint64 endEpoch, EndCause cause) internal {
        deal.status = DealStatus.Ended;
        deal.endEpoch = endEpoch;
        address operator = deal.operator;
        _retireDeal(operator, endEpoch);
        emit DealEnded(dealId, operator, endEpoch, uint8(cause));
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
