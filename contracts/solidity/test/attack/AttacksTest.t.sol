// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {Slash} from "../../src/ledger/LedgerTypes.sol";

/// @notice The attacks of the contracts-v2 issue, each tried as an attacker would. Every test asserts that the
///         attack fails; on the contracts before v2 each attack succeeds, so each test fails there.
contract AttacksTest is LedgerFixture {
    uint256 internal constant NEW_VERIFIER_BASE = 0xB0B0B0;

    function setUp() public override {
        super.setUp();
        registerOperator(operator);
    }

    function oneSlash(uint256 amount) internal view returns (Slash[] memory slashes) {
        slashes = new Slash[](1);
        slashes[0] = Slash({operator: operator, amount: amount});
    }

    /// @notice 3 of 5 verifiers settle epoch 2 with a slash; the set grows to 6 (t = 3 <= n / 2), and three
    ///         verifiers that never saw that settlement sign epoch 3 computed from the same state, which
    ///         re-applies the slash. The second settlement must not land.
    function test_aFailureIsNotSlashedTwiceAfterTheVerifierSetGrows() public {
        activeDeal(keccak256("shard"), 10_000, 1, 10);
        rollToEpoch(4);
        Slash[] memory slash = oneSlash(100 ether);
        settle(2, keccak256("root after epoch 2"), 2 ether, slash);

        address[] memory added = new address[](1);
        added[0] = vm.addr(NEW_VERIFIER_BASE);
        vm.prank(admin);
        ledger.updateVerifiers(added, new address[](0), THRESHOLD);
        uint256[] memory others = new uint256[](3);
        (others[0], others[1], others[2]) = (verifierKeys[3], verifierKeys[4], NEW_VERIFIER_BASE);
        // computed from the state before epoch 2's settlement: it starts at epoch 0 again
        bytes32 digest = settlementDigest(
            ledger, 0, 3, keccak256("root from the same state"), 2 ether, slashesHash(slash), keccak256("")
        );
        bytes[] memory sigs = sortedSignatures(others, digest);
        (bool landed,) = address(ledger).call(
            abi.encodeCall(
                ledger.settle, (0, 3, keccak256("root from the same state"), 2 ether, slash, noTerminations(), sigs)
            )
        );
        assertEq(ledger.stakeOf(operator), MIN_STAKE - 100 ether, "stake after the slash of epoch 2");
        assertTrue(!landed, "a second settlement from the same state landed and slashed again");
    }

    /// @notice The operator's last deal ends with epoch 3; it exits and waits out unbonding while the settlement
    ///         of epoch 3 (which slashes it) is still within its lag. It must not get its stake out first.
    function test_anOperatorCannotWithdrawAheadOfASlash() public {
        uint256 dealId = activeDeal(keccak256("shard"), 10_000, 1, 3);
        rollToEpoch(4);
        vm.prank(operator);
        ledger.beginExit();
        vm.roll(block.number + UNBONDING);
        vm.prank(operator);
        (bool withdrew,) = address(ledger).call(abi.encodeWithSignature("withdrawStake()"));
        assertTrue(!withdrew, "the stake left before the settlement of the deal's last epoch");

        // once the settlement through epoch 3 landed (with its slash) and the deal is closed, it may go
        settle(3, keccak256("root"), 6 ether, oneSlash(50 ether));
        ledger.closeDeal(dealId);
        vm.prank(operator);
        ledger.withdrawStake();
        assertEq(credit.balanceOf(operator), 100_000 ether - 50 ether, "the operator got its stake minus the slash");
    }

    /// @notice A dispute opened in a deal's last epoch is left unfinalized; the operator tries to exit, withdraw
    ///         and register again with a fresh stake, so that the old dispute slashes the new stake. It cannot
    ///         withdraw while the dispute is open; finalizing slashes the registration the dispute was opened
    ///         against, once, and the next registration is out of the old dispute's reach.
    function test_aStaleDisputeDoesNotSlashALaterRegistration() public {
        uint256 dealId = activeDeal(keccak256("shard"), 10_000, 1, 2);
        rollToEpoch(2);
        vm.prank(stranger);
        uint256 disputeId = court.openDispute(dealId, 0);
        rollToEpoch(3);
        settle(2, keccak256("root"), 4 ether, new Slash[](0));
        ledger.closeDeal(dealId);
        vm.prank(operator);
        ledger.beginExit();
        vm.roll(block.number + UNBONDING);
        vm.prank(operator);
        (bool withdrew,) = address(ledger).call(abi.encodeWithSignature("withdrawStake()"));
        assertTrue(!withdrew, "the operator withdrew while a dispute against it was open");

        court.finalizeDispute(disputeId);
        assertEq(ledger.stakeOf(operator), MIN_STAKE - DISPUTE_SLASH, "the dispute slashed its own registration");
        vm.prank(operator);
        ledger.withdrawStake();
        registerOperator(operator);
        (bool again,) = address(court).call(abi.encodeCall(court.finalizeDispute, (disputeId)));
        assertTrue(!again, "a finalized dispute was finalized again");
        assertEq(ledger.stakeOf(operator), MIN_STAKE, "the new registration's stake was slashed by an old dispute");
    }

    function test_aShardLargerThanTheBoundIsRejected() public {
        vm.prank(owner);
        (bool ok,) = address(ledger).call(
            abi.encodeCall(ledger.propose, (operator, keccak256("shard"), type(uint64).max, 4096, 8, 1, 1, 2))
        );
        assertTrue(!ok, "propose accepted a shard of 2^64 - 1 bytes");
    }

    function test_aDealLongerThanTheBoundIsRejected() public {
        vm.prank(owner);
        (bool ok,) = address(ledger).call(
            abi.encodeCall(ledger.propose, (operator, keccak256("shard"), 10_000, 4096, 8, 1, 1, type(uint64).max - 1))
        );
        assertTrue(!ok, "propose accepted a deal of 2^64 - 2 epochs");
    }

    function test_aCapacityAboveTheBoundIsRejected() public {
        vm.prank(stranger);
        (bool ok,) = address(ledger).call(
            abi.encodeCall(ledger.register, ("tcp://x:1", "eu", type(uint64).max, MIN_STAKE))
        );
        assertTrue(!ok, "register accepted a capacity of 2^64 - 1 bytes");
    }

    /// @notice The owner ends a deal early: from then on it cannot be disputed, and once it is the operator's
    ///         only deal and its last paid epoch is settled, the operator can exit and withdraw.
    function test_anOwnerCanEndADealAndTheOperatorThenExits() public {
        uint256 dealId = activeDeal(keccak256("shard"), 10_000, 1, 100);
        rollToEpoch(2);
        vm.prank(owner);
        (bool ended,) = address(ledger).call(abi.encodeWithSignature("endDeal(uint256)", dealId));
        assertTrue(ended, "the owner could not end its deal");
        vm.prank(stranger);
        (bool disputed,) = address(court).call(abi.encodeCall(court.openDispute, (dealId, 0)));
        assertTrue(!disputed, "an ended deal was disputed");
        vm.prank(operator);
        ledger.beginExit();
        vm.roll(block.number + UNBONDING);
        settle(2, keccak256("root"), 100 * PRICE, new Slash[](0));
        vm.prank(operator);
        (bool withdrew,) = address(ledger).call(abi.encodeWithSignature("withdrawStake()"));
        assertTrue(withdrew, "the operator of an ended deal could not withdraw");
    }

    /// @notice A deal the settlement rules terminated (maxFails) must stop being disputable on chain: the signed
    ///         settlement says so.
    function test_aDealTerminatedBySettlementIsNoLongerDisputable() public {
        uint256 dealId = activeDeal(keccak256("shard"), 10_000, 1, 100);
        rollToEpoch(4);
        uint256[] memory terminated = new uint256[](1);
        terminated[0] = dealId;
        settle(2, keccak256("root"), 4 ether, oneSlash(20 ether), terminated);
        vm.prank(stranger);
        (bool disputed,) = address(court).call(abi.encodeCall(court.openDispute, (dealId, 0)));
        assertTrue(!disputed, "a deal the settlement terminated was disputed");
        assertEq(ledger.getOperator(operator).activeDeals, 0, "active deals after the termination");
    }
}
