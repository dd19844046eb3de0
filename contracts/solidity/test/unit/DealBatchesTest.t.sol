// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "../../src/ledger/IShardLedgerEvents.sol";
import {DealBook} from "../../src/ledger/DealBook.sol";
import {Deal, DealStatus, DealTerms} from "../../src/ledger/LedgerTypes.sol";

/// @notice proposeBatch and activateBatch: a file's deals in one transaction each, all or none, bounded.
contract DealBatchesTest is LedgerFixture {
    function setUp() public override {
        super.setUp();
        registerOperator(operator);
    }

    function terms(uint256 n) internal view returns (DealTerms[] memory t) {
        t = new DealTerms[](n);
        for (uint256 i; i < n; ++i) {
            t[i] = DealTerms(operator, keccak256(abi.encode("shard", i)), uint64(1000 + i), 4096, 8, PRICE + i, 2, 6);
        }
    }

    function proposeAll(DealTerms[] memory t) internal returns (uint256 first) {
        vm.prank(owner);
        first = ledger.proposeBatch(t);
    }

    function test_proposeBatchStoresEveryDealWithConsecutiveIdsAndPullsTheEscrowOnce() public {
        proposeDeal(keccak256("before"), 10, 1, 1);
        DealTerms[] memory t = terms(6);
        uint256 before = credit.balanceOf(owner);
        uint256 escrow;
        for (uint256 i; i < 6; ++i) {
            escrow += t[i].pricePerEpoch * 5;
            vm.expectEmit();
            emit IShardLedgerEvents.DealProposed(
                2 + i, operator, t[i].root, owner, t[i].size, 4096, 8, t[i].pricePerEpoch, 2, 6
            );
        }
        uint256 first = proposeAll(t);
        assertEq(first, 2, "first id of the batch");
        assertEq(ledger.dealCount(), 7, "deal count");
        assertEq(credit.balanceOf(owner), before - escrow, "the whole batch's escrow");
        for (uint256 i; i < 6; ++i) {
            Deal memory d = ledger.getDeal(first + i);
            assertEq(d.owner, owner, "owner");
            assertEq(d.root, t[i].root, "root");
            assertEq(d.size, t[i].size, "size");
            assertEq(d.pricePerEpoch, t[i].pricePerEpoch, "price");
            assertTrue(d.status == DealStatus.Proposed, "proposed");
        }
    }

    function test_proposeBatchIsAllOrNone() public {
        DealTerms[] memory t = terms(4);
        t[3].segmentSize = 3000;
        uint256 before = credit.balanceOf(owner);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidSegmentSize.selector, 3000));
        proposeAll(t);
        t = terms(4);
        t[2].operator = stranger;
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.OperatorNotEligible.selector, stranger));
        proposeAll(t);
        assertEq(ledger.dealCount(), 0, "no deal from a failed batch");
        assertEq(credit.balanceOf(owner), before, "no escrow from a failed batch");
    }

    function test_proposeBatchRefusesAnEscrowTheOwnerCannotPay() public {
        DealTerms[] memory t = terms(2);
        t[1].pricePerEpoch = 1_000_000 ether;
        vm.prank(owner);
        vm.expectRevert();
        ledger.proposeBatch(t);
        assertEq(ledger.dealCount(), 0, "nothing proposed");
    }

    function test_batchesAreBounded() public {
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidBatch.selector, 0, 0));
        proposeAll(new DealTerms[](0));
        uint256 max = ledger.MAX_BATCH();
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidBatch.selector, max + 1, max + 1));
        proposeAll(terms(max + 1));
        assertEq(proposeAll(terms(max)), 1, "the largest batch is taken");
        (uint256[] memory ids, bytes[] memory sigs) = batchAcceptances(1, 2);
        bytes[] memory one = new bytes[](1);
        one[0] = sigs[0];
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidBatch.selector, 2, 1));
        ledger.activateBatch(ids, one);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidBatch.selector, 0, 0));
        ledger.activateBatch(new uint256[](0), new bytes[](0));
        (ids, sigs) = batchAcceptances(1, max + 1);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidBatch.selector, max + 1, max + 1));
        ledger.activateBatch(ids, sigs);
    }

    /// An attacker's oversize batch is refused before any of it is read: its cost does not grow with its length.
    function test_anOversizeBatchIsRefusedCheaply() public {
        DealTerms[] memory t = terms(2_000);
        bytes memory data = abi.encodeCall(DealBook.proposeBatch, (t));
        vm.prank(owner);
        (bool ok, bytes memory ret) = address(ledger).call(data);
        uint256 used = vm.lastCallGas().gasTotalUsed;
        assertTrue(!ok, "refused");
        assertEq(keccak256(ret), keccak256(abi.encodeWithSelector(IShardLedgerErrors.InvalidBatch.selector, 2_000, 2_000)), "the error");
        assertLt(used, 5_000, "refused before reading the terms");
    }

    function test_activateBatchActivatesEveryDealOrNone() public {
        uint256 first = proposeAll(terms(5));
        (uint256[] memory ids, bytes[] memory sigs) = batchAcceptances(first, 5);
        bytes memory good = sigs[3];
        sigs[3] = sigs[2];
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidOperatorSignature.selector, first + 3,
            recover(first + 3, sigs[2])));
        ledger.activateBatch(ids, sigs);
        assertEq(ledger.getOperator(operator).activeDeals, 0, "nothing activated by a failed batch");
        sigs[3] = good;
        for (uint256 i; i < 5; ++i) {
            vm.expectEmit();
            emit IShardLedgerEvents.DealActivated(first + i, operator, (PRICE + i) * 5);
        }
        vm.prank(stranger);
        ledger.activateBatch(ids, sigs);
        assertEq(ledger.getOperator(operator).activeDeals, 5, "active deals");
        for (uint256 i; i < 5; ++i) {
            assertTrue(ledger.getDeal(first + i).status == DealStatus.Active, "active");
        }
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.DealNotProposed.selector, first));
        ledger.activateBatch(ids, sigs);
    }

    function test_activateBatchRefusesAnExpiredProposal() public {
        uint256 first = proposeAll(terms(2));
        (uint256[] memory ids, bytes[] memory sigs) = batchAcceptances(first, 2);
        rollToEpoch(3);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.ProposalExpired.selector, first));
        ledger.activateBatch(ids, sigs);
    }

    function recover(uint256 dealId, bytes memory sig) internal view returns (address) {
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly {
            r := mload(add(sig, 32))
            s := mload(add(sig, 64))
            v := byte(0, mload(add(sig, 96)))
        }
        return ecrecover(ledger.dealAcceptanceDigest(dealId), v, r, s);
    }
}
