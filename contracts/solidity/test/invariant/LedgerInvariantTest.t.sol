// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {LedgerHandler} from "./LedgerHandler.sol";
import {ShardLedger} from "../../src/ShardLedger.sol";

contract LedgerInvariantTest is LedgerFixture {
    LedgerHandler internal handler;

    function setUp() public override {
        super.setUp();
        ShardLedger other = deployLedger(verifiers, THRESHOLD);
        uint256[] memory operatorKeys = new uint256[](3);
        address[] memory owners = new address[](2);
        (operatorKeys[0], operatorKeys[1], operatorKeys[2]) = (0x0B01, 0x0B02, 0x0B03);
        (owners[0], owners[1]) = (owner, address(0x0E2));
        address disputer = stranger;
        handler = new LedgerHandler(ledger, other, credit, admin, verifierKeys, operatorKeys, owners, disputer);
        bytes32 governor = ledger.GOVERNOR_ROLE();
        vm.prank(admin);
        ledger.grantRole(governor, address(handler));
        fund(owners[1], 1_000_000 ether);
        for (uint256 i; i < 3; ++i) {
            address op = vm.addr(operatorKeys[i]);
            fund(op, 1_000_000 ether);
            registerOperator(op);
        }
        // the other ledger holds escrow too, so a replayed settlement could only fail on its signatures
        vm.prank(admin);
        credit.mint(owner, 1_000 ether);
        vm.startPrank(owner);
        credit.approve(address(other), type(uint256).max);
        vm.stopPrank();
        vm.startPrank(vm.addr(operatorKeys[0]));
        credit.approve(address(other), type(uint256).max);
        other.register("tcp://op", "eu", 1, MIN_STAKE);
        vm.stopPrank();
        vm.prank(owner);
        uint256 dealId = other.propose(vm.addr(operatorKeys[0]), bytes32(0), 1, 256, 1, 100 ether, 0, 9);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(operatorKeys[0], other.dealAcceptanceDigest(dealId));
        other.activate(dealId, abi.encodePacked(r, s, v));
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @notice Claims never exceed the settled total, which never exceeds activated escrow; and the ledger
    ///         holds exactly pending escrow + unclaimed activated escrow + stakes + open dispute bonds.
    function invariant_claimableNeverExceedsEscrowPlusStakes() public view {
        assertLe(ledger.totalClaimed(), ledger.cumulativeTotal(), "claimed <= settled total");
        assertLe(ledger.cumulativeTotal(), ledger.totalEscrowed(), "settled total <= activated escrow");
        assertEq(handler.claimedTotal(), ledger.totalClaimed(), "per-account claims add up");
        assertLe(handler.claimedTotal(), handler.committedTotal(), "claims within the committed tree");
        uint256 held = credit.balanceOf(address(ledger));
        uint256 owed = handler.pendingEscrow() + ledger.totalEscrowed() - ledger.totalClaimed() + handler.totalStakes();
        assertEq(held, owed, "ledger balance = escrow + stakes - claims");
        assertEq(credit.balanceOf(address(court)), handler.openBonds(), "court balance = open dispute bonds");
    }

    /// @notice No stake leaves while a slash or a dispute can still reach it.
    function invariant_noStakeLeavesWhileSlashable() public view {
        assertEq(handler.earlyWithdrawals(), 0, "a stake left while a settlement or dispute could still reach it");
    }

    /// @notice A failure is slashed at most once: no settlement computed from a stale state lands.
    function invariant_aFailureIsSlashedAtMostOnce() public view {
        assertEq(handler.staleStateSuccesses(), 0, "a settlement from a stale state landed");
    }

    /// @notice Terminated and ended deals are never disputed, and the chain's active-deal counts add up.
    function invariant_endedDealsAreNeverDisputed() public view {
        assertEq(handler.endedDealDisputes(), 0, "an ended deal was disputed");
        assertEq(handler.activeDealsOnChain(), handler.activeDealCount(), "active deals per operator add up");
    }

    function invariant_epochSettlesAtMostOnce() public view {
        assertEq(handler.doubleSettles(), 0, "an epoch settled twice");
        uint64 through = ledger.settledThrough();
        for (uint64 e; e < through; ++e) {
            assertLe(handler.settlesOf(e), 1, "settles of one epoch");
        }
    }

    function invariant_noSignatureReplayAcrossEpochsChainsOrContracts() public view {
        assertEq(handler.replaySuccesses(), 0, "a replayed signature was accepted");
        assertEq(ShardLedger(handler.otherLedger()).settledThrough(), 0, "the other ledger never settled");
    }

    function invariant_onlyTheCurrentVerifierSetCounts() public view {
        assertEq(handler.staleSignerSuccesses(), 0, "a removed verifier's signature counted");
    }

    function invariant_slashNeverExceedsStake() public view {
        assertEq(handler.slashViolations(), 0, "a slash took more than the stake (or not what it should)");
    }

    /// @notice The handler's actions do take effect (so the invariants above are not vacuous).
    function test_handlerActionsTakeEffect() public {
        handler.advance(150);
        handler.propose(0x13000102);
        handler.propose(0x13000201);
        handler.activate(0);
        handler.activate(0);
        handler.advance(120);
        handler.settle(0, 2);
        assertEq(handler.settles(), 1, "settled");
        assertGe(handler.slashesApplied(), 1, "slashed");
        handler.claim(3, false);
        handler.claim(4, false);
        assertGe(handler.claims(), 1, "claimed");
        handler.advance(120);
        handler.replay(1);
        handler.rotateVerifier(2);
        handler.openDispute(3);
        handler.advance(100);
        handler.finalizeDispute(0);
        assertEq(handler.disputesUpheld(), 1, "dispute upheld");
        handler.endDeal(0);
        assertEq(handler.dealsEnded(), 1, "deal ended");
        assertEq(handler.replaySuccesses() + handler.staleSignerSuccesses() + handler.doubleSettles(), 0, "no bad success");
        invariant_claimableNeverExceedsEscrowPlusStakes();
    }

    function afterInvariant() public {
        emit log_named_uint("settles", handler.settles());
        emit log_named_uint("claims", handler.claims());
        emit log_named_uint("slashes applied", handler.slashesApplied());
        emit log_named_uint("disputes upheld", handler.disputesUpheld());
        emit log_named_uint("deals ended", handler.dealsEnded());
    }
}
