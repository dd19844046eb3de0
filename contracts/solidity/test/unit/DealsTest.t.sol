// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "../../src/ledger/IShardLedgerEvents.sol";
import {Deal, DealStatus, Economics} from "../../src/ledger/LedgerTypes.sol";

contract DealsTest is LedgerFixture {
    bytes32 internal constant ROOT = keccak256("shard root");

    function setUp() public override {
        super.setUp();
        registerOperator(operator);
    }

    function test_proposeEscrowsWholePriceAndEmitsEveryField() public {
        uint256 before = credit.balanceOf(owner);
        vm.expectEmit();
        emit IShardLedgerEvents.DealProposed(1, operator, ROOT, owner, 10_000, 4096, 8, PRICE, 2, 6);
        uint256 dealId = proposeDeal(ROOT, 10_000, 2, 6);
        assertEq(dealId, 1, "ids start at 1");
        assertEq(ledger.dealCount(), 1, "deal count");
        assertEq(credit.balanceOf(owner), before - 5 * PRICE, "escrow pulled");
        Deal memory d = ledger.getDeal(dealId);
        assertEq(d.owner, owner, "owner");
        assertEq(d.operator, operator, "operator");
        assertEq(d.root, ROOT, "root");
        assertEq(d.size, 10_000, "size");
        assertEq(d.segmentSize, 4096, "segment size");
        assertEq(d.samples, 8, "samples");
        assertEq(d.pricePerEpoch, PRICE, "price");
        assertEq(d.firstEpoch, 2, "first");
        assertEq(d.lastEpoch, 6, "last");
        assertTrue(d.status == DealStatus.Proposed, "status");
        assertEq(proposeDeal(ROOT, 1, 0, 0), 2, "second id");
    }

    function test_proposeKeepsWithinTheBounds() public {
        rollToEpoch(5);
        // the longest deal: maxDealEpochs epochs counted from the current one
        vm.prank(owner);
        ledger.propose(operator, ROOT, MAX_SHARD_SIZE, 4096, 4, 1, 5, 5 + MAX_DEAL_EPOCHS - 1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealTooLong.selector, MAX_DEAL_EPOCHS + 1, MAX_DEAL_EPOCHS));
        vm.prank(owner);
        ledger.propose(operator, ROOT, 10, 4096, 4, 1, 5, 5 + MAX_DEAL_EPOCHS);
        // a far future start counts too
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealTooLong.selector, MAX_DEAL_EPOCHS + 1, MAX_DEAL_EPOCHS));
        vm.prank(owner);
        ledger.propose(operator, ROOT, 10, 4096, 4, 1, 5 + MAX_DEAL_EPOCHS, 5 + MAX_DEAL_EPOCHS);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.ShardTooLarge.selector, MAX_SHARD_SIZE + 1, MAX_SHARD_SIZE));
        vm.prank(owner);
        ledger.propose(operator, ROOT, MAX_SHARD_SIZE + 1, 4096, 4, 1, 5, 6);
    }

    function test_proposeRejectsBadShapes() public {
        vm.startPrank(owner);
        vm.expectRevert(IShardLedgerErrors.EmptyShard.selector);
        ledger.propose(operator, ROOT, 0, 4096, 4, PRICE, 1, 2);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSegmentSize.selector, 128));
        ledger.propose(operator, ROOT, 10, 128, 4, PRICE, 1, 2);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSegmentSize.selector, 65536));
        ledger.propose(operator, ROOT, 10, 65536, 4, PRICE, 1, 2);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSegmentSize.selector, 3000));
        ledger.propose(operator, ROOT, 10, 3000, 4, PRICE, 1, 2);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSamples.selector, 0));
        ledger.propose(operator, ROOT, 10, 4096, 0, PRICE, 1, 2);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidEpochRange.selector, 3, 2));
        ledger.propose(operator, ROOT, 10, 4096, 4, PRICE, 3, 2);
        vm.expectRevert(
            abi.encodeWithSelector(IShardLedgerErrors.DealTooLong.selector, uint256(type(uint64).max) + 1, MAX_DEAL_EPOCHS)
        );
        ledger.propose(operator, ROOT, 10, 4096, 4, PRICE, 3, type(uint64).max);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorNotEligible.selector, stranger));
        ledger.propose(stranger, ROOT, 10, 4096, 4, PRICE, 1, 2);
        vm.expectRevert(IShardLedgerErrors.AmountTooLarge.selector);
        ledger.propose(operator, ROOT, 10, 4096, 4, uint256(type(uint128).max) + 1, 1, 2);
        vm.expectRevert(IShardLedgerErrors.AmountTooLarge.selector);
        ledger.propose(operator, ROOT, 10, 4096, 4, type(uint128).max, 1, 2);
        vm.stopPrank();
        rollToEpoch(5);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.FirstEpochInPast.selector, 4, 5));
        vm.prank(owner);
        ledger.propose(operator, ROOT, 10, 4096, 4, PRICE, 4, 6);
    }

    function test_activateWithOperatorSignature() public {
        uint256 dealId = proposeDeal(ROOT, 10_000, 2, 6);
        bytes memory sig = acceptance(operatorKey, dealId);
        vm.expectEmit();
        emit IShardLedgerEvents.DealActivated(dealId, operator, 5 * PRICE);
        vm.prank(stranger); // anyone may deliver the signature
        ledger.activate(dealId, sig);
        assertTrue(ledger.getDeal(dealId).status == DealStatus.Active, "active");
        assertEq(ledger.totalEscrowed(), 5 * PRICE, "escrow counts once active");
        assertEq(ledger.getOperator(operator).activeDeals, 1, "active deals");
    }

    function test_activationDigestIsTheEip712DealAcceptance() public {
        uint256 dealId = proposeDeal(ROOT, 10_000, 2, 6);
        bytes32 structHash = keccak256(
            abi.encode(ledger.DEAL_ACCEPTANCE_TYPEHASH(), dealId, ROOT, uint64(10_000), uint64(2), uint64(6), PRICE)
        );
        bytes32 expected = keccak256(abi.encodePacked("\x19\x01", ledger.domainSeparator(), structHash));
        assertEq(ledger.dealAcceptanceDigest(dealId), expected, "digest");
    }

    function test_activateRejectsWrongSigner() public {
        uint256 dealId = proposeDeal(ROOT, 10_000, 2, 6);
        bytes memory sig = acceptance(verifierKeys[0], dealId);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidOperatorSignature.selector, dealId, verifiers[0]));
        ledger.activate(dealId, sig);
    }

    function test_activateRejectsSignatureForAnotherDeal() public {
        uint256 first = proposeDeal(ROOT, 10_000, 2, 6);
        uint256 second = proposeDeal(ROOT, 10_000, 2, 6);
        bytes memory sigForFirst = acceptance(operatorKey, first);
        vm.expectRevert();
        ledger.activate(second, sigForFirst);
        assertTrue(ledger.getDeal(second).status == DealStatus.Proposed, "still proposed");
    }

    function test_activateRejectsStateAndTiming() public {
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotProposed.selector, 9));
        ledger.activate(9, "");
        uint256 dealId = proposeDeal(ROOT, 10_000, 2, 6);
        bytes memory sig = acceptance(operatorKey, dealId);
        rollToEpoch(3);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.ProposalExpired.selector, dealId));
        ledger.activate(dealId, sig);
        rollToEpoch(2);
        ledger.activate(dealId, sig); // still fine during its first epoch
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotProposed.selector, dealId));
        ledger.activate(dealId, sig);
    }

    function test_activateNeedsOperatorAtMinimumStake() public {
        uint256 dealId = proposeDeal(ROOT, 10_000, 2, 6);
        Economics memory e = economics();
        e.minStake = MIN_STAKE + 1;
        vm.prank(admin);
        ledger.setEconomics(e);
        bytes memory sig = acceptance(operatorKey, dealId);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorNotEligible.selector, operator));
        ledger.activate(dealId, sig);
    }

    function test_ownerCancelsAnyTimeBeforeActivation() public {
        uint256 dealId = proposeDeal(ROOT, 10_000, 2, 6);
        uint256 before = credit.balanceOf(owner);
        vm.expectEmit();
        emit IShardLedgerEvents.DealCancelled(dealId, owner, 5 * PRICE);
        vm.prank(owner);
        ledger.cancel(dealId);
        assertEq(credit.balanceOf(owner), before + 5 * PRICE, "full refund");
        assertTrue(ledger.getDeal(dealId).status == DealStatus.Cancelled, "cancelled");
        bytes memory sig = acceptance(operatorKey, dealId);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotProposed.selector, dealId));
        ledger.activate(dealId, sig);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotProposed.selector, dealId));
        vm.prank(owner);
        ledger.cancel(dealId);
    }

    function test_anyoneCancelsAnExpiredProposalToTheOwner() public {
        uint256 dealId = proposeDeal(ROOT, 10_000, 2, 6);
        rollToEpoch(2);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.CancelNotAllowed.selector, dealId));
        vm.prank(stranger);
        ledger.cancel(dealId);
        rollToEpoch(3);
        uint256 before = credit.balanceOf(owner);
        vm.prank(stranger);
        ledger.cancel(dealId);
        assertEq(credit.balanceOf(owner), before + 5 * PRICE, "refund to the owner");
    }

    function test_activeDealCannotBeCancelled() public {
        uint256 dealId = activeDeal(ROOT, 10_000, 2, 6);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotProposed.selector, dealId));
        vm.prank(owner);
        ledger.cancel(dealId);
    }
}
