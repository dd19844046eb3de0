// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {PayoutTree} from "../base/PayoutTree.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {Economics, Slash} from "../../src/ledger/LedgerTypes.sol";

contract LedgerFuzzTest is LedgerFixture {
    using PayoutTree for PayoutTree.Tree;

    uint256 internal constant ESCROW_EPOCHS = 100;

    function setUp() public override {
        super.setUp();
        registerOperator(operator);
        activeDeal(keccak256("shard"), 10_000, 1, uint64(ESCROW_EPOCHS)); // escrow 100 * PRICE
        rollToEpoch(200);
    }

    function twoAccountTree(address a, uint256 amountA, address b, uint256 amountB)
        internal
        pure
        returns (PayoutTree.Tree memory)
    {
        address[] memory accounts = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (accounts[0], accounts[1], amounts[0], amounts[1]) = (a, b, amountA, amountB);
        return PayoutTree.build(accounts, amounts);
    }

    function testFuzz_claimsPayExactlyTheCumulativeAmount(uint96 first, uint96 increment, uint96 other) public {
        uint256 escrow = ESCROW_EPOCHS * PRICE;
        uint256 a1 = bound(first, 1, escrow / 4);
        uint256 a2 = a1 + bound(increment, 0, escrow / 4);
        uint256 b = bound(other, 1, escrow / 4);
        address alice = address(0xA11);
        address bob = address(0xB0B);

        PayoutTree.Tree memory t1 = twoAccountTree(alice, a1, bob, b);
        settle(1, t1.root(), a1 + b, noSlashes());
        ledger.claim(alice, a1, t1.proof(alice, a1));
        PayoutTree.Tree memory t2 = twoAccountTree(alice, a2, bob, b);
        settle(2, t2.root(), a2 + b, noSlashes());
        if (a2 > a1) {
            ledger.claim(alice, a2, t2.proof(alice, a2));
        } else {
            bytes32[] memory proof = t2.proof(alice, a2);
            vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NothingToClaim.selector, alice, a2, a1));
            ledger.claim(alice, a2, proof);
        }
        ledger.claim(bob, b, t2.proof(bob, b));
        assertEq(credit.balanceOf(alice), a2, "alice paid her cumulative amount");
        assertEq(credit.balanceOf(bob), b, "bob paid his");
        assertEq(ledger.totalClaimed(), a2 + b, "total claimed");
        assertLe(ledger.totalClaimed(), ledger.cumulativeTotal(), "claimed within settled");
    }

    function testFuzz_settlementRejectsDecreasingOrUnbackedTotals(uint256 firstTotal, uint256 secondTotal) public {
        uint256 escrow = ESCROW_EPOCHS * PRICE;
        firstTotal = bound(firstTotal, 0, escrow);
        settle(1, keccak256("r1"), firstTotal, noSlashes());
        bytes[] memory sigs = quorumSignatures(ledger, 2, keccak256("r2"), secondTotal, noSlashes());
        if (secondTotal < firstTotal) {
            vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.CumulativeTotalDecreased.selector, secondTotal, firstTotal));
        } else if (secondTotal > escrow) {
            vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.CumulativeTotalAboveEscrow.selector, secondTotal, escrow));
        }
        settleRaw(ledger, 2, keccak256("r2"), secondTotal, noSlashes(), sigs);
        uint256 expected = secondTotal < firstTotal || secondTotal > escrow ? firstTotal : secondTotal;
        assertEq(ledger.cumulativeTotal(), expected, "cumulative total");
    }

    function testFuzz_settlementSlashNeverExceedsStake(uint128 extraStake, uint256 amount1, uint256 amount2) public {
        extraStake = uint128(bound(extraStake, 0, 1_000_000 ether));
        if (extraStake > 0) {
            fund(operator, extraStake);
            vm.prank(operator);
            ledger.addStake(extraStake);
        }
        uint256 stake = ledger.stakeOf(operator);
        Slash[] memory slashes = new Slash[](2);
        slashes[0] = Slash(operator, amount1);
        slashes[1] = Slash(operator, amount2);
        uint256 supply = credit.totalSupply();
        settle(1, bytes32(0), 0, slashes);
        uint256 first = amount1 < stake ? amount1 : stake;
        uint256 second = amount2 < stake - first ? amount2 : stake - first;
        assertEq(ledger.stakeOf(operator), stake - first - second, "stake after slashes");
        assertEq(credit.totalSupply(), supply - first - second, "burned what was taken");
    }

    function testFuzz_disputeSlashBoundedAndAllBurned(uint128 slash, uint128 stakeLeft) public {
        slash = uint128(bound(slash, 0, 10_000 ether));
        stakeLeft = uint128(bound(stakeLeft, 0, MIN_STAKE));
        vm.prank(admin);
        ledger.setEconomics(Economics({minStake: MIN_STAKE, disputeBond: BOND, disputeSlash: slash, disputeReward: 0}));
        Slash[] memory slashes = new Slash[](1);
        slashes[0] = Slash(operator, MIN_STAKE - stakeLeft);
        rollToEpoch(50);
        settle(1, bytes32(0), 0, slashes);
        vm.prank(stranger);
        uint256 disputeId = court.openDispute(1, 0);
        vm.roll(block.number + 2 + ANSWER_WINDOW);
        uint256 before = credit.balanceOf(stranger);
        uint256 supply = credit.totalSupply();
        court.finalizeDispute(disputeId);
        uint256 slashed = slash < stakeLeft ? slash : stakeLeft;
        assertEq(ledger.stakeOf(operator), stakeLeft - slashed, "stake");
        assertEq(credit.balanceOf(stranger), before + BOND, "disputer: its bond back, nothing of the stake");
        assertEq(credit.totalSupply(), supply - slashed, "burned");
    }

    function testFuzz_signaturesFromOutsideTheSetNeverCount(uint256 outsiderKey) public {
        outsiderKey = bound(outsiderKey, 1, 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140);
        address outsider = vm.addr(outsiderKey);
        vm.assume(!ledger.isVerifier(outsider));
        uint256[] memory keys = firstKeys(3);
        keys[1] = outsiderKey;
        bytes[] memory sigs = sortedSignatures(keys, settlementDigest(ledger, 1, bytes32(0), 0, keccak256("")));
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NotVerifier.selector, outsider));
        settleRaw(ledger, 1, bytes32(0), 0, noSlashes(), sigs);
    }
}
