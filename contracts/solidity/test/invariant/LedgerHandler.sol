// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Vm} from "../base/Vm.sol";
import {PayoutTree} from "../base/PayoutTree.sol";
import {ShardLedger} from "../../src/ShardLedger.sol";
import {DisputeCourt} from "../../src/ledger/DisputeCourt.sol";
import {StorageCredit} from "../../src/StorageCredit.sol";
import {DealStatus, Dispute, DisputeStatus, OperatorStatus, Slash} from "../../src/ledger/LedgerTypes.sol";

/// @notice Drives the ledger through random sequences of the protocol's actions and keeps ghost counts
///         of anything that must never happen (a second settlement of an epoch, a replayed or stale
///         signature accepted, a settlement from a stale state accepted, a slash above the stake, a stake leaving
///         while a slash or dispute can still reach it, an ended deal disputed).
contract LedgerHandler {
    using PayoutTree for PayoutTree.Tree;

    Vm internal constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
    uint8 internal constant THRESHOLD = 3;

    ShardLedger public immutable ledger;
    DisputeCourt public immutable court;
    ShardLedger public immutable otherLedger;
    StorageCredit public immutable credit;
    address public immutable admin;
    address public immutable disputer;

    uint256[] internal verifierKeys;
    uint256[] internal removedKeys;
    uint256 internal nextVerifierKey = 0xA11CE100;
    uint256[] internal operatorKeys;
    address[] public operators;
    address[] public owners;
    address[] internal accounts; // payout tree accounts: operators then owners

    uint256[] internal proposedDeals;
    uint256[] internal activeDeals;
    uint256[] internal openDisputes;
    mapping(uint256 dealId => bool) public ended;
    uint256 public activeDealCount;

    // ghost accounting
    uint256 public pendingEscrow;
    uint256 public openBonds;
    uint256[] internal committed; // cumulative amounts in the latest settled tree
    uint256[] internal previousCommitted;
    mapping(uint64 epoch => uint256) public settlesOf;

    // things that must never happen
    uint256 public doubleSettles;
    uint256 public replaySuccesses;
    uint256 public staleSignerSuccesses;
    uint256 public slashViolations;
    uint256 public staleStateSuccesses;
    uint256 public earlyWithdrawals;
    uint256 public endedDealDisputes;

    // what happened (for the log)
    uint256 public settles;
    uint256 public claims;
    uint256 public slashesApplied;
    uint256 public disputesUpheld;
    uint256 public dealsEnded;

    // the last accepted settlement, to replay
    uint64 internal lastEpoch;
    uint64 internal lastFrom;
    bytes32 internal lastRoot;
    uint256 internal lastTotal;
    bytes[] internal lastSignatures;

    constructor(
        ShardLedger ledger_,
        ShardLedger otherLedger_,
        StorageCredit credit_,
        address admin_,
        uint256[] memory verifierKeys_,
        uint256[] memory operatorKeys_,
        address[] memory owners_,
        address disputer_
    ) {
        (ledger, otherLedger, credit, admin, disputer) = (ledger_, otherLedger_, credit_, admin_, disputer_);
        court = DisputeCourt(ledger_.disputeCourt());
        verifierKeys = verifierKeys_;
        operatorKeys = operatorKeys_;
        owners = owners_;
        for (uint256 i; i < operatorKeys_.length; ++i) {
            operators.push(vm.addr(operatorKeys_[i]));
            accounts.push(vm.addr(operatorKeys_[i]));
        }
        for (uint256 i; i < owners_.length; ++i) {
            accounts.push(owners_[i]);
        }
        committed = new uint256[](accounts.length);
        previousCommitted = new uint256[](accounts.length);
    }

    // ---- actions --------------------------------------------------------------------------------

    function advance(uint256 blocks) external {
        vm.roll(block.number + 1 + blocks % 300);
    }

    function propose(uint256 seed) external {
        address owner = owners[seed % owners.length];
        address operator = operators[(seed >> 8) % operators.length];
        uint64 first = ledger.currentEpoch() + uint64((seed >> 16) % 3);
        uint64 last = first + uint64((seed >> 24) % 20);
        uint256 price = 1 ether + (seed >> 32) % 10 ether;
        vm.prank(owner);
        try ledger.propose(operator, keccak256(abi.encode(seed)), 4096 * 10, 4096, 4, price, first, last) returns (uint256 id) {
            pendingEscrow += price * (last - first + 1);
            proposedDeals.push(id);
        } catch {}
    }

    function activate(uint256 seed) external {
        if (proposedDeals.length == 0) return;
        uint256 pick = seed % proposedDeals.length;
        uint256 dealId = proposedDeals[pick];
        address operator = ledger.getDeal(dealId).operator;
        uint256 key = operatorKeys[indexOf(operators, operator)];
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, ledger.dealAcceptanceDigest(dealId));
        try ledger.activate(dealId, abi.encodePacked(r, s, v)) {
            pendingEscrow -= escrowOf(dealId);
            activeDeals.push(dealId);
            ++activeDealCount;
            removeAt(proposedDeals, pick);
        } catch {}
    }

    function cancel(uint256 seed) external {
        if (proposedDeals.length == 0) return;
        uint256 pick = seed % proposedDeals.length;
        uint256 dealId = proposedDeals[pick];
        vm.prank(ledger.getDeal(dealId).owner);
        try ledger.cancel(dealId) {
            pendingEscrow -= escrowOf(dealId);
            removeAt(proposedDeals, pick);
        } catch {}
    }

    function settle(uint256 seed, uint256 slashSeed) external {
        uint64 from = ledger.settledThrough();
        uint64 current = ledger.currentEpoch();
        if (current <= from) return;
        uint64 epoch = from + uint64(seed % (current - from));

        uint256[] memory amounts = new uint256[](committed.length);
        uint256 total;
        uint256 room = ledger.totalEscrowed() - sum(committed);
        for (uint256 i; i < amounts.length; ++i) {
            uint256 add = room == 0 ? 0 : uint256(keccak256(abi.encode(seed, i))) % (room / amounts.length + 1);
            amounts[i] = committed[i] + add;
            total += amounts[i];
        }
        Slash[] memory slashes = new Slash[](slashSeed % 3);
        uint256[] memory stakesBefore = new uint256[](slashes.length);
        for (uint256 i; i < slashes.length; ++i) {
            address operator = operators[uint256(keccak256(abi.encode(slashSeed, i))) % operators.length];
            slashes[i] = Slash(operator, uint256(keccak256(abi.encode(slashSeed, i, "amount"))) % 1500 ether);
            stakesBefore[i] = ledger.stakeOf(operator);
        }
        bytes32 root = PayoutTree.build(accounts, amounts).root();
        uint256[] memory terminations = pickTerminations(slashSeed);
        bytes[] memory sigs = quorum(ledger, from, epoch, root, total, slashes, terminations, verifierKeys);
        try ledger.settle(from, epoch, root, total, slashes, terminations, sigs) {
            ++settles;
            ++settlesOf[epoch];
            checkSlashes(slashes, stakesBefore);
            noteEnded(terminations);
            previousCommitted = committed;
            committed = amounts;
            (lastFrom, lastEpoch, lastRoot, lastTotal) = (from, epoch, root, total);
            delete lastSignatures;
            for (uint256 i; i < sigs.length; ++i) {
                lastSignatures.push(sigs[i]);
            }
            try ledger.settle(from, epoch, root, total, slashes, terminations, sigs) {
                ++doubleSettles;
            } catch {}
            trySettleFromStaleState(seed, slashes);
        } catch {}
    }

    /// @notice The same slashes again, in a later epoch, signed by a full quorum over the state the last
    ///         settlement started from: it must not land (a failure is slashed at most once).
    function trySettleFromStaleState(uint256 seed, Slash[] memory slashes) internal {
        uint64 next = ledger.settledThrough();
        if (next >= ledger.currentEpoch()) return;
        uint256 total = ledger.cumulativeTotal();
        uint256[] memory none = new uint256[](0);
        bytes[] memory sigs = quorum(ledger, lastFrom, next, bytes32(seed), total, slashes, none, verifierKeys);
        try ledger.settle(lastFrom, next, bytes32(seed), total, slashes, none, sigs) {
            ++staleStateSuccesses;
        } catch {}
    }

    /// @notice Up to two of the active deals, by seed (a deal the settlement rules terminated).
    function pickTerminations(uint256 seed) internal view returns (uint256[] memory terminations) {
        if (activeDeals.length == 0 || seed % 4 != 0) return new uint256[](0);
        uint256 n = 1 + (seed >> 4) % 2;
        if (n > activeDeals.length) n = activeDeals.length;
        terminations = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            terminations[i] = activeDeals[(seed + i) % activeDeals.length];
        }
        if (n == 2 && terminations[0] == terminations[1]) {
            uint256[] memory one = new uint256[](1);
            one[0] = terminations[0];
            return one;
        }
    }

    function noteEnded(uint256[] memory dealIds) internal {
        for (uint256 i; i < dealIds.length; ++i) {
            retire(dealIds[i]);
        }
    }

    function retire(uint256 dealId) internal {
        for (uint256 i; i < activeDeals.length; ++i) {
            if (activeDeals[i] == dealId) {
                removeAt(activeDeals, i);
                ended[dealId] = true;
                --activeDealCount;
                ++dealsEnded;
                return;
            }
        }
    }

    /// @notice The owner ends one of its active deals.
    function endDeal(uint256 seed) external {
        if (activeDeals.length == 0) return;
        uint256 dealId = activeDeals[seed % activeDeals.length];
        vm.prank(ledger.getDeal(dealId).owner);
        try ledger.endDeal(dealId) {
            retire(dealId);
        } catch {}
    }

    /// @notice Anyone closes an active deal whose period is over and settled.
    function closeDeal(uint256 seed) external {
        if (activeDeals.length == 0) return;
        uint256 dealId = activeDeals[seed % activeDeals.length];
        try ledger.closeDeal(dealId) {
            retire(dealId);
        } catch {}
    }

    function claim(uint256 seed, bool fromPrevious) external {
        uint256 i = seed % accounts.length;
        uint256[] memory amounts = fromPrevious ? previousCommitted : committed;
        if (amounts[i] == 0) return;
        bytes32[] memory proof = PayoutTree.build(accounts, amounts).proof(accounts[i], amounts[i]);
        try ledger.claim(accounts[i], amounts[i], proof) {
            ++claims;
        } catch {}
    }

    /// @notice Tries the last accepted signatures on a later epoch, on another ledger, and fresh
    ///         signatures on another chain id.
    function replay(uint256 seed) external {
        if (lastSignatures.length == 0) return;
        Slash[] memory none = new Slash[](0);
        uint256[] memory noTerms = new uint256[](0);
        uint64 next = ledger.settledThrough();
        if (next < ledger.currentEpoch()) {
            try ledger.settle(next, next, lastRoot, lastTotal, none, noTerms, lastSignatures) {
                ++replaySuccesses;
            } catch {}
        }
        try otherLedger.settle(lastFrom, lastEpoch, lastRoot, lastTotal, none, noTerms, lastSignatures) {
            ++replaySuccesses;
        } catch {}
        if (next < ledger.currentEpoch()) {
            bytes[] memory sigs = quorum(ledger, next, next, lastRoot, lastTotal, none, noTerms, verifierKeys);
            uint256 chain = block.chainid;
            vm.chainId(chain + 1 + seed % 1000);
            try ledger.settle(next, next, lastRoot, lastTotal, none, noTerms, sigs) {
                ++replaySuccesses;
            } catch {}
            vm.chainId(chain);
        }
    }

    /// @notice Replaces one verifier, then tries to settle with the removed one among the signers.
    function rotateVerifier(uint256 seed) external {
        uint256 pick = seed % verifierKeys.length;
        uint256 removedKey = verifierKeys[pick];
        uint256 addedKey = nextVerifierKey++;
        address[] memory added = new address[](1);
        address[] memory removed = new address[](1);
        (added[0], removed[0]) = (vm.addr(addedKey), vm.addr(removedKey));
        vm.prank(admin);
        ledger.updateVerifiers(added, removed, THRESHOLD);
        verifierKeys[pick] = addedKey;
        removedKeys.push(removedKey);

        trySettleWithRemoved(seed, pick);
    }

    function trySettleWithRemoved(uint256 seed, uint256 pick) internal {
        uint64 next = ledger.settledThrough();
        if (next >= ledger.currentEpoch()) return;
        uint256[] memory keys = new uint256[](THRESHOLD);
        keys[0] = removedKeys[seed % removedKeys.length];
        for (uint256 i = 1; i < THRESHOLD; ++i) {
            keys[i] = verifierKeys[(pick + i) % verifierKeys.length];
        }
        Slash[] memory none = new Slash[](0);
        uint256[] memory noTerms = new uint256[](0);
        uint256 total = ledger.cumulativeTotal();
        bytes[] memory sigs = quorum(ledger, next, next, bytes32(seed), total, none, noTerms, keys);
        try ledger.settle(next, next, bytes32(seed), total, none, noTerms, sigs) {
            ++staleSignerSuccesses;
        } catch {}
    }

    function openDispute(uint256 seed) external {
        if (activeDeals.length == 0) return;
        // now and then try a deal that ended: it must never be disputed
        uint256 dealId = seed % 5 == 0 && dealsEnded != 0 ? anEndedDeal(seed) : activeDeals[seed % activeDeals.length];
        vm.prank(disputer);
        try court.openDispute(dealId, uint8(seed % 3 == 0 ? 0 : seed % 9)) returns (uint256 disputeId) {
            if (ended[dealId]) ++endedDealDisputes;
            openBonds += court.getDispute(disputeId).bond;
            openDisputes.push(disputeId);
        } catch {}
    }

    function finalizeDispute(uint256 seed) external {
        if (openDisputes.length == 0) return;
        uint256 pick = seed % openDisputes.length;
        uint256 disputeId = openDisputes[pick];
        Dispute memory d = court.getDispute(disputeId);
        address operator = ledger.getDeal(d.dealId).operator;
        uint256 stakeBefore = ledger.stakeOf(operator);
        try court.finalizeDispute(disputeId) {
            ++disputesUpheld;
            openBonds -= d.bond;
            removeAt(openDisputes, pick);
            uint256 slash = ledger.economics().disputeSlash;
            uint256 expected = slash < stakeBefore ? slash : stakeBefore;
            if (stakeBefore - ledger.stakeOf(operator) != expected) ++slashViolations;
        } catch {}
    }

    function operatorLifecycle(uint256 seed) external {
        uint256 i = seed % operators.length;
        address operator = operators[i];
        OperatorStatus status = ledger.getOperator(operator).status;
        vm.startPrank(operator);
        if (status == OperatorStatus.None) {
            try ledger.register("tcp://op", "eu", 1, 1_000 ether) {} catch {}
        } else if (status == OperatorStatus.Active) {
            if (seed % 2 == 0) {
                try ledger.addStake(1 + seed % 100 ether) {} catch {}
            } else {
                try ledger.beginExit() {} catch {}
            }
        } else {
            bool slashable = settlementCanStillReach(operator);
            try ledger.withdrawStake() {
                if (slashable) ++earlyWithdrawals;
            } catch {}
        }
        vm.stopPrank();
    }

    /// @notice Whether a settlement or a dispute can still take from the operator's stake: one of its deals is
    ///         active, a dispute against one of its deals is open, or an ended deal's last paid epoch is not
    ///         settled yet.
    function settlementCanStillReach(address operator) internal view returns (bool) {
        for (uint256 i; i < activeDeals.length; ++i) {
            if (ledger.getDeal(activeDeals[i]).operator == operator) return true;
        }
        for (uint256 i; i < openDisputes.length; ++i) {
            if (ledger.getDeal(court.getDispute(openDisputes[i]).dealId).operator == operator) return true;
        }
        uint256 count = ledger.dealCount();
        for (uint256 id = 1; id <= count; ++id) {
            if (ended[id] && ledger.getDeal(id).operator == operator && ledger.getDeal(id).endEpoch >= ledger.settledThrough()) {
                return true;
            }
        }
        return false;
    }

    function anEndedDeal(uint256 seed) internal view returns (uint256) {
        uint256 count = ledger.dealCount();
        for (uint256 k; k < count; ++k) {
            uint256 id = 1 + (seed + k) % count;
            if (ended[id]) return id;
        }
        return 0;
    }

    // ---- views for the invariants ---------------------------------------------------------------

    function totalStakes() external view returns (uint256 total) {
        for (uint256 i; i < operators.length; ++i) {
            total += ledger.stakeOf(operators[i]);
        }
    }

    function activeDealsOnChain() external view returns (uint256 total) {
        for (uint256 i; i < operators.length; ++i) {
            total += ledger.getOperator(operators[i]).activeDeals;
        }
    }

    function committedTotal() external view returns (uint256) {
        return sum(committed);
    }

    function claimedTotal() external view returns (uint256 total) {
        for (uint256 i; i < accounts.length; ++i) {
            total += ledger.claimed(accounts[i]);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    function checkSlashes(Slash[] memory slashes, uint256[] memory stakesBefore) internal {
        // replay the capping rule over the list in order and compare with the resulting stakes
        for (uint256 i; i < slashes.length; ++i) {
            uint256 left = stakesBefore[i];
            for (uint256 j; j < i; ++j) {
                if (slashes[j].operator == slashes[i].operator) {
                    left -= slashes[j].amount < left ? slashes[j].amount : left;
                }
            }
            stakesBefore[i] = left;
        }
        for (uint256 i; i < slashes.length; ++i) {
            uint256 left = stakesBefore[i];
            uint256 taken = slashes[i].amount < left ? slashes[i].amount : left;
            bool lastForOperator = true;
            for (uint256 j = i + 1; j < slashes.length; ++j) {
                if (slashes[j].operator == slashes[i].operator) lastForOperator = false;
            }
            if (lastForOperator && ledger.stakeOf(slashes[i].operator) != left - taken) ++slashViolations;
            if (taken > 0) ++slashesApplied;
        }
    }

    function quorum(
        ShardLedger target,
        uint64 from,
        uint64 epoch,
        bytes32 root,
        uint256 total,
        Slash[] memory slashes,
        uint256[] memory terminations,
        uint256[] memory keys
    ) internal view returns (bytes[] memory sigs) {
        bytes memory packed;
        for (uint256 i; i < slashes.length; ++i) {
            packed = bytes.concat(packed, abi.encode(slashes[i].operator, slashes[i].amount));
        }
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                target.domainSeparator(),
                keccak256(
                    abi.encode(
                        target.SETTLEMENT_TYPEHASH(),
                        from,
                        epoch,
                        root,
                        total,
                        keccak256(packed),
                        keccak256(abi.encodePacked(terminations))
                    )
                )
            )
        );
        uint256 n = keys.length < THRESHOLD ? keys.length : THRESHOLD;
        uint256[] memory chosen = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            chosen[i] = keys[i];
            for (uint256 j = i; j > 0 && vm.addr(chosen[j - 1]) > vm.addr(chosen[j]); --j) {
                (chosen[j - 1], chosen[j]) = (chosen[j], chosen[j - 1]);
            }
        }
        sigs = new bytes[](n);
        for (uint256 i; i < n; ++i) {
            (uint8 v, bytes32 r, bytes32 s) = vm.sign(chosen[i], digest);
            sigs[i] = abi.encodePacked(r, s, v);
        }
    }

    function escrowOf(uint256 dealId) internal view returns (uint256) {
        (uint256 price, uint64 first, uint64 last) =
            (ledger.getDeal(dealId).pricePerEpoch, ledger.getDeal(dealId).firstEpoch, ledger.getDeal(dealId).lastEpoch);
        return price * (last - first + 1);
    }

    function sum(uint256[] memory values) internal pure returns (uint256 total) {
        for (uint256 i; i < values.length; ++i) {
            total += values[i];
        }
    }

    function indexOf(address[] memory list, address a) internal pure returns (uint256) {
        for (uint256 i; i < list.length; ++i) {
            if (list[i] == a) return i;
        }
        revert("not found");
    }

    function removeAt(uint256[] storage list, uint256 pick) internal {
        list[pick] = list[list.length - 1];
        list.pop();
    }
}
