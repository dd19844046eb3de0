// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Challenges} from "../lib/Challenges.sol";
import {ShardProofs} from "../lib/ShardProofs.sol";
import {DealBook} from "./DealBook.sol";
import {Deal, DealStatus, Dispute, DisputeStatus, Economics} from "./LedgerTypes.sol";

/// @notice On-chain disputes. Anyone posts the bond to challenge an active deal; the samples are drawn
///         from blockhash(openBlock + 1) with the dispute tag and epoch = dispute id. The operator answers
///         with the segments and their RFC 9162 paths within `answerWindow` blocks after that block; a valid
///         answer earns it the bond. Without one, anyone finalizes: the stake is slashed by disputeSlash
///         (capped by the stake), the disputer gets the bond back plus min(disputeReward, slashed), and the
///         rest of the slash is burned.
abstract contract DisputeCourt is DealBook {
    uint256 public constant DEFAULT_DISPUTE_SAMPLES = 4;
    uint256 public constant MAX_DISPUTE_SAMPLES = 8;
    /// @notice Upper bound on samples * segmentSize, which keeps an answer's calldata well under 128 KiB.
    uint256 public constant MAX_DISPUTE_SEGMENT_BYTES = 32 * 1024;

    /// @notice Blocks after blockhash(openBlock + 1) becomes readable during which the operator can answer:
    ///         answers are accepted in blocks openBlock + 2 ... openBlock + 1 + answerWindow.
    uint64 public immutable answerWindow;

    uint256 public disputeCount;
    mapping(uint256 disputeId => Dispute) private _disputes;

    constructor(uint64 answerWindow_) {
        // blockhash(openBlock + 1) must stay readable (256 blocks) until the last answer block.
        if (answerWindow_ == 0 || answerWindow_ > 255) revert InvalidParameters();
        answerWindow = answerWindow_;
    }

    /// @notice Opens a dispute against an active deal, pulling the bond from the caller.
    /// @param samples how many segments the operator must produce; 0 means DEFAULT_DISPUTE_SAMPLES.
    function openDispute(uint256 dealId, uint8 samples) external nonReentrant returns (uint256 disputeId) {
        Deal storage deal = _deals[dealId];
        if (deal.status != DealStatus.Active || currentEpoch() > deal.lastEpoch) revert DealNotActive(dealId);
        uint256 open = deal.openDisputeId;
        if (open != 0) revert DisputeAlreadyOpen(dealId, open);
        uint256 k = samples == 0 ? DEFAULT_DISPUTE_SAMPLES : samples;
        if (k > MAX_DISPUTE_SAMPLES || k * deal.segmentSize > MAX_DISPUTE_SEGMENT_BYTES) {
            revert InvalidDisputeSamples(k);
        }
        uint128 bond = _economics.disputeBond;

        disputeId = ++disputeCount;
        _disputes[disputeId] = Dispute({
            disputer: msg.sender,
            openBlock: uint64(block.number),
            samples: uint8(k),
            status: DisputeStatus.Open,
            dealId: uint64(dealId),
            bond: bond
        });
        deal.openDisputeId = uint64(disputeId);
        _pull(msg.sender, bond);
        emit DisputeOpened(
            disputeId, dealId, deal.operator, msg.sender, uint64(block.number), uint8(k), _deadline(block.number), bond
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
        Deal storage deal = _deals[dealId];
        address operator = deal.operator;
        if (msg.sender != operator) revert NotDealOperator(msg.sender);
        uint256 k = dispute.samples;
        if (segments.length != k) revert WrongSampleCount(segments.length, k);

        _verifyAnswer(_disputeIndices(disputeId, dealId, deal, openBlock, k), deal, segments, paths);

        uint256 bond = dispute.bond;
        dispute.status = DisputeStatus.Answered;
        deal.openDisputeId = 0;
        _pay(operator, bond);
        emit DisputeAnswered(disputeId, dealId, operator, bond);
    }

    /// @notice After the answer window closed without a valid answer: slash, reward, burn the rest.
    function finalizeDispute(uint256 disputeId) external nonReentrant {
        Dispute storage dispute = _openDispute(disputeId);
        if (block.number <= _deadline(dispute.openBlock)) revert AnswerWindowOpen(disputeId);
        uint256 dealId = dispute.dealId;
        Deal storage deal = _deals[dealId];
        address operator = deal.operator;
        Economics memory econ = _economics;

        uint256 slashed = _slashStake(operator, econ.disputeSlash);
        uint256 reward = slashed < econ.disputeReward ? slashed : econ.disputeReward;
        dispute.status = DisputeStatus.Upheld;
        deal.openDisputeId = 0;
        _burn(slashed - reward);
        _pay(dispute.disputer, dispute.bond + reward);
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
        return _disputeIndices(disputeId, dealId, _deals[dealId], openBlock, dispute.samples);
    }

    function getDispute(uint256 disputeId) external view returns (Dispute memory) {
        return _disputes[disputeId];
    }

    function _verifyAnswer(
        uint256[] memory indices,
        Deal storage deal,
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

    function _verifySample(Deal storage deal, uint256 index, bytes calldata segment, bytes32[] calldata path)
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

    function _disputeIndices(uint256 disputeId, uint256 dealId, Deal storage deal, uint256 openBlock, uint256 k)
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
}
