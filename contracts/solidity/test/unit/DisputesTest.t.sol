// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {LibHarness} from "../base/Harnesses.sol";
import {ShardTree} from "../base/ShardTree.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "../../src/ledger/IShardLedgerEvents.sol";
import {Dispute, DisputeStatus, Slash} from "../../src/ledger/LedgerTypes.sol";

contract DisputesTest is LedgerFixture {
    uint256 internal constant SEED = 77;
    uint64 internal constant SIZE = 9 * 4096 + 3136; // ten segments, the last one short
    uint32 internal constant SEGMENT = 4096;

    bytes32[] internal leaves;
    uint256 internal dealId;

    function setUp() public override {
        super.setUp();
        registerOperator(operator);
        leaves = ShardTree.shardLeaves(SEED, SIZE, SEGMENT);
        bytes32 root = ShardTree.root(leaves);
        vm.prank(owner);
        dealId = ledger.propose(operator, root, SIZE, SEGMENT, 8, PRICE, 1, 5);
        ledger.activate(dealId, acceptance(operatorKey, dealId));
        rollToEpoch(2);
    }

    function open(uint8 samples) internal returns (uint256 disputeId) {
        vm.prank(stranger);
        disputeId = court.openDispute(dealId, samples);
    }

    /// @notice Rolls to the first block an answer is possible, with a chosen beacon block hash.
    function rollToAnswer(uint256 disputeId) internal {
        uint256 beaconBlock = court.getDispute(disputeId).beaconBlock;
        vm.roll(beaconBlock + 1);
        vm.setBlockhash(beaconBlock, keccak256(abi.encode("beacon", disputeId)));
    }

    /// @notice The honest answer, and where each sample's path starts in the flat `paths`.
    function answerFor(uint256 disputeId) internal view returns (bytes[] memory segments, bytes32[] memory paths) {
        (segments, paths,) = answerWithOffsets(disputeId);
    }

    function answerWithOffsets(uint256 disputeId)
        internal
        view
        returns (bytes[] memory segments, bytes32[] memory paths, uint256[] memory offsets)
    {
        uint256[] memory indices = court.challengeIndices(disputeId);
        segments = new bytes[](indices.length);
        offsets = new uint256[](indices.length);
        for (uint256 i; i < indices.length; ++i) {
            segments[i] = ShardTree.shardSegment(SEED, SIZE, SEGMENT, indices[i]);
            offsets[i] = paths.length;
            paths = ShardTree.concat(paths, ShardTree.path(leaves, indices[i]));
        }
    }

    // ---- open -----------------------------------------------------------------------------------

    function test_openPullsBondAndRecordsDispute() public {
        uint256 before = credit.balanceOf(stranger);
        vm.expectEmit();
        emit IShardLedgerEvents.DisputeOpened(1, dealId, operator, stranger, uint64(block.number), 8, uint64(block.number + 1), uint64(block.number + 1 + ANSWER_WINDOW), BOND);
        uint256 disputeId = open(0);
        assertEq(disputeId, 1, "first dispute id");
        assertEq(court.disputeCount(), 1, "count");
        assertEq(credit.balanceOf(stranger), before - BOND, "bond pulled");
        Dispute memory d = court.getDispute(disputeId);
        assertEq(d.disputer, stranger, "disputer");
        assertEq(d.samples, 8, "the deal's samples: 8 at 4 KiB");
        assertEq(d.dealId, dealId, "deal");
        assertEq(d.bond, BOND, "bond");
        assertEq(d.beaconBlock, block.number + 1, "beacon block: the next one");
        assertTrue(d.status == DisputeStatus.Open, "open");
        assertEq(court.openDisputeOf(dealId), disputeId, "deal marks the dispute");
    }

    function test_openRejections() public {
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidDisputeSamples.selector, 9));
        court.openDispute(dealId, 9);
        // the opener does not pick a weaker dispute than the deal's
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidDisputeSamples.selector, 1));
        court.openDispute(dealId, 1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidDisputeSamples.selector, 7));
        court.openDispute(dealId, 7);
        uint256 disputeId = open(8);
        assertEq(open(0), disputeId + 1, "a second dispute against the same deal opens beside the first");
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotActive.selector, 99));
        court.openDispute(99, 1);

        vm.prank(owner);
        uint256 proposed = ledger.propose(operator, bytes32(0), 100, 8192, 1, PRICE, 3, 4);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotActive.selector, proposed));
        court.openDispute(proposed, 1);
        ledger.activate(proposed, acceptance(operatorKey, proposed));
        // 8 KiB segments: 4 samples fit MAX_DISPUTE_SEGMENT_BYTES, and every dispute of the deal has 4
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidDisputeSamples.selector, 5));
        court.openDispute(proposed, 5);
        vm.prank(stranger);
        uint256 four = court.openDispute(proposed, 4);
        assertEq(court.getDispute(four).samples, 4, "samples at 8 KiB");
        assertEq(court.disputeSamples(32768), 1, "samples at 32 KiB");
        assertEq(court.disputeSamples(256), 8, "samples at 256 B");

        rollToEpoch(6); // the first deal ended with epoch 5
        vm.prank(owner);
        uint256 other = ledger.propose(operator, bytes32(0), 100, 256, 1, PRICE, 6, 6);
        ledger.activate(other, acceptance(operatorKey, other));
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotActive.selector, proposed));
        court.openDispute(proposed, 1);
    }

    // ---- answer lanes -----------------------------------------------------------------------

    /// @notice The bound of decision 0140, attacked: one more dispute than a batch holds, all in one block, and
    ///         one opened while a batch is being answered. No batch ever holds more than batchLimit, and no two
    ///         batches of an operator share an answer block.
    function test_lanesBatchDisputesAndKeepBatchesApart() public {
        uint256 limit = court.batchLimit();
        assertEq(limit, uint256(ANSWER_WINDOW) * 30_000_000 / (8 * 2_000_000), "batch limit for the window");
        uint256 first = block.number + 1;
        for (uint256 i; i < limit; ++i) {
            assertEq(court.getDispute(open(0)).beaconBlock, first, "a batch fills at the next block");
        }
        uint256 over = open(0);
        assertEq(court.getDispute(over).beaconBlock, first + ANSWER_WINDOW, "one more goes one window later");
        assertEq(court.laneOf(operator).count, 1, "the next batch holds it");

        vm.roll(first + ANSWER_WINDOW + 1); // the second batch is being answered
        uint256 late = open(0);
        assertEq(court.getDispute(late).beaconBlock, first + 2 * ANSWER_WINDOW, "never within a window of the last");
        vm.roll(first + 3 * ANSWER_WINDOW + 1); // quiet for a window: the next block again
        assertEq(court.getDispute(open(0)).beaconBlock, block.number + 1, "an idle lane starts at the next block");
    }

    function test_disputesOfOneBatchAreAnsweredInTheirWindow() public {
        uint256 a = open(0);
        uint256 b = open(0);
        assertEq(court.getDispute(a).beaconBlock, court.getDispute(b).beaconBlock, "one batch");
        rollToAnswer(b);
        (bytes[] memory segments, bytes32[] memory paths) = answerFor(a);
        vm.prank(operator);
        court.answerDispute(a, segments, paths);
        assertEq(court.openDisputeOf(dealId), b, "the newest is still open");
        (segments, paths) = answerFor(b);
        vm.prank(operator);
        court.answerDispute(b, segments, paths);
        assertEq(court.openDisputeOf(dealId), 0, "none open");
        assertEq(ledger.getOperator(operator).openDisputes, 0, "the operator's count");
    }

    // ---- answer ---------------------------------------------------------------------------------

    function test_validAnswerPaysTheBondToTheOperator() public {
        uint256 disputeId = open(8);
        rollToAnswer(disputeId);
        (bytes[] memory segments, bytes32[] memory paths) = answerFor(disputeId);
        uint256 before = credit.balanceOf(operator);
        vm.expectEmit();
        emit IShardLedgerEvents.DisputeAnswered(disputeId, dealId, operator, BOND);
        vm.prank(operator);
        court.answerDispute(disputeId, segments, paths);
        assertEq(credit.balanceOf(operator), before + BOND, "bond to operator");
        assertTrue(court.getDispute(disputeId).status == DisputeStatus.Answered, "answered");
        assertEq(court.openDisputeOf(dealId), 0, "deal free again");
        assertEq(ledger.stakeOf(operator), MIN_STAKE, "no slash");
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DisputeNotOpen.selector, disputeId));
        vm.prank(operator);
        court.answerDispute(disputeId, segments, paths);
        assertEq(open(0), 2, "a new dispute can open");
    }

    function test_answerIndicesFollowThePinnedDerivation() public {
        uint256 disputeId = open(8);
        rollToAnswer(disputeId);
        uint256 beaconBlock = court.getDispute(disputeId).beaconBlock;
        uint256[] memory expected = new LibHarness().indices(
            bytes32("shardledger.dispute.v1"), keccak256(abi.encode("beacon", disputeId)), block.chainid, dealId, disputeId, 10, 8
        );
        uint256[] memory got = court.challengeIndices(disputeId);
        assertEq(got.length, 8, "sample count");
        for (uint256 i; i < 8; ++i) {
            assertEq(got[i], expected[i], "index");
            assertLt(got[i], 10, "in range");
        }
        assertEq(blockhash(beaconBlock), keccak256(abi.encode("beacon", disputeId)), "beacon block");
    }

    function test_answerTimingAndCaller() public {
        uint256 disputeId = open(0);
        uint256 openBlock = block.number;
        vm.roll(openBlock + 1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DisputeBeaconNotYetAvailable.selector, disputeId));
        court.challengeIndices(disputeId);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DisputeBeaconNotYetAvailable.selector, disputeId));
        vm.prank(operator);
        court.answerDispute(disputeId, new bytes[](8), new bytes32[](0));

        rollToAnswer(disputeId);
        (bytes[] memory segments, bytes32[] memory paths) = answerFor(disputeId);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NotDealOperator.selector, stranger));
        vm.prank(stranger);
        court.answerDispute(disputeId, segments, paths);

        vm.roll(openBlock + 2 + ANSWER_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.AnswerWindowClosed.selector, disputeId));
        vm.prank(operator);
        court.answerDispute(disputeId, segments, paths);

        vm.roll(openBlock + 1 + ANSWER_WINDOW); // the last block of the window still works
        vm.prank(operator);
        court.answerDispute(disputeId, segments, paths);
    }

    function test_answerRejectsWrongShapesAndData() public {
        uint256 disputeId = open(0);
        rollToAnswer(disputeId);
        (bytes[] memory segments, bytes32[] memory paths, uint256[] memory offsets) = answerWithOffsets(disputeId);
        vm.startPrank(operator);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.WrongSampleCount.selector, 3, 8));
        court.answerDispute(disputeId, new bytes[](3), paths);
        vm.expectRevert(
            abi.encodeWithSelector(IShardLedgerErrors.WrongPathNodeCount.selector, paths.length + 1, paths.length)
        );
        court.answerDispute(disputeId, segments, new bytes32[](paths.length + 1));

        bytes memory good = segments[2];
        segments[2] = bytes.concat(good, hex"00");
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSample.selector, 2));
        court.answerDispute(disputeId, segments, paths);
        segments[2] = ShardTree.segment(SEED + 1, 0, good.length);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSample.selector, 2));
        court.answerDispute(disputeId, segments, paths);
        segments[2] = good;
        bytes32 node = paths[offsets[3]];
        paths[offsets[3]] = bytes32(uint256(node) ^ 1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSample.selector, 3));
        court.answerDispute(disputeId, segments, paths);
        paths[offsets[3]] = node;
        court.answerDispute(disputeId, segments, paths);
        vm.stopPrank();
    }

    function test_shortLastSegmentMustHaveItsExactLength() public {
        // a shard of one short segment: every sample is index 0, of length 100
        bytes memory data = ShardTree.segment(5, 0, 100);
        bytes32[] memory one = new bytes32[](1);
        one[0] = ShardTree.leafHash(data);
        vm.prank(owner);
        uint256 tiny = ledger.propose(operator, one[0], 100, 4096, 1, PRICE, 2, 3);
        ledger.activate(tiny, acceptance(operatorKey, tiny));
        vm.prank(stranger);
        uint256 disputeId = court.openDispute(tiny, 0);
        rollToAnswer(disputeId);
        bytes[] memory segments = new bytes[](8);
        bytes32[] memory paths = new bytes32[](0); // one segment: every path is empty
        for (uint256 i; i < 8; ++i) {
            segments[i] = data;
        }
        segments[1] = bytes.concat(data, new bytes(3996)); // padded to a full segment
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSample.selector, 1));
        vm.prank(operator);
        court.answerDispute(disputeId, segments, paths);
        segments[1] = data;
        vm.prank(operator);
        court.answerDispute(disputeId, segments, paths);
        assertTrue(court.getDispute(disputeId).status == DisputeStatus.Answered, "answered");
    }

    // ---- finalize -------------------------------------------------------------------------------

    function test_unansweredDisputeSlashesAndBurnsAll() public {
        uint256 disputeId = open(0);
        uint256 deadline = block.number + 1 + ANSWER_WINDOW;
        vm.roll(deadline);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.AnswerWindowOpen.selector, disputeId));
        court.finalizeDispute(disputeId);

        vm.roll(deadline + 1);
        uint256 supply = credit.totalSupply();
        uint256 before = credit.balanceOf(stranger);
        vm.expectEmit();
        emit IShardLedgerEvents.DisputeUpheld(disputeId, dealId, operator, DISPUTE_SLASH, 0, DISPUTE_SLASH);
        vm.prank(owner); // anyone may finalize
        court.finalizeDispute(disputeId);
        assertEq(ledger.stakeOf(operator), MIN_STAKE - DISPUTE_SLASH, "slashed");
        assertEq(credit.balanceOf(stranger), before + BOND, "bond back, nothing out of the stake");
        assertEq(credit.totalSupply(), supply - DISPUTE_SLASH, "the whole slash burned");
        assertTrue(court.getDispute(disputeId).status == DisputeStatus.Upheld, "upheld");
        assertEq(court.openDisputeOf(dealId), 0, "deal free again");
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DisputeNotOpen.selector, disputeId));
        court.finalizeDispute(disputeId);
    }

    function test_disputeSlashIsCappedByTheStake() public {
        Slash[] memory slashes = new Slash[](1);
        slashes[0] = Slash(operator, MIN_STAKE - 40 ether);
        settle(1, bytes32(0), 0, slashes); // leaves a stake of 40
        uint256 disputeId = open(0);
        vm.roll(block.number + 2 + ANSWER_WINDOW);
        uint256 before = credit.balanceOf(stranger);
        vm.expectEmit();
        emit IShardLedgerEvents.DisputeUpheld(disputeId, dealId, operator, 40 ether, 0, 40 ether);
        court.finalizeDispute(disputeId);
        assertEq(ledger.stakeOf(operator), 0, "stake emptied");
        assertEq(credit.balanceOf(stranger), before + BOND, "bond back");
    }

    function test_unknownDisputes() public {
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DisputeNotOpen.selector, 5));
        court.finalizeDispute(5);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DisputeNotOpen.selector, 5));
        court.challengeIndices(5);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DisputeNotOpen.selector, 5));
        court.answerDispute(5, new bytes[](0), new bytes32[](0));
    }
}
