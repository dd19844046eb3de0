// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {ShardTree} from "../base/ShardTree.sol";
import {DisputeCourt} from "../../src/ledger/DisputeCourt.sol";

/// @notice The attacks of issue 14 (disputes turned against honest operators), each tried as an attacker would.
///         Every test asserts that the attack fails; against the contracts before issue 14 each one succeeds.
contract DisputeAttacksTest is LedgerFixture {
    uint256 internal constant SEED = 14;
    uint64 internal constant SIZE = 9 * 4096 + 3136; // ten segments, the last one short
    uint32 internal constant SEGMENT = 4096;
    /// @notice A public chain's block gas limit, and the part of each block an honest operator is assumed to get
    ///         for its answers (1/8).
    uint256 internal constant BLOCK_GAS = 30_000_000;
    uint256 internal constant OPERATOR_SHARE = 8;

    bytes32[] internal leaves;
    bytes32 internal root;
    address internal sybil = address(0x5B);

    function setUp() public override {
        super.setUp();
        registerOperator(operator);
        leaves = ShardTree.shardLeaves(SEED, SIZE, SEGMENT);
        root = ShardTree.root(leaves);
        fund(sybil, 100_000 ether);
    }

    function dealOf(address op, uint256 opKey, uint64 lastEpoch) internal returns (uint256 dealId) {
        vm.prank(owner);
        dealId = ledger.propose(op, root, SIZE, SEGMENT, 8, PRICE, 1, lastEpoch);
        ledger.activate(dealId, acceptance(opKey, dealId));
    }

    /// @notice The honest answer to a dispute, built in a call frame of its own so that its memory is freed.
    function answerCalldata(uint256 disputeId) external view returns (bytes memory) {
        uint256[] memory indices = court.challengeIndices(disputeId);
        bytes[] memory segments = new bytes[](indices.length);
        bytes32[] memory paths;
        for (uint256 i; i < indices.length; ++i) {
            segments[i] = ShardTree.shardSegment(SEED, SIZE, SEGMENT, indices[i]);
            paths = ShardTree.concat(paths, ShardTree.path(leaves, indices[i]));
        }
        return abi.encodeCall(court.answerDispute, (disputeId, segments, paths));
    }

    uint256 internal constant REFUSED = type(uint256).max;

    /// @notice Tries to answer as the operator; returns the whole transaction's gas (0: its beacon block is not
    ///         there yet, REFUSED: the court refused it).
    function tryAnswer(uint256 disputeId) internal returns (uint256) {
        return this.answerAsOperator(disputeId);
    }

    /// @notice tryAnswer in a call frame of its own, so that the memory of earlier answers costs it nothing.
    function answerAsOperator(uint256 disputeId) external returns (uint256 txGas) {
        bytes memory data;
        try this.answerCalldata(disputeId) returns (bytes memory built) {
            data = built;
        } catch {
            return 0; // the beacon block is not there yet
        }
        vm.prank(operator);
        uint256 before = gasleft();
        (bool ok,) = address(court).call(data);
        uint256 execution = before - gasleft();
        if (!ok) return REFUSED;
        return transactionGas(data, execution);
    }

    /// @notice Intrinsic gas plus execution, or the EIP-7623 calldata floor when that is higher (Prague).
    function transactionGas(bytes memory data, uint256 execution) internal pure returns (uint256) {
        uint256 zeros;
        for (uint256 i; i < data.length; ++i) {
            if (data[i] == 0) ++zeros;
        }
        uint256 tokens = zeros + 4 * (data.length - zeros);
        uint256 standard = 21_000 + 4 * tokens + execution;
        uint256 floor = 21_000 + 10 * tokens;
        return standard > floor ? standard : floor;
    }

    /// @notice 164 disputes opened in each of two blocks (about what a 30M-gas block holds) against one honest
    ///         operator, one per deal as the contracts before issue 14 demand. The operator answers as fast as 1/8
    ///         of each 30M-gas block allows, the earliest deadline first. Every dispute must be answered in time
    ///         and its stake must be whole.
    function test_anHonestOperatorAnswersEveryDisputeOpenedInTwoFullBlocks() public {
        uint256 count = 2 * 164;
        uint256[] memory deals = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            deals[i] = dealOf(operator, operatorKey, 50);
        }
        rollToEpoch(2);
        uint256[] memory disputes = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            if (i == count / 2) vm.roll(block.number + 1);
            vm.prank(stranger);
            disputes[i] = court.openDispute(deals[i], 0);
        }
        bool[] memory answered = new bool[](count);
        bool[] memory refused = new bool[](count);
        uint256 left = count;
        uint256 start = block.number;
        uint256 maxGas;
        uint256 budgetPerBlock = BLOCK_GAS / OPERATOR_SHARE;
        // far beyond every deadline the rules can give these disputes
        for (uint256 blockNumber = start + 1; left != 0 && blockNumber < start + 8 * (ANSWER_WINDOW + 1); ++blockNumber) {
            vm.roll(blockNumber);
            uint256 used;
            for (uint256 i; i < count && left != 0; ++i) {
                if (answered[i] || refused[i]) continue;
                uint256 snapshot = vm.snapshotState();
                uint256 gas = tryAnswer(disputes[i]);
                if (gas == 0) continue;
                if (gas == REFUSED) {
                    refused[i] = true; // its window closed
                    continue;
                }
                if (used + gas > budgetPerBlock) {
                    vm.revertToState(snapshot); // does not fit this block
                    break;
                }
                used += gas;
                if (gas > maxGas) maxGas = gas;
                answered[i] = true;
                --left;
            }
        }
        for (uint256 i; i < count; ++i) {
            if (!answered[i]) {
                (bool finalized,) = address(court).call(abi.encodeCall(court.finalizeDispute, (disputes[i])));
                finalized;
            }
        }
        assertEq(left, 0, "disputes the operator could not answer in time");
        assertEq(ledger.stakeOf(operator), MIN_STAKE, "the honest operator's stake");
        assertLe(maxGas, budgetPerBlock, "one answer fits the operator's share of a block");
    }

    /// @notice The operator disputes itself from a second address and lets the dispute lapse. Nothing of its stake
    ///         may come out to anyone: all that leaves the stake is burned.
    function test_anOperatorCannotMoveStakeOutByDisputingItself() public {
        uint256 dealId = dealOf(operator, operatorKey, 50);
        rollToEpoch(2);
        uint256 sybilBefore = credit.balanceOf(sybil);
        uint256 supplyBefore = credit.totalSupply();
        vm.prank(sybil);
        uint256 disputeId = court.openDispute(dealId, 0);
        vm.roll(block.number + 256 * 4);
        court.finalizeDispute(disputeId);
        uint256 taken = MIN_STAKE - ledger.stakeOf(operator);
        assertGe(taken, 1, "the lapsed dispute slashed the stake");
        assertEq(credit.balanceOf(sybil), sybilBefore, "what the operator's second address got out of the stake");
        assertEq(supplyBefore - credit.totalSupply(), taken, "all that left the stake is burned");
    }

    /// @notice A cheating operator front-runs an honest 8-sample dispute with a 1-sample one of its own. The honest
    ///         dispute must still open and stand with the full sample count, and the cheater's must not be weaker.
    function test_aDisputeCannotBePreemptedOrWeakened() public {
        uint256 dealId = dealOf(operator, operatorKey, 50);
        rollToEpoch(2);
        vm.prank(sybil);
        (bool opened, bytes memory ret) = address(court).call(abi.encodeCall(court.openDispute, (dealId, 1)));
        if (opened) {
            uint256 own = abi.decode(ret, (uint256));
            assertEq(court.getDispute(own).samples, 8, "a dispute with fewer samples than the deal allows");
        }
        vm.prank(stranger);
        (bool honest, bytes memory id) = address(court).call(abi.encodeCall(court.openDispute, (dealId, 8)));
        assertTrue(honest, "the honest dispute could not be opened next to the cheater's");
        assertEq(court.getDispute(abi.decode(id, (uint256))).samples, 8, "the honest dispute's samples");
    }
}
