// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {OperatorRegistry} from "./OperatorRegistry.sol";
import {Deal, DealStatus, DealTerms, DisputeTarget, EndCause, Operator, OperatorStatus} from "./LedgerTypes.sol";

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
    /// @notice Most deals one proposeBatch or activateBatch takes: 64 proposals cost about 10 M gas.
    uint256 public constant MAX_BATCH = 64;

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
        uint256 escrow;
        (dealId, escrow) = _propose(
            DealTerms(operator, root, size, segmentSize, samples, pricePerEpoch, firstEpoch, lastEpoch)
        );
        _pull(msg.sender, escrow);
    }

    /// @notice Proposes up to MAX_BATCH deals in one transaction (all or none), pulling their escrow at once.
    ///         Their ids are consecutive: firstDealId ... firstDealId + terms.length - 1.
    function proposeBatch(DealTerms[] calldata terms) external nonReentrant returns (uint256 firstDealId) {
        uint256 n = _batchSize(terms.length, terms.length);
        uint256 escrow;
        for (uint256 i; i < n; ++i) {
            (, uint256 e) = _propose(terms[i]);
            escrow += e;
        }
        _pull(msg.sender, escrow);
        return dealCount - n + 1;
    }

    /// @notice Activates a proposal with the operator's EIP-712 DealAcceptance signature. Anyone may send it;
    ///         the proposal must not have expired and the operator must still be eligible.
    function activate(uint256 dealId, bytes calldata operatorSignature) external {
        _activate(dealId, operatorSignature);
    }

    /// @notice Activates up to MAX_BATCH proposals in one transaction (all or none): dealIds[i] with signatures[i].
    function activateBatch(uint256[] calldata dealIds, bytes[] calldata signatures) external {
        uint256 n = _batchSize(dealIds.length, signatures.length);
        for (uint256 i; i < n; ++i) {
            _activate(dealIds[i], signatures[i]);
        }
    }

    function _propose(DealTerms memory t) private returns (uint256 dealId, uint256 escrow) {
        if (t.size == 0) revert EmptyShard();
        if (t.size > maxShardSize) revert ShardTooLarge(t.size, maxShardSize);
        uint32 segmentSize = t.segmentSize;
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE || segmentSize & (segmentSize - 1) != 0) {
            revert InvalidSegmentSize(segmentSize);
        }
        if (t.samples == 0) revert InvalidSamples(t.samples);
        if (t.lastEpoch < t.firstEpoch) revert InvalidEpochRange(t.firstEpoch, t.lastEpoch);
        uint64 nowEpoch = currentEpoch();
        if (t.firstEpoch < nowEpoch) revert FirstEpochInPast(t.firstEpoch, nowEpoch);
        if (uint256(t.lastEpoch) - nowEpoch >= maxDealEpochs) {
            revert DealTooLong(uint256(t.lastEpoch) - nowEpoch + 1, maxDealEpochs);
        }
        _requireEligible(t.operator);
        escrow = _toUint128(t.pricePerEpoch * (uint256(t.lastEpoch) - t.firstEpoch + 1));

        dealId = ++dealCount;
        _deals[dealId] = Deal({
            owner: msg.sender,
            firstEpoch: t.firstEpoch,
            samples: t.samples,
            status: DealStatus.Proposed,
            operator: t.operator,
            lastEpoch: t.lastEpoch,
            segmentSize: segmentSize,
            root: t.root,
            size: t.size,
            pricePerEpoch: _toUint128(t.pricePerEpoch),
            endEpoch: t.lastEpoch
        });
        emit DealProposed(
            dealId,
            t.operator,
            t.root,
            msg.sender,
            t.size,
            segmentSize,
            t.samples,
            t.pricePerEpoch,
            t.firstEpoch,
            t.lastEpoch
        );
    }

    function _activate(uint256 dealId, bytes calldata operatorSignature) private {
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

    /// @dev A batch's length: 1 ... MAX_BATCH, and its two arrays equally long.
    function _batchSize(uint256 length, uint256 otherLength) private pure returns (uint256) {
        if (length == 0 || length > MAX_BATCH || length != otherLength) revert InvalidBatch(length, otherLength);
        return length;
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
