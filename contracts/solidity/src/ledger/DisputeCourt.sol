// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {Challenges} from "../lib/Challenges.sol";
import {ShardProofs} from "../lib/ShardProofs.sol";
import {ICredit} from "./ICredit.sol";
import {IDisputeLedger} from "./IDisputeLedger.sol";
import {IShardLedgerErrors} from "./IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "./IShardLedgerEvents.sol";
import {AnswerLane, Deal, Dispute, DisputeStatus, DisputeTarget} from "./LedgerTypes.sol";

/// @notice On-chain disputes. Anyone posts the bond to challenge an active deal, as often as it likes: disputes
///         do not exclude each other and the sample count is the deal's, not the opener's (decision 0142). The
///         samples are drawn from blockhash(beaconBlock) with the dispute tag and epoch = dispute id. The operator
///         answers with the segments and their RFC 9162 paths in blocks beaconBlock + 1 ... beaconBlock +
///         answerWindow; a valid answer earns it the bond. Without one, anyone finalizes: the stake is slashed by
///         disputeSlash (capped by the stake), all of it burned, and the disputer gets its bond back.
///         Answer lanes (decision 0140): the disputes against one operator are batched by beacon block, at most
///         `batchLimit` per batch, and batches never share answer blocks; a dispute that finds the operator's
///         latest batch full or started goes into the next one, answerWindow blocks later. So however many are
///         opened at once, the operator never has more than batchLimit answers due in one window, which fit in
///         1/ANSWER_GAS_SHARE of the blocks of a chain with BLOCK_GAS at ANSWER_GAS_BOUND each.
///         A contract of its own next to the core ledger (which it is deployed by): it holds the bonds; the core
///         holds the stakes and slashes them. A dispute is bound to the operator's registration it was opened
///         against; the deal must be active and not ended to open one, and the operator cannot withdraw while one
///         is open.
contract DisputeCourt is IShardLedgerErrors, IShardLedgerEvents, ReentrancyGuardTransient {
    using SafeERC20 for ICredit;

    uint256 public constant MAX_DISPUTE_SAMPLES = 8;
    /// @notice Upper bound on samples * segmentSize, which keeps an answer's calldata well under 128 KiB.
    uint256 public constant MAX_DISPUTE_SEGMENT_BYTES = 32 * 1024;
    /// @notice Most gas one answer can take, the EIP-7623 calldata floor included: 32 KiB of segments and 8 paths
    ///         of 54 nodes are about 47 KB of calldata, 1.9M gas at the floor (docs/disputes.md).
    uint256 public constant ANSWER_GAS_BOUND = 2_000_000;
    /// @notice The block gas limit the lanes are sized for (a public chain's; more is only more room).
    uint256 public constant BLOCK_GAS = 30_000_000;
    /// @notice The operator's answers are sized to need at most 1/ANSWER_GAS_SHARE of every block of a window.
    uint256 public constant ANSWER_GAS_SHARE = 8;

    /// @notice Blocks after a dispute's beacon block during which the operator can answer: answers are accepted
    ///         in blocks beaconBlock + 1 ... beaconBlock + answerWindow.
    uint64 public immutable answerWindow;
    /// @notice Most disputes in one batch of an operator's lane: answerWindow * BLOCK_GAS / (ANSWER_GAS_SHARE *
    ///         ANSWER_GAS_BOUND), at least 1 (120 for a 64-block window).
    uint256 public immutable batchLimit;
    IDisputeLedger public immutable ledger;
    ICredit public immutable credit;

    uint256 public disputeCount;
    mapping(uint256 disputeId => Dispute) private _disputes;
    /// @notice The newest dispute opened against a deal while it is open (0: the newest one is closed). Others
    ///         may be open too: disputes do not exclude each other.
    mapping(uint256 dealId => uint256) public openDisputeOf;
    mapping(address operator => AnswerLane) private _lanes;

    constructor(IDisputeLedger ledger_, ICredit credit_, uint64 answerWindow_) {
        // blockhash(beaconBlock) must stay readable (256 blocks) until the last answer block.
        if (answerWindow_ == 0 || answerWindow_ > 255) revert InvalidParameters();
        answerWindow = answerWindow_;
        uint256 limit = answerWindow_ * BLOCK_GAS / (ANSWER_GAS_SHARE * ANSWER_GAS_BOUND);
        batchLimit = limit == 0 ? 1 : limit;
        ledger = ledger_;
        credit = credit_;
    }

    /// @notice Opens a dispute against an active deal, pulling the bond from the caller (who approves this
    ///         contract on the credit token). Its beacon block is the operator's next lane slot (laneOf).
    /// @param samples 0, or the deal's dispute sample count (disputeSamples): nobody picks a weaker dispute.
    function openDispute(uint256 dealId, uint8 samples) external nonReentrant returns (uint256 disputeId) {
        DisputeTarget memory target = ledger.onDisputeOpened(dealId);
        uint256 k = disputeSamples(target.segmentSize);
        if (samples != 0 && samples != k) revert InvalidDisputeSamples(samples);
        uint128 bond = ledger.economics().disputeBond;
        uint64 beaconBlock = _enqueue(target.operator);

        disputeId = ++disputeCount;
        _disputes[disputeId] = Dispute({
            disputer: msg.sender,
            beaconBlock: beaconBlock,
            samples: uint8(k),
            status: DisputeStatus.Open,
            dealId: uint64(dealId),
            bond: bond,
            registration: target.registration
        });
        openDisputeOf[dealId] = disputeId;
        credit.safeTransferFrom(msg.sender, address(this), bond);
        emit DisputeOpened(
            disputeId,
            dealId,
            target.operator,
            msg.sender,
            uint64(block.number),
            uint8(k),
            beaconBlock,
            beaconBlock + answerWindow,
            bond
        );
    }

    /// @notice The operator's answer: for sample i, the segment at challengeIndices(disputeId)[i]; `paths` is
    ///         the concatenation of the samples' RFC 9162 audit paths, in sample order, each exactly as long as
    ///         its index and the shard's segment count require (ShardProofs.pathLength). A flat array keeps the
    ///         calldata smaller than one array per sample. Reverts with InvalidSample(i) on the first sample
    ///         that does not verify.
    function answerDispute(uint256 disputeId, bytes[] calldata segments, bytes32[] calldata paths)
        external
        nonReentrant
    {
        Dispute storage dispute = _openDispute(disputeId);
        uint256 beaconBlock = dispute.beaconBlock;
        if (block.number <= beaconBlock) revert DisputeBeaconNotYetAvailable(disputeId);
        if (block.number > beaconBlock + answerWindow) revert AnswerWindowClosed(disputeId);
        uint256 dealId = dispute.dealId;
        Deal memory deal = ledger.getDeal(dealId);
        address operator = deal.operator;
        if (msg.sender != operator) revert NotDealOperator(msg.sender);
        uint256 k = dispute.samples;
        if (segments.length != k) revert WrongSampleCount(segments.length, k);

        _verifyAnswer(_disputeIndices(disputeId, dealId, deal, beaconBlock, k), deal, segments, paths);

        uint256 bond = dispute.bond;
        dispute.status = DisputeStatus.Answered;
        _closed(dealId, disputeId);
        ledger.onDisputeClosed(operator, dispute.registration, false);
        _pay(operator, bond);
        emit DisputeAnswered(disputeId, dealId, operator, bond);
    }

    /// @notice After the answer window closed without a valid answer: the core ledger slashes and burns; the
    ///         bond goes back to the disputer. If the operator's registration is no longer the one the dispute was
    ///         opened against, the dispute expires instead (bond back, nothing slashed).
    function finalizeDispute(uint256 disputeId) external nonReentrant {
        Dispute storage dispute = _openDispute(disputeId);
        if (block.number <= dispute.beaconBlock + answerWindow) revert AnswerWindowOpen(disputeId);
        uint256 dealId = dispute.dealId;
        address operator = ledger.getDeal(dealId).operator;
        uint256 bond = dispute.bond;
        _closed(dealId, disputeId);
        (bool live, uint256 slashed) = ledger.onDisputeClosed(operator, dispute.registration, true);
        _pay(dispute.disputer, bond);
        if (!live) {
            dispute.status = DisputeStatus.Expired;
            emit DisputeExpired(disputeId, dealId, operator, bond);
            return;
        }
        dispute.status = DisputeStatus.Upheld;
        emit DisputeUpheld(disputeId, dealId, operator, slashed, 0, slashed);
    }

    /// @notice The segment indices the operator must answer with. Needs blockhash(beaconBlock), so it works
    ///         from block beaconBlock + 1 until 256 blocks after beaconBlock.
    function challengeIndices(uint256 disputeId) external view returns (uint256[] memory) {
        Dispute storage dispute = _disputes[disputeId];
        if (dispute.status == DisputeStatus.None) revert DisputeNotOpen(disputeId);
        uint256 dealId = dispute.dealId;
        uint256 beaconBlock = dispute.beaconBlock;
        if (block.number <= beaconBlock) revert DisputeBeaconNotYetAvailable(disputeId);
        return _disputeIndices(disputeId, dealId, ledger.getDeal(dealId), beaconBlock, dispute.samples);
    }

    function getDispute(uint256 disputeId) external view returns (Dispute memory) {
        return _disputes[disputeId];
    }

    /// @notice The operator's latest batch: its beacon block and how many disputes it holds.
    function laneOf(address operator) external view returns (AnswerLane memory) {
        return _lanes[operator];
    }

    /// @notice The samples every dispute against a deal with this segment size has: as many as the answer budget
    ///         allows, MAX_DISPUTE_SAMPLES up to 4 KiB segments, 1 at 32 KiB.
    function disputeSamples(uint256 segmentSize) public pure returns (uint256) {
        uint256 k = MAX_DISPUTE_SEGMENT_BYTES / segmentSize;
        return k > MAX_DISPUTE_SAMPLES ? MAX_DISPUTE_SAMPLES : k;
    }

    function _verifyAnswer(
        uint256[] memory indices,
        Deal memory deal,
        bytes[] calldata segments,
        bytes32[] calldata paths
    ) private view {
        uint256 n = ShardProofs.segmentCount(deal.size, deal.segmentSize);
        uint256 nodes;
        for (uint256 i; i < indices.length; ++i) {
            nodes += ShardProofs.pathLength(indices[i], n);
        }
        if (paths.length != nodes) revert WrongPathNodeCount(paths.length, nodes);
        uint256 offset;
        for (uint256 i; i < indices.length; ++i) {
            uint256 end = offset + ShardProofs.pathLength(indices[i], n);
            if (!_verifySample(deal, indices[i], segments[i], paths[offset:end])) revert InvalidSample(i);
            offset = end;
        }
    }

    function _verifySample(Deal memory deal, uint256 index, bytes calldata segment, bytes32[] calldata path)
        private
        view
        returns (bool)
    {
        return ShardProofs.verifySegment(deal.root, deal.size, deal.segmentSize, index, segment, path);
    }

    function _openDispute(uint256 disputeId) private view returns (Dispute storage dispute) {
        dispute = _disputes[disputeId];
        if (dispute.status != DisputeStatus.Open) revert DisputeNotOpen(disputeId);
    }

    /// @dev The beacon block of a new dispute against `operator`: its latest batch while that batch's beacon block
    ///      is still ahead and it has room; else a new batch at the next block, but never within answerWindow
    ///      blocks of the previous batch's beacon block, so no two batches have an answer block in common.
    function _enqueue(address operator) private returns (uint64) {
        AnswerLane storage lane = _lanes[operator];
        uint256 beacon = lane.beaconBlock;
        if (beacon > block.number && lane.count < batchLimit) {
            ++lane.count;
            return uint64(beacon);
        }
        uint256 next = block.number + 1;
        if (beacon != 0 && beacon + answerWindow > next) next = beacon + answerWindow;
        lane.beaconBlock = uint64(next);
        lane.count = 1;
        return uint64(next);
    }

    function _closed(uint256 dealId, uint256 disputeId) private {
        if (openDisputeOf[dealId] == disputeId) openDisputeOf[dealId] = 0;
    }

    function _disputeIndices(uint256 disputeId, uint256 dealId, Deal memory deal, uint256 beaconBlock, uint256 k)
        private
        view
        returns (uint256[] memory)
    {
        return Challenges.indices(
            Challenges.DISPUTE_TAG,
            blockhash(beaconBlock),
            block.chainid,
            dealId,
            disputeId,
            ShardProofs.segmentCount(deal.size, deal.segmentSize),
            k
        );
    }

    function _pay(address to, uint256 amount) private {
        if (amount != 0) credit.safeTransfer(to, amount);
    }
}
