// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {LedgerFixture} from "../base/LedgerFixture.sol";
import {LibHarness} from "../base/Harnesses.sol";
import {PayoutTree} from "../base/PayoutTree.sol";
import {ShardTree} from "../base/ShardTree.sol";
import {GasMeter} from "./GasMeter.sol";
import {ReferenceDistributor} from "./ReferenceDistributor.sol";
import {ShardLedger} from "../../src/ShardLedger.sol";
import {KeyRegistry} from "../../src/KeyRegistry.sol";
import {DealBook} from "../../src/ledger/DealBook.sol";
import {DisputeCourt} from "../../src/ledger/DisputeCourt.sol";
import {EpochBeacon} from "../../src/ledger/EpochBeacon.sol";
import {OperatorRegistry} from "../../src/ledger/OperatorRegistry.sol";
import {SettlementBook} from "../../src/ledger/SettlementBook.sol";
import {DealTerms, Slash} from "../../src/ledger/LedgerTypes.sol";

/// @notice The gas figures of issue 3, each measured as a whole transaction (bin/gas-report prints them).
///         The goals are asserted, so a regression fails the suite.
contract GasTest is LedgerFixture, GasMeter {
    using PayoutTree for PayoutTree.Tree;

    uint256 internal constant ACCOUNTS = 10_000;

    function setUp() public override {
        super.setUp();
        registerOperator(operator);
        vm.prank(owner);
        uint256 dealId = ledger.propose(operator, keccak256("big"), 1 << 30, 4096, 8, 1_000 ether, 1, 100);
        ledger.activate(dealId, acceptance(operatorKey, dealId));
        rollToEpoch(50);
    }

    function settleCall(uint64 epoch, bytes32 root, uint256 total, Slash[] memory slashes, uint256 signers)
        internal
        view
        returns (bytes memory)
    {
        return settleCall(epoch, root, total, slashes, noTerminations(), signers);
    }

    function settleCall(
        uint64 epoch,
        bytes32 root,
        uint256 total,
        Slash[] memory slashes,
        uint256[] memory terminations,
        uint256 signers
    ) internal view returns (bytes memory) {
        uint64 from = ledger.settledThrough();
        bytes[] memory sigs = sortedSignatures(
            firstKeys(signers),
            settlementDigest(ledger, from, epoch, root, total, slashesHash(slashes), terminationsHash(terminations))
        );
        return abi.encodeCall(SettlementBook.settle, (from, epoch, root, total, slashes, terminations, sigs));
    }

    function setThreshold(uint8 t) internal {
        vm.prank(admin);
        ledger.updateVerifiers(new address[](0), new address[](0), t);
    }

    function accountAt(uint256 i) internal pure returns (address) {
        return address(uint160(0x5000000 + i));
    }

    function payoutTree(uint256 accounts, uint256 bonus) internal pure returns (PayoutTree.Tree memory) {
        address[] memory list = new address[](accounts);
        uint256[] memory amounts = new uint256[](accounts);
        for (uint256 i; i < accounts; ++i) {
            list[i] = accountAt(i);
            amounts[i] = 1 ether + i + (i < 2 ? bonus : 0);
        }
        return PayoutTree.build(list, amounts);
    }

    function smallRoot(uint256 bonus) internal pure returns (bytes32) {
        return payoutTree(10, bonus).root();
    }

    /// forge-config: default.isolate = true
    function test_gasSettle() public {
        bytes32 large = payoutTree(ACCOUNTS, 0).root();
        // two settlements first, so that the measured ones overwrite non-zero slots as every later one does;
        // each settlement has a new root (payouts change every epoch)
        measure("settle, first ever (t=3)", address(ledger), settleCall(1, smallRoot(1), 1, noSlashes(), 3));
        measure("settle, second (t=3)", address(ledger), settleCall(2, smallRoot(2), 2, noSlashes(), 3));

        uint256[6] memory byThreshold;
        for (uint8 t = 1; t <= 5; ++t) {
            setThreshold(t);
            byThreshold[t] = measure(
                string.concat("settle, t=", vm.toString(t), ", no slashes, 10-account root"),
                address(ledger),
                settleCall(10 + t, smallRoot(10 + t), 100 + t, noSlashes(), t)
            ).execution;
        }
        setThreshold(3);
        uint256 largeRoot = measure(
            "settle, t=3, no slashes, 10,000-account root", address(ledger), settleCall(20, large, 200, noSlashes(), 3)
        ).execution;
        uint256 smallAgain = measure(
            "settle, t=3, no slashes, 10-account root (again)", address(ledger), settleCall(21, smallRoot(21), 201, noSlashes(), 3)
        ).execution;
        assertEq(largeRoot, byThreshold[3], "settle gas independent of the number of accounts");
        assertEq(smallAgain, largeRoot, "settle gas independent of the number of accounts");
        assertLe(byThreshold[3], 120_000, "goal: settle at t=3 within 120k execution gas");
        emit log_named_uint("gas: settle, each extra signer | execution", (byThreshold[5] - byThreshold[1]) / 4);

        address[] memory slashed = new address[](4);
        for (uint256 i; i < 4; ++i) {
            slashed[i] = vm.addr(0x5A5 + i);
            fund(slashed[i], MIN_STAKE);
            registerOperator(slashed[i]);
        }
        uint256[5] memory bySlashes;
        bySlashes[0] = byThreshold[3];
        for (uint256 n = 1; n <= 4; ++n) {
            Slash[] memory slashes = new Slash[](n);
            for (uint256 i; i < n; ++i) {
                slashes[i] = Slash(slashed[i], 1 ether);
            }
            bySlashes[n] = measure(
                string.concat("settle, t=3, ", vm.toString(n), " slashes"),
                address(ledger),
                settleCall(uint64(30 + n), smallRoot(30 + n), 300 + n, slashes, 3)
            ).execution;
        }
        emit log_named_uint("gas: settle, first slash (includes the one burn call) | execution", bySlashes[1] - bySlashes[0]);
        emit log_named_uint("gas: settle, each further slash | execution", (bySlashes[4] - bySlashes[1]) / 3);

        // terminations: deals the settlement rules ended (each ends on chain: status, end epoch, active count)
        uint256[5] memory byTerminations;
        byTerminations[0] = byThreshold[3];
        for (uint256 n = 1; n <= 4; ++n) {
            uint256[] memory terminated = new uint256[](n);
            for (uint256 i; i < n; ++i) {
                vm.prank(owner);
                terminated[i] = ledger.propose(operator, keccak256(abi.encode("t", n, i)), 1 << 20, 4096, 8, 1 ether, 50, 90);
                ledger.activate(terminated[i], acceptance(operatorKey, terminated[i]));
            }
            byTerminations[n] = measure(
                string.concat("settle, t=3, ", vm.toString(n), " terminations"),
                address(ledger),
                settleCall(uint64(40 + n), smallRoot(40 + n), 400 + n, noSlashes(), terminated, 3)
            ).execution;
        }
        emit log_named_uint("gas: settle, first termination | execution", byTerminations[1] - byTerminations[0]);
        emit log_named_uint("gas: settle, each further termination | execution", (byTerminations[4] - byTerminations[1]) / 3);
    }

    /// forge-config: default.isolate = true
    function test_gasClaim() public {
        PayoutTree.Tree memory first = payoutTree(ACCOUNTS, 0);
        settleRaw(ledger, 1, first.root(), 100_000 ether, noSlashes(), quorumSignatures(ledger, 1, first.root(), 100_000 ether, noSlashes()));
        address fresh = accountAt(0);
        address holder = accountAt(1);
        fund(holder, 1 ether); // already holds credits

        uint256 firstFresh = measure(
            "claim, first, 10,000-account tree, recipient without credits",
            address(ledger),
            abi.encodeCall(SettlementBook.claim, (fresh, 1 ether, first.proof(fresh, 1 ether)))
        ).total;
        uint256 firstHolder = measure(
            "claim, first, 10,000-account tree, recipient holding credits",
            address(ledger),
            abi.encodeCall(SettlementBook.claim, (holder, 1 ether + 1, first.proof(holder, 1 ether + 1)))
        ).total;

        PayoutTree.Tree memory second = payoutTree(ACCOUNTS, 5 ether);
        settleRaw(ledger, 2, second.root(), 100_000 ether, noSlashes(), quorumSignatures(ledger, 2, second.root(), 100_000 ether, noSlashes()));
        uint256 repeat = measure(
            "claim, repeat, 10,000-account tree",
            address(ledger),
            abi.encodeCall(SettlementBook.claim, (fresh, 6 ether, second.proof(fresh, 6 ether)))
        ).total;
        assertEq(credit.balanceOf(fresh), 6 ether, "claims paid");
        // goal 60k: missed by the ~5k that the claimed-total cap costs (docs/decisions/0012); guard the figure
        assertLe(repeat, 64_500, "repeat claim");
        assertLe(firstHolder, 90_000, "goal: first claim within 90k (recipient holding credits)");
        emit log_named_uint("gas: claim, first to a fresh recipient minus to a holder (ERC-20 balance slot creation) | tx", firstFresh - firstHolder);
    }

    /// forge-config: default.isolate = true
    function test_gasReferenceDistributor() public {
        bytes32[] memory leaves = new bytes32[](ACCOUNTS);
        for (uint256 i; i < ACCOUNTS; ++i) {
            leaves[i] = keccak256(abi.encodePacked(i, accountAt(i), uint256(1 ether)));
        }
        PayoutTree.Tree memory t = PayoutTree.buildFromLeaves(leaves);
        ReferenceDistributor distributor = new ReferenceDistributor(IERC20(address(credit)), t.root());
        vm.prank(admin);
        credit.mint(address(distributor), ACCOUNTS * 1 ether);
        uint256 a = 3;
        uint256 b = 4; // same bitmap word as a
        measure(
            "reference merkle-distributor claim, first in its bitmap word, fresh recipient",
            address(distributor),
            abi.encodeCall(ReferenceDistributor.claim, (a, accountAt(a), 1 ether, t.proofOf(keccak256(abi.encodePacked(a, accountAt(a), uint256(1 ether))))))
        );
        measure(
            "reference merkle-distributor claim, bitmap word already set, fresh recipient",
            address(distributor),
            abi.encodeCall(ReferenceDistributor.claim, (b, accountAt(b), 1 ether, t.proofOf(keccak256(abi.encodePacked(b, accountAt(b), uint256(1 ether))))))
        );
    }

    /// forge-config: default.isolate = true
    function test_gasDealsAndBeacon() public {
        address newcomer = address(0x0E0E);
        fund(newcomer, MIN_STAKE);
        vm.prank(newcomer);
        measure(
            "register operator",
            address(ledger),
            abi.encodeCall(OperatorRegistry.register, ("tcp://203.0.113.7:7000", "eu-west", 1 << 40, MIN_STAKE))
        );
        vm.prank(owner);
        measure(
            "propose",
            address(ledger),
            abi.encodeCall(DealBook.propose, (operator, keccak256("root"), 1 << 30, 4096, 8, 1 ether, 51, 80))
        );
        uint256 dealId = ledger.dealCount();
        measure("activate", address(ledger), abi.encodeCall(DealBook.activate, (dealId, acceptance(operatorKey, dealId))));
        vm.prank(owner);
        measure("endDeal", address(ledger), abi.encodeCall(DealBook.endDeal, (dealId)));
        vm.prank(owner);
        ledger.propose(operator, keccak256("root2"), 1 << 30, 4096, 8, 1 ether, 51, 80);
        vm.prank(owner);
        measure("cancel", address(ledger), abi.encodeCall(DealBook.cancel, (dealId + 1)));
        KeyRegistry keys = new KeyRegistry();
        vm.prank(owner);
        measure("publishKey (first)", address(keys), abi.encodeCall(KeyRegistry.publishKey, (keccak256("x25519"))));
        vm.roll(block.number + 1);
        vm.setBlockhash(ledger.epochStartBlock(50), keccak256("beacon"));
        measure("recordBeacon", address(ledger), abi.encodeCall(EpochBeacon.recordBeacon, (50)));
    }

    /// forge-config: default.isolate = true
    /// A file's deals in one proposal and one activation: 6 deals (one 4 + 2 part), and the largest batch, which
    /// must fit well inside a block (30 M gas) even at its worst.
    function test_gasDealBatches() public {
        uint256 max = ledger.MAX_BATCH();
        uint256 first = ledger.dealCount() + 1;
        vm.prank(owner);
        Measured memory six = measure("proposeBatch (6 deals)", address(ledger), abi.encodeCall(DealBook.proposeBatch, (batchTerms(6, "six"))));
        (uint256[] memory ids, bytes[] memory sigs) = batchAcceptances(first, 6);
        Measured memory sixOn = measure("activateBatch (6 deals)", address(ledger), abi.encodeCall(DealBook.activateBatch, (ids, sigs)));
        vm.prank(owner);
        Measured memory big = measure(
            "proposeBatch (MAX_BATCH deals)", address(ledger), abi.encodeCall(DealBook.proposeBatch, (batchTerms(max, "max")))
        );
        (ids, sigs) = batchAcceptances(first + 6, max);
        Measured memory bigOn = measure("activateBatch (MAX_BATCH deals)", address(ledger), abi.encodeCall(DealBook.activateBatch, (ids, sigs)));
        assertLt(six.total, 6 * 150_000, "6 proposals in one transaction");
        assertLt(sixOn.total, 6 * 40_000, "6 activations in one transaction");
        assertLt(big.total, 15_000_000, "the largest proposal batch in half a block");
        assertLt(bigOn.total, 15_000_000, "the largest activation batch in half a block");
    }

    function batchTerms(uint256 n, string memory tag) internal view returns (DealTerms[] memory t) {
        t = new DealTerms[](n);
        for (uint256 i; i < n; ++i) {
            t[i] = DealTerms(operator, keccak256(abi.encode(tag, i)), 1 << 30, 4096, 8, 1 ether, 51, 80);
        }
    }

    /// forge-config: default.isolate = true
    function test_gasDispute() public {
        disputeFigures("");
    }

    /// @notice The same on Cancun rules, where no calldata floor hides the execution gas.
    /// forge-config: default.isolate = true
    /// forge-config: default.evm_version = "cancun"
    function test_gasDisputeCancun() public {
        disputeFigures(" [cancun]");
    }

    function disputeFigures(string memory rules) internal {
        // a 64 MiB shard of 4 KiB segments (16,384 leaves, paths of 14 nodes); only the sampled segments
        // need real data, so the beacon block's hash is fixed first and the tree built around the samples
        uint256 n = 16_384;
        uint64 size = uint64(n * 4096);
        uint256 dealId = ledger.dealCount() + 1;
        uint256 disputeId = court.disputeCount() + 1;
        uint256 openBlock = block.number + 10;
        bytes32 beacon = keccak256("dispute beacon");
        uint256[] memory indices = new LibHarness().indices(
            bytes32("shardledger.dispute.v1"), beacon, block.chainid, dealId, disputeId, n, 8
        );
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            leaves[i] = keccak256(abi.encode(i));
        }
        for (uint256 s; s < 8; ++s) {
            leaves[indices[s]] = ShardTree.leafHash(ShardTree.segment(1, indices[s], 4096));
        }
        bytes32 root = ShardTree.root(leaves);
        vm.prank(owner);
        ledger.propose(operator, root, size, 4096, 8, 1 ether, 50, 60);
        ledger.activate(dealId, acceptance(operatorKey, dealId));

        vm.roll(openBlock);
        vm.prank(stranger);
        measure(string.concat("openDispute (8 samples)", rules), address(court), abi.encodeCall(DisputeCourt.openDispute, (dealId, 0)));
        vm.roll(openBlock + 2);
        vm.setBlockhash(openBlock + 1, beacon);
        bytes[] memory segments = new bytes[](8);
        bytes32[] memory paths;
        for (uint256 s; s < 8; ++s) {
            segments[s] = ShardTree.segment(1, indices[s], 4096);
            paths = ShardTree.concat(paths, ShardTree.path(leaves, indices[s]));
        }
        bytes memory answer = abi.encodeCall(DisputeCourt.answerDispute, (disputeId, segments, paths));
        emit log_named_uint(string.concat("gas: answerDispute calldata size in bytes, not gas", rules), answer.length);
        vm.prank(operator);
        measure(string.concat("answerDispute (8 samples of 4 KiB, 64 MiB shard)", rules), address(court), answer);

        vm.roll(block.number + 1);
        vm.prank(stranger);
        court.openDispute(dealId, 0);
        vm.roll(court.getDispute(disputeId + 1).beaconBlock + ANSWER_WINDOW + 1);
        measure(string.concat("finalizeDispute (unanswered)", rules), address(court), abi.encodeCall(DisputeCourt.finalizeDispute, (disputeId + 1)));
    }
}
