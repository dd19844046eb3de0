// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TestBase} from "./TestBase.sol";
import {ShardLedger} from "../../src/ShardLedger.sol";
import {DisputeCourt} from "../../src/ledger/DisputeCourt.sol";
import {StorageCredit} from "../../src/StorageCredit.sol";
import {ICredit} from "../../src/ledger/ICredit.sol";
import {Bounds, Economics, Slash} from "../../src/ledger/LedgerTypes.sol";

/// @notice Deploys a credit token and a ledger (3-of-5 verifiers) and offers the steps most tests need.
abstract contract LedgerFixture is TestBase {
    uint64 internal constant GENESIS = 1000;
    uint64 internal constant EPOCH_LENGTH = 100;
    uint64 internal constant ANSWER_WINDOW = 50;
    uint64 internal constant SETTLEMENT_LAG = 200;
    uint64 internal constant UNBONDING = 400;
    uint128 internal constant MIN_STAKE = 1_000 ether;
    uint128 internal constant BOND = 10 ether;
    uint128 internal constant DISPUTE_SLASH = 300 ether;
    uint128 internal constant DISPUTE_REWARD = 0;
    uint8 internal constant THRESHOLD = 3;
    uint256 internal constant PRICE = 2 ether;
    uint64 internal constant MAX_DEAL_EPOCHS = 1 << 20;
    uint64 internal constant MAX_SHARD_SIZE = 1 << 40;
    uint64 internal constant MAX_CAPACITY = 1 << 56;

    address internal admin = address(0xAD);
    address internal owner = address(0x0E);
    address internal stranger = address(0x57);
    uint256 internal operatorKey = 0x0B0B;
    address internal operator;
    uint256[] internal verifierKeys;
    address[] internal verifiers;

    StorageCredit internal credit;
    ShardLedger internal ledger;
    DisputeCourt internal court;

    function setUp() public virtual {
        vm.roll(GENESIS);
        operator = vm.addr(operatorKey);
        for (uint256 i = 1; i <= 5; ++i) {
            verifierKeys.push(0xA11CE0 + i);
            verifiers.push(vm.addr(0xA11CE0 + i));
        }
        credit = new StorageCredit(admin);
        ledger = deployLedger(verifiers, THRESHOLD);
        court = DisputeCourt(ledger.disputeCourt());
        fund(owner, 1_000_000 ether);
        fund(operator, 100_000 ether);
        fund(stranger, 100_000 ether);
        vm.label(address(ledger), "ledger");
        vm.label(address(court), "court");
        vm.label(operator, "operator");
    }

    function economics() internal pure returns (Economics memory) {
        return Economics({minStake: MIN_STAKE, disputeBond: BOND, disputeSlash: DISPUTE_SLASH, disputeReward: DISPUTE_REWARD});
    }

    function bounds() internal pure returns (Bounds memory) {
        return Bounds({maxDealEpochs: MAX_DEAL_EPOCHS, maxShardSize: MAX_SHARD_SIZE, maxCapacity: MAX_CAPACITY});
    }

    function deployLedger(address[] memory set, uint8 t) internal returns (ShardLedger) {
        return new ShardLedger(
            ICredit(address(credit)),
            admin,
            GENESIS,
            EPOCH_LENGTH,
            ANSWER_WINDOW,
            SETTLEMENT_LAG,
            UNBONDING,
            bounds(),
            economics(),
            set,
            t
        );
    }

    function fund(address account, uint256 amount) internal {
        vm.prank(admin);
        credit.mint(account, amount);
        vm.prank(account);
        credit.approve(address(ledger), type(uint256).max);
        vm.prank(account);
        credit.approve(address(court), type(uint256).max);
    }

    function rollToEpoch(uint64 epoch) internal {
        vm.roll(GENESIS + uint256(epoch) * EPOCH_LENGTH);
    }

    function registerOperator(address who) internal {
        vm.prank(who);
        ledger.register("tcp://op.example:7000", "eu-west", 1 << 40, MIN_STAKE);
    }

    function proposeDeal(bytes32 root, uint64 size, uint64 firstEpoch, uint64 lastEpoch) internal returns (uint256 dealId) {
        vm.prank(owner);
        dealId = ledger.propose(operator, root, size, 4096, 8, PRICE, firstEpoch, lastEpoch);
    }

    function signDigest(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    function acceptance(uint256 key, uint256 dealId) internal view returns (bytes memory) {
        return signDigest(key, ledger.dealAcceptanceDigest(dealId));
    }

    /// @notice activateBatch's arguments for deals first ... first + n - 1, each accepted by the fixture's operator.
    function batchAcceptances(uint256 first, uint256 n) internal view returns (uint256[] memory ids, bytes[] memory sigs) {
        ids = new uint256[](n);
        sigs = new bytes[](n);
        for (uint256 i; i < n; ++i) {
            ids[i] = first + i;
            sigs[i] = acceptance(operatorKey, first + i);
        }
    }

    /// @notice A registered operator and an active deal over epochs [firstEpoch, lastEpoch].
    function activeDeal(bytes32 root, uint64 size, uint64 firstEpoch, uint64 lastEpoch) internal returns (uint256 dealId) {
        dealId = proposeDeal(root, size, firstEpoch, lastEpoch);
        ledger.activate(dealId, acceptance(operatorKey, dealId));
    }

    function settlementDigest(
        ShardLedger target,
        uint64 fromEpoch,
        uint64 epoch,
        bytes32 root,
        uint256 total,
        bytes32 slashHash,
        bytes32 terminationHash
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(target.SETTLEMENT_TYPEHASH(), fromEpoch, epoch, root, total, slashHash, terminationHash)
        );
        return keccak256(abi.encodePacked("\x19\x01", target.domainSeparator(), structHash));
    }

    /// @notice The digest of a settlement from the target's settledThrough without terminations.
    function settlementDigest(ShardLedger target, uint64 epoch, bytes32 root, uint256 total, bytes32 slashHash)
        internal
        view
        returns (bytes32)
    {
        return settlementDigest(target, target.settledThrough(), epoch, root, total, slashHash, keccak256(""));
    }

    function noTerminations() internal pure returns (uint256[] memory) {
        return new uint256[](0);
    }

    function terminationsHash(uint256[] memory dealIds) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(dealIds));
    }

    function noSlashes() internal pure returns (Slash[] memory) {
        return new Slash[](0);
    }

    function slashesHash(Slash[] memory slashes) internal pure returns (bytes32) {
        bytes memory packed;
        for (uint256 i; i < slashes.length; ++i) {
            packed = bytes.concat(packed, abi.encode(slashes[i].operator, slashes[i].amount));
        }
        return keccak256(packed);
    }

    /// @notice Signatures of `digest` by the given keys, ordered by ascending signer address.
    function sortedSignatures(uint256[] memory keys, bytes32 digest) internal pure returns (bytes[] memory sigs) {
        uint256[] memory sorted = sortKeysByAddress(keys);
        sigs = new bytes[](sorted.length);
        for (uint256 i; i < sorted.length; ++i) {
            sigs[i] = signDigest(sorted[i], digest);
        }
    }

    function sortKeysByAddress(uint256[] memory keys) internal pure returns (uint256[] memory sorted) {
        sorted = new uint256[](keys.length);
        for (uint256 i; i < keys.length; ++i) {
            sorted[i] = keys[i];
            for (uint256 j = i; j > 0 && vm.addr(sorted[j - 1]) > vm.addr(sorted[j]); --j) {
                (sorted[j - 1], sorted[j]) = (sorted[j], sorted[j - 1]);
            }
        }
    }

    function firstKeys(uint256 count) internal view returns (uint256[] memory keys) {
        keys = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            keys[i] = verifierKeys[i];
        }
    }

    function quorumSignatures(ShardLedger target, uint64 epoch, bytes32 root, uint256 total, Slash[] memory slashes)
        internal
        view
        returns (bytes[] memory)
    {
        return sortedSignatures(firstKeys(THRESHOLD), settlementDigest(target, epoch, root, total, slashesHash(slashes)));
    }

    function quorumSignatures(
        ShardLedger target,
        uint64 fromEpoch,
        uint64 epoch,
        bytes32 root,
        uint256 total,
        Slash[] memory slashes,
        uint256[] memory terminations
    ) internal view returns (bytes[] memory) {
        bytes32 digest =
            settlementDigest(target, fromEpoch, epoch, root, total, slashesHash(slashes), terminationsHash(terminations));
        return sortedSignatures(firstKeys(THRESHOLD), digest);
    }

    /// @notice Settles from the ledger's settledThrough through `epoch`, without terminations.
    function settle(uint64 epoch, bytes32 root, uint256 total, Slash[] memory slashes) internal {
        settle(epoch, root, total, slashes, noTerminations());
    }

    function settle(uint64 epoch, bytes32 root, uint256 total, Slash[] memory slashes, uint256[] memory terminations)
        internal
    {
        uint64 from = ledger.settledThrough();
        bytes[] memory sigs = quorumSignatures(ledger, from, epoch, root, total, slashes, terminations);
        ledger.settle(from, epoch, root, total, slashes, terminations, sigs);
    }

    /// @notice The ledger's settle with the settledThrough it has now and no terminations (the v1 shape).
    function settleRaw(ShardLedger target, uint64 epoch, bytes32 root, uint256 total, Slash[] memory slashes, bytes[] memory sigs)
        internal
    {
        target.settle(settledThroughOf(target), epoch, root, total, slashes, noTerminations(), sigs);
    }

    /// @notice settledThrough read from storage (slot 3, the low 8 bytes of HotState), not through a call, so
    ///         that a pending vm.expectRevert applies to the settle call after it. SettlementTest checks it.
    function settledThroughOf(ShardLedger target) internal view returns (uint64) {
        return uint64(uint256(vm.load(address(target), bytes32(uint256(3)))));
    }

    /// @notice Leaf of the payout tree, as @openzeppelin/merkle-tree's StandardMerkleTree hashes it.
    function payoutLeaf(address account, uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
    }

    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }
}
