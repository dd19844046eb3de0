// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {LedgerFixture} from "../base/LedgerFixture.sol";
import {PayoutTree} from "../base/PayoutTree.sol";
import {ShardLedger} from "../../src/ShardLedger.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "../../src/ledger/IShardLedgerEvents.sol";
import {DealStatus, Slash} from "../../src/ledger/LedgerTypes.sol";

contract SettlementTest is LedgerFixture {
    using PayoutTree for PayoutTree.Tree;

    bytes32 internal constant ROOT = keccak256("payout root");
    address internal alice = address(0xA1);
    address internal bob = address(0xB0);

    function setUp() public override {
        super.setUp();
        registerOperator(operator);
        activeDeal(keccak256("shard"), 10_000, 1, 10); // escrow 10 * PRICE
        rollToEpoch(5);
    }

    function tree(uint256 aliceAmount, uint256 bobAmount) internal view returns (PayoutTree.Tree memory) {
        address[] memory accounts = new address[](3);
        uint256[] memory amounts = new uint256[](3);
        (accounts[0], accounts[1], accounts[2]) = (alice, bob, operator);
        (amounts[0], amounts[1], amounts[2]) = (aliceAmount, bobAmount, 1);
        return PayoutTree.build(accounts, amounts);
    }

    // ---- settle ---------------------------------------------------------------------------------

    function test_settleStoresRootAndTotals() public {
        vm.expectEmit();
        emit IShardLedgerEvents.Settled(2, 0, ROOT, 3 ether, keccak256(""), keccak256(""));
        settle(2, ROOT, 3 ether, noSlashes());
        assertEq(ledger.latestRoot(), ROOT, "latest root");
        assertEq(ledger.previousRoot(), bytes32(0), "previous root");
        assertEq(ledger.cumulativeTotal(), 3 ether, "cumulative total");
        assertEq(ledger.settledThrough(), 3, "settled through");

        settle(4, keccak256("next"), 3 ether, noSlashes()); // gaps allowed, equal total allowed
        assertEq(ledger.latestRoot(), keccak256("next"), "latest root");
        assertEq(ledger.previousRoot(), ROOT, "previous root");
        assertEq(ledger.settledThrough(), 5, "settled through");
    }

    function test_settledThroughIsReadFromItsSlot() public {
        assertEq(settledThroughOf(ledger), 0, "before any settlement");
        settle(3, ROOT, 1 ether, noSlashes());
        assertEq(settledThroughOf(ledger), ledger.settledThrough(), "slot 3 holds settledThrough");
    }

    function test_settlementMustStartAtSettledThrough() public {
        settle(1, ROOT, 1 ether, noSlashes());
        // a quorum over a settlement computed from the state before epoch 1's: it starts at 0 again
        bytes32 digest = settlementDigest(ledger, 0, 3, ROOT, 1 ether, keccak256(""), keccak256(""));
        bytes[] memory sigs = sortedSignatures(firstKeys(3), digest);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.WrongFromEpoch.selector, 0, 2));
        ledger.settle(0, 3, ROOT, 1 ether, noSlashes(), noTerminations(), sigs);
        // and one that skips ahead of settledThrough
        digest = settlementDigest(ledger, 3, 3, ROOT, 1 ether, keccak256(""), keccak256(""));
        sigs = sortedSignatures(firstKeys(3), digest);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.WrongFromEpoch.selector, 3, 2));
        ledger.settle(3, 3, ROOT, 1 ether, noSlashes(), noTerminations(), sigs);
    }

    function test_terminationsAreSignedAndEndDeals() public {
        uint256[] memory terminated = new uint256[](1);
        terminated[0] = 1;
        bytes[] memory sigs = quorumSignatures(ledger, 0, 2, ROOT, 1 ether, noSlashes(), noTerminations());
        vm.expectRevert(); // the signatures cover no terminations: the recovered signers are not verifiers
        ledger.settle(0, 2, ROOT, 1 ether, noSlashes(), terminated, sigs);

        vm.expectEmit();
        emit IShardLedgerEvents.DealEnded(1, operator, 2, 1);
        settle(2, ROOT, 1 ether, noSlashes(), terminated);
        assertTrue(ledger.getDeal(1).status == DealStatus.Ended, "ended");
        assertEq(ledger.getDeal(1).endEpoch, 2, "paid through the settled epoch at most");
        assertEq(ledger.getOperator(operator).activeDeals, 0, "no active deal");
        // terminating it again (e.g. the owner ended it first) changes nothing
        settle(3, ROOT, 1 ether, noSlashes(), terminated);
        assertEq(ledger.getDeal(1).endEpoch, 2, "unchanged");
        // a deal that was never activated cannot be terminated
        vm.prank(owner);
        uint256 proposed = ledger.propose(operator, keccak256("p"), 10_000, 4096, 8, PRICE, 6, 8);
        terminated[0] = proposed;
        sigs = quorumSignatures(ledger, 4, 4, ROOT, 1 ether, noSlashes(), terminated);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NotTerminable.selector, proposed));
        ledger.settle(4, 4, ROOT, 1 ether, noSlashes(), terminated, sigs);
    }

    function test_settleOnlyEndedEpochs() public {
        bytes[] memory sigs = quorumSignatures(ledger, 5, ROOT, 0, noSlashes());
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.EpochNotEnded.selector, 5));
        settleRaw(ledger, 5, ROOT, 0, noSlashes(), sigs);
    }

    function test_epochSettlesAtMostOnce() public {
        settle(3, ROOT, 1 ether, noSlashes());
        bytes[] memory again = quorumSignatures(ledger, 3, ROOT, 1 ether, noSlashes());
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.EpochAlreadySettled.selector, 3));
        settleRaw(ledger, 3, ROOT, 1 ether, noSlashes(), again);
        bytes[] memory earlier = quorumSignatures(ledger, 1, ROOT, 1 ether, noSlashes());
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.EpochAlreadySettled.selector, 1));
        settleRaw(ledger, 1, ROOT, 1 ether, noSlashes(), earlier);
    }

    function test_cumulativeTotalNeverDecreasesNorExceedsEscrow() public {
        settle(1, ROOT, 2 ether, noSlashes());
        bytes[] memory lower = quorumSignatures(ledger, 2, ROOT, 1 ether, noSlashes());
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.CumulativeTotalDecreased.selector, 1 ether, 2 ether));
        settleRaw(ledger, 2, ROOT, 1 ether, noSlashes(), lower);
        uint256 escrow = 10 * PRICE;
        bytes[] memory above = quorumSignatures(ledger, 2, ROOT, escrow + 1, noSlashes());
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.CumulativeTotalAboveEscrow.selector, escrow + 1, escrow));
        settleRaw(ledger, 2, ROOT, escrow + 1, noSlashes(), above);
        settle(2, ROOT, escrow, noSlashes());
    }

    function test_settleNeedsThresholdSignatures() public {
        bytes32 digest = settlementDigest(ledger, 1, ROOT, 0, keccak256(""));
        bytes[] memory two = sortedSignatures(firstKeys(2), digest);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InsufficientSignatures.selector, 2, 3));
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), two);
        bytes[] memory five = sortedSignatures(firstKeys(5), digest);
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), five);
        assertEq(ledger.settledThrough(), 2, "more than t signatures are fine");
    }

    function test_signersMustBeAscendingAndDistinct() public {
        bytes32 digest = settlementDigest(ledger, 1, ROOT, 0, keccak256(""));
        bytes[] memory sigs = sortedSignatures(firstKeys(3), digest);
        (sigs[0], sigs[1]) = (sigs[1], sigs[0]);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.SignersNotAscending.selector, 1));
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), sigs);
        sigs = sortedSignatures(firstKeys(3), digest);
        sigs[2] = sigs[1];
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.SignersNotAscending.selector, 2));
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), sigs);
    }

    function test_onlyCurrentVerifiersCount() public {
        uint256[] memory keys = firstKeys(3);
        keys[2] = 0xBAD;
        bytes32 digest = settlementDigest(ledger, 1, ROOT, 0, keccak256(""));
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NotVerifier.selector, vm.addr(0xBAD)));
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), sortedSignatures(keys, digest));

        address[] memory removed = new address[](1);
        removed[0] = verifiers[0];
        vm.prank(admin);
        ledger.updateVerifiers(new address[](0), removed, 3);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NotVerifier.selector, verifiers[0]));
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), sortedSignatures(firstKeys(3), digest));
    }

    function test_malformedSignatureIsRejected() public {
        bytes[] memory sigs = quorumSignatures(ledger, 1, ROOT, 0, noSlashes());
        sigs[0] = bytes.concat(sigs[0], hex"00");
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureLength.selector, 66));
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), sigs);
    }

    function test_noReplayAcrossEpochs() public {
        bytes[] memory sigs = quorumSignatures(ledger, 1, ROOT, 0, noSlashes());
        vm.expectRevert();
        settleRaw(ledger, 2, ROOT, 0, noSlashes(), sigs);
        assertEq(ledger.settledThrough(), 0, "nothing settled");
    }

    function test_noReplayAcrossContracts() public {
        ShardLedger other = deployLedger(verifiers, THRESHOLD);
        bytes[] memory sigs = quorumSignatures(ledger, 1, ROOT, 0, noSlashes());
        vm.expectRevert();
        settleRaw(other, 1, ROOT, 0, noSlashes(), sigs);
        assertEq(other.settledThrough(), 0, "nothing settled on the other ledger");
    }

    function test_noReplayAcrossChains() public {
        bytes[] memory sigs = quorumSignatures(ledger, 1, ROOT, 0, noSlashes());
        vm.chainId(block.chainid + 1);
        vm.expectRevert();
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), sigs);
        assertEq(ledger.settledThrough(), 0, "nothing settled on the forked chain");
    }

    function test_slashesAreCappedByStakeAndBurned() public {
        address poor = vm.addr(0xB00);
        fund(poor, MIN_STAKE);
        registerOperator(poor);
        Slash[] memory slashes = new Slash[](3);
        slashes[0] = Slash(operator, 100 ether);
        slashes[1] = Slash(poor, MIN_STAKE + 5 ether);
        slashes[2] = Slash(stranger, 1 ether); // not registered: nothing to take
        uint256 supply = credit.totalSupply();
        vm.expectEmit();
        emit IShardLedgerEvents.Settled(1, 0, ROOT, 0, slashesHash(slashes), keccak256(""));
        vm.expectEmit();
        emit IShardLedgerEvents.SettlementSlash(1, operator, 100 ether, 100 ether);
        vm.expectEmit();
        emit IShardLedgerEvents.SettlementSlash(1, poor, MIN_STAKE + 5 ether, MIN_STAKE);
        vm.expectEmit();
        emit IShardLedgerEvents.SettlementSlash(1, stranger, 1 ether, 0);
        settle(1, ROOT, 0, slashes);
        assertEq(ledger.stakeOf(operator), MIN_STAKE - 100 ether, "operator stake");
        assertEq(ledger.stakeOf(poor), 0, "capped at the stake");
        assertEq(credit.totalSupply(), supply - 100 ether - MIN_STAKE, "slashed credits burned");
    }

    function test_slashesAreSigned() public {
        Slash[] memory signed = new Slash[](1);
        signed[0] = Slash(operator, 1 ether);
        bytes[] memory sigs = quorumSignatures(ledger, 1, ROOT, 0, signed);
        Slash[] memory tampered = new Slash[](1);
        tampered[0] = Slash(operator, 2 ether);
        vm.expectRevert();
        settleRaw(ledger, 1, ROOT, 0, tampered, sigs);
        vm.expectRevert();
        settleRaw(ledger, 1, ROOT, 0, noSlashes(), sigs);
        settleRaw(ledger, 1, ROOT, 0, signed, sigs);
        assertEq(ledger.stakeOf(operator), MIN_STAKE - 1 ether, "signed slash applied");
    }

    function test_hashSlashesIsKeccakOfConcatenatedEncodings() public view {
        assertEq(ledger.hashSlashes(noSlashes()), keccak256(""), "empty list");
        Slash[] memory s = new Slash[](2);
        s[0] = Slash(address(0x1234), 5);
        s[1] = Slash(address(0x5678), 6);
        assertEq(
            ledger.hashSlashes(s),
            keccak256(abi.encodePacked(abi.encode(address(0x1234), uint256(5)), abi.encode(address(0x5678), uint256(6)))),
            "two slashes"
        );
    }

    // ---- claim ----------------------------------------------------------------------------------

    function test_claimPaysTheAccountWhoeverSends() public {
        PayoutTree.Tree memory t = tree(3 ether, 5 ether);
        settle(1, t.root(), 8 ether + 1, noSlashes());
        uint256 before = credit.balanceOf(alice);
        vm.expectEmit();
        emit IShardLedgerEvents.Claimed(alice, 3 ether, 3 ether);
        vm.prank(stranger);
        ledger.claim(alice, 3 ether, t.proof(alice, 3 ether));
        assertEq(credit.balanceOf(alice), before + 3 ether, "paid to the account");
        assertEq(ledger.claimed(alice), 3 ether, "claimed");
        assertEq(ledger.totalClaimed(), 3 ether, "total claimed");

        bytes32[] memory proof = t.proof(alice, 3 ether);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NothingToClaim.selector, alice, 3 ether, 3 ether));
        ledger.claim(alice, 3 ether, proof);
    }

    function test_repeatClaimPaysTheIncrement() public {
        PayoutTree.Tree memory t1 = tree(3 ether, 5 ether);
        settle(1, t1.root(), 8 ether + 1, noSlashes());
        ledger.claim(alice, 3 ether, t1.proof(alice, 3 ether));
        PayoutTree.Tree memory t2 = tree(4 ether, 6 ether);
        settle(2, t2.root(), 10 ether + 1, noSlashes());
        vm.expectEmit();
        emit IShardLedgerEvents.Claimed(alice, 1 ether, 4 ether);
        ledger.claim(alice, 4 ether, t2.proof(alice, 4 ether));
        assertEq(credit.balanceOf(alice), 4 ether, "cumulative paid");
    }

    function test_claimRejectsWrongAmountOrAccount() public {
        PayoutTree.Tree memory t = tree(3 ether, 5 ether);
        settle(1, t.root(), 8 ether + 1, noSlashes());
        bytes32[] memory proof = t.proof(alice, 3 ether);
        vm.expectRevert(IShardLedgerErrors.InvalidClaimProof.selector);
        ledger.claim(alice, 3 ether + 1, proof);
        vm.expectRevert(IShardLedgerErrors.InvalidClaimProof.selector);
        ledger.claim(bob, 3 ether, proof);
        assertEq(credit.balanceOf(alice), 0, "nothing paid");
    }

    function test_claimAcceptsTheLatestAndThePreviousRootOnly() public {
        PayoutTree.Tree memory t1 = tree(1 ether, 1 ether);
        PayoutTree.Tree memory t2 = tree(2 ether, 2 ether);
        PayoutTree.Tree memory t3 = tree(3 ether, 3 ether);
        settle(1, t1.root(), 6 ether + 1, noSlashes());
        settle(2, t2.root(), 6 ether + 1, noSlashes());
        ledger.claim(alice, 1 ether, t1.proof(alice, 1 ether)); // proof fetched before settlement 2
        assertEq(credit.balanceOf(alice), 1 ether, "previous root pays");
        settle(3, t3.root(), 6 ether + 1, noSlashes());
        bytes32[] memory stale = t1.proof(bob, 1 ether);
        vm.expectRevert(IShardLedgerErrors.InvalidClaimProof.selector);
        ledger.claim(bob, 1 ether, stale);
        ledger.claim(bob, 2 ether, t2.proof(bob, 2 ether));
        ledger.claim(bob, 3 ether, t3.proof(bob, 3 ether));
        assertEq(credit.balanceOf(bob), 3 ether, "cumulative, never more");
        bytes32[] memory older = t2.proof(alice, 2 ether);
        ledger.claim(alice, 2 ether, older);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.NothingToClaim.selector, alice, 2 ether, 2 ether));
        ledger.claim(alice, 2 ether, older);
    }

    function test_claimsNeverExceedTheSettledTotal() public {
        // a tree whose leaves add up to more than its signed total: claims stop at the total
        PayoutTree.Tree memory t = tree(3 ether, 5 ether);
        settle(1, t.root(), 6 ether, noSlashes());
        ledger.claim(bob, 5 ether, t.proof(bob, 5 ether));
        bytes32[] memory proof = t.proof(alice, 3 ether);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.ClaimsExceedSettledTotal.selector, 8 ether, 6 ether));
        ledger.claim(alice, 3 ether, proof);
    }
}
