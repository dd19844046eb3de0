// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "../../src/ledger/IShardLedgerEvents.sol";
import {Operator, OperatorStatus} from "../../src/ledger/LedgerTypes.sol";

contract RegistryTest is LedgerFixture {
    function test_registerPullsStakeAndStoresInfo() public {
        uint256 before = credit.balanceOf(operator);
        vm.expectEmit();
        emit IShardLedgerEvents.OperatorRegistered(operator, "tcp://a:1", "us-east", 1000, MIN_STAKE + 1);
        vm.prank(operator);
        ledger.register("tcp://a:1", "us-east", 1000, MIN_STAKE + 1);
        Operator memory op = ledger.getOperator(operator);
        assertEq(op.stake, MIN_STAKE + 1, "stake");
        assertEq(op.capacity, 1000, "capacity");
        assertTrue(op.status == OperatorStatus.Active, "status");
        assertEq(keccak256(bytes(op.endpoint)), keccak256("tcp://a:1"), "endpoint");
        assertEq(keccak256(bytes(op.region)), keccak256("us-east"), "region");
        assertEq(credit.balanceOf(operator), before - MIN_STAKE - 1, "stake pulled");
        assertEq(ledger.stakeOf(operator), MIN_STAKE + 1, "stakeOf");
    }

    function test_registerRejections() public {
        vm.startPrank(operator);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.StakeBelowMinimum.selector, MIN_STAKE - 1, MIN_STAKE));
        ledger.register("e", "r", 1, MIN_STAKE - 1);
        vm.expectRevert(IShardLedgerErrors.OperatorInfoTooLong.selector);
        ledger.register(string(new bytes(257)), "r", 1, MIN_STAKE);
        vm.expectRevert(IShardLedgerErrors.OperatorInfoTooLong.selector);
        ledger.register("e", string(new bytes(257)), 1, MIN_STAKE);
        ledger.register(string(new bytes(256)), "r", 1, MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.AlreadyRegistered.selector, operator));
        ledger.register("e", "r", 1, MIN_STAKE);
        vm.stopPrank();
    }

    function test_updateOperatorChangesInfo() public {
        registerOperator(operator);
        vm.expectEmit();
        emit IShardLedgerEvents.OperatorUpdated(operator, "tcp://b:2", "ap-south", 77);
        vm.prank(operator);
        ledger.updateOperator("tcp://b:2", "ap-south", 77);
        Operator memory op = ledger.getOperator(operator);
        assertEq(keccak256(bytes(op.endpoint)), keccak256("tcp://b:2"), "endpoint");
        assertEq(op.capacity, 77, "capacity");
        assertEq(op.stake, MIN_STAKE, "stake untouched");
    }

    function test_updateAndAddStakeNeedAnActiveRegistration() public {
        vm.startPrank(operator);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NotRegistered.selector, operator));
        ledger.updateOperator("e", "r", 1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NotRegistered.selector, operator));
        ledger.addStake(1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NotRegistered.selector, operator));
        ledger.beginExit();
        ledger.register("e", "r", 1, MIN_STAKE);
        vm.expectRevert(IShardLedgerErrors.OperatorInfoTooLong.selector);
        ledger.updateOperator("e", string(new bytes(300)), 1);
        vm.expectRevert(IShardLedgerErrors.ZeroAmount.selector);
        ledger.addStake(0);
        ledger.beginExit();
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorIsExiting.selector, operator));
        ledger.updateOperator("e", "r", 1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorIsExiting.selector, operator));
        ledger.addStake(1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorIsExiting.selector, operator));
        ledger.beginExit();
        vm.stopPrank();
    }

    function test_addStakeIncreasesStake() public {
        registerOperator(operator);
        vm.expectEmit();
        emit IShardLedgerEvents.StakeAdded(operator, 5 ether, MIN_STAKE + 5 ether);
        vm.prank(operator);
        ledger.addStake(5 ether);
        assertEq(ledger.stakeOf(operator), MIN_STAKE + 5 ether, "stake");
    }

    function test_stakeAboveUint128IsRejected() public {
        registerOperator(operator);
        vm.expectRevert(IShardLedgerErrors.AmountTooLarge.selector);
        vm.prank(operator);
        ledger.addStake(type(uint128).max);
    }

    function test_exitThenWithdrawWaitsForUnbondingDealsAndSettlement() public {
        registerOperator(operator);
        uint256 dealId = activeDeal(keccak256("root"), 10_000, 1, 3);
        rollToEpoch(2);
        uint64 ends = uint64(block.number) + UNBONDING;
        vm.expectEmit();
        emit IShardLedgerEvents.ExitStarted(operator, ends);
        vm.prank(operator);
        ledger.beginExit(); // exit may begin while deals run: it only stops new ones
        assertTrue(ledger.getOperator(operator).status == OperatorStatus.Exiting, "exiting");

        vm.roll(ends - 1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.UnbondingNotOver.selector, operator, ends));
        vm.prank(operator);
        ledger.withdrawStake();

        vm.roll(ends); // epoch 6: the deal's period is over, but it is still active on chain
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealsStillActive.selector, operator, 1));
        vm.prank(operator);
        ledger.withdrawStake();
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotOver.selector, dealId, 3, 0));
        ledger.closeDeal(dealId);
        settle(3, keccak256("payouts"), 6 ether, noSlashes());
        vm.expectEmit();
        emit IShardLedgerEvents.DealEnded(dealId, operator, 3, 2);
        ledger.closeDeal(dealId);

        uint256 before = credit.balanceOf(operator);
        vm.expectEmit();
        emit IShardLedgerEvents.StakeWithdrawn(operator, MIN_STAKE);
        vm.prank(operator);
        ledger.withdrawStake();
        assertEq(credit.balanceOf(operator), before + MIN_STAKE, "stake returned");
        assertTrue(ledger.getOperator(operator).status == OperatorStatus.None, "deregistered");
        assertEq(ledger.stakeOf(operator), 0, "no stake left");

        // and it can come back, as a new registration
        uint64 first = registrationOf(operator);
        registerOperator(operator);
        assertEq(ledger.stakeOf(operator), MIN_STAKE, "re-registered");
        assertEq(ledger.getOperator(operator).registration, first + 1, "a new registration number");
    }

    function test_withdrawWaitsForTheSettlementOfAnEndedDeal() public {
        registerOperator(operator);
        uint256 dealId = activeDeal(keccak256("root"), 10_000, 1, 30);
        rollToEpoch(4);
        vm.prank(owner);
        ledger.endDeal(dealId);
        vm.prank(operator);
        ledger.beginExit();
        vm.roll(block.number + UNBONDING);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.SettlementNotPastDeals.selector, operator, 4, 0));
        vm.prank(operator);
        ledger.withdrawStake();
        settle(4, keccak256("payouts"), 8 ether, noSlashes());
        vm.prank(operator);
        ledger.withdrawStake();
        assertEq(ledger.stakeOf(operator), 0, "withdrawn");
    }

    function test_capacityAboveTheBoundIsRejected() public {
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.CapacityTooLarge.selector, MAX_CAPACITY + 1, MAX_CAPACITY));
        vm.prank(operator);
        ledger.register("tcp://x:1", "eu", MAX_CAPACITY + 1, MIN_STAKE);
        registerOperator(operator);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.CapacityTooLarge.selector, MAX_CAPACITY + 1, MAX_CAPACITY));
        vm.prank(operator);
        ledger.updateOperator("tcp://x:1", "eu", MAX_CAPACITY + 1);
    }

    function registrationOf(address who) internal view returns (uint64) {
        return ledger.registrationCount();
    }

    function test_withdrawNeedsExit() public {
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorNotExiting.selector, operator));
        vm.prank(operator);
        ledger.withdrawStake();
        registerOperator(operator);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorNotExiting.selector, operator));
        vm.prank(operator);
        ledger.withdrawStake();
    }

    function test_exitingOperatorTakesNoDeals() public {
        registerOperator(operator);
        uint256 dealId = proposeDeal(keccak256("root"), 10_000, 1, 3);
        vm.prank(operator);
        ledger.beginExit();
        bytes memory sig = acceptance(operatorKey, dealId);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorNotEligible.selector, operator));
        ledger.activate(dealId, sig);
    }
}
