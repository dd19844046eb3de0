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
import {Deal, Dispute, DisputeStatus, DisputeTarget} from "./LedgerTypes.sol";

/// @notice On-chain disputes. Anyone posts the bond to challenge an active deal; the samples are drawn
///         from blockhash(openBlock + 1) with the dispute tag and epoch = dispute id. The operator answers
///         with the segments and their RFC 9162 paths within `answerWindow` blocks after that block; a valid
///         answer earns it the bond. Without one, anyone finalizes: the stake is slashed by disputeSlash
///         (capped by the stake), the disputer gets the bond back plus min(disputeReward, slashed), and the
///         rest of the slash is burned. A contract of its own next to the core ledger (which it is deployed by):
///         it holds the bonds; the core holds the stakes, slashes them and pays the reward. A dispute is bound to
///         the operator's registration it was opened against; the deal must be active and not ended to open one,
///         and the operator cannot withdraw while one is open.
contract DisputeCourt is IShardLedgerErrors, IShardLedgerEvents, ReentrancyGuardTransient {
    using SafeERC20 for ICredit;

    uint256 public constant DEFAULT_DISPUTE_SAMPLES = 4;
    uint256 public constant MAX_DISPUTE_SAMPLES = 8;
    /// @notice Upper bound on samples * segmentSize, which keeps an answer's calldata well under 128 KiB.
    uint256 public constant MAX_DISPUTE_SEGMENT_BYTES = 32 * 1024;

    /// @notice Blocks after blockhash(openBlock + 1) becomes readable during which the operator can answer:
    ///         answers are accepted in blocks openBlock + 2 ... openBlock + 1 + answerWindow.
    uint64 public immutable answerWindow;
    IDisputeLedger public immutable ledger;
    ICredit public immutable credit;

    uint256 public disputeCount;
    mapping(uint256 disputeId => Dispute) private _disputes;
    /// @notice The dispute currently open against a deal (0: none).
    mapping(uint256 dealId => uint256) public openDisputeOf;

    constructor(IDisputeLedger ledger_, ICredit credit_, uint64 answerWindow_) {
        // blockhash(openBlock + 1) must stay readable (256 blocks) until the last answer block.
        if (answerWindow_ == 0 || answerWindow_ > 255) revert InvalidParameters();
        answerWindow = answerWindow_;
        ledger = ledger_;
        credit = credit_;
    }

    /// @notice Opens a dispute against an active deal, pulling the bond from the caller (who approves this
    ///         contract on the credit token).
    /// @param samples how many segments the operator must produce; 0 means DEFAULT_DISPUTE_SAMPLES.
    function openDispute(uint256 dealId, uint8 samples) external nonReentrant returns (uint256 disputeId) {
        DisputeTarget memory target = ledger.onDisputeOpened(dealId);
        uint256 open = openDisputeOf[dealId];
        if (open != 0) revert DisputeAlreadyOpen(dealId, open);
        uint256 k = samples == 0 ? DEFAULT_DISPUTE_SAMPLES : samples;
        if (k > MAX_DISPUTE_SAMPLES || k * target.segmentSize > MAX_DISPUTE_SEGMENT_BYTES) {
            revert InvalidDisputeSamples(k);
        }
        uint128 bond = ledger.economics().disputeBond;

        disputeId = ++disputeCount;
        _disputes[disputeId] = Dispute({
            disputer: msg.sender,
            openBlock: uint64(block.number),
            samples: uint8(k),
            status: DisputeStatus.Open,
            dealId: uint64(dealId),
            bond: bond,
            registration: target.registration
        });
        openDisputeOf[dealId] = disputeId;
        credit.safeTransferFrom(msg.sender, address(this), bond);
        emit DisputeOpened(
            disputeId, dealId, target.operator, msg.sender, uint64(block.number), uint8(k), _deadline(block.number), bond
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
        uint256 openBlock = dispute.openBlock;
        if (block.number < openBlock + 2) revert DisputeBeaconNotYetAvailable(disputeId);
        if (block.number > _deadline(openBlock)) revert AnswerWindowClosed(disputeId);
        uint256 dealId = dispute.dealId;
        Deal memory deal = ledger.getDeal(dealId);
        address operator = deal.operator;
        if (msg.sender != operator) revert NotDealOperator(msg.sender);
        uint256 k = dispute.samples;
        if (segments.length != k) revert WrongSampleCount(segments.length, k);

        _verifyAnswer(_disputeIndices(disputeId, dealId, deal, openBlock, k), deal, segments, paths);

        uint256 bond = dispute.bond;
        dispute.status = DisputeStatus.Answered;
        openDisputeOf[dealId] = 0;
        ledger.onDisputeClosed(operator, dispute.registration, false, dispute.disputer);
        _pay(operator, bond);
        emit DisputeAnswered(disputeId, dealId, operator, bond);
    }

    /// @notice After the answer window closed without a valid answer: slash, reward, burn the rest (the core
    ///         ledger does those). If the operator's registration is no longer the one the dispute was opened
    ///         against, the dispute expires instead and the bond goes back to the disputer.
    function finalizeDispute(uint256 disputeId) external nonReentrant {
        Dispute storage dispute = _openDispute(disputeId);
        if (block.number <= _deadline(dispute.openBlock)) revert AnswerWindowOpen(disputeId);
        uint256 dealId = dispute.dealId;
        address operator = ledger.getDeal(dealId).operator;
        address disputer = dispute.disputer;
        uint256 bond = dispute.bond;
        openDisputeOf[dealId] = 0;
        (bool live, uint256 slashed, uint256 reward) =
            ledger.onDisputeClosed(operator, dispute.registration, true, disputer);
        _pay(disputer, bond);
        if (!live) {
            dispute.status = DisputeStatus.Expired;
            emit DisputeExpired(disputeId, dealId, operator, bond);
            return;
        }
        dispute.status = DisputeStatus.Upheld;
        emit DisputeUpheld(disputeId, dealId, operator, slashed, reward, slashed - reward);
    }

    /// @notice The segment indices the operator must answer with. Needs blockhash(openBlock + 1), so it
    ///         works from block openBlock + 2 until 256 blocks after openBlock + 1.
    function challengeIndices(uint256 disputeId) external view returns (uint256[] memory) {
        Dispute storage dispute = _disputes[disputeId];
        if (dispute.status == DisputeStatus.None) revert DisputeNotOpen(disputeId);
        uint256 dealId = dispute.dealId;
        uint256 openBlock = dispute.openBlock;
        if (block.number < openBlock + 2) revert DisputeBeaconNotYetAvailable(disputeId);
        return _disputeIndices(disputeId, dealId, ledger.getDeal(dealId), openBlock, dispute.samples);
    }

    function getDispute(uint256 disputeId) external view returns (Dispute memory) {
        return _disputes[disputeId];
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

    function _deadline(uint256 openBlock) private view returns (uint64) {
        return uint64(openBlock + 1 + answerWindow);
    }

    function _disputeIndices(uint256 disputeId, uint256 dealId, Deal memory deal, uint256 openBlock, uint256 k)
        private
        view
        returns (uint256[] memory)
    {
        return Challenges.indices(
            Challenges.DISPUTE_TAG,
            blockhash(openBlock + 1),
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
