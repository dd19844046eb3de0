// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {LibHarness} from "../base/Harnesses.sol";
import {PayoutTree} from "../base/PayoutTree.sol";
import {ShardTree} from "../base/ShardTree.sol";

/// @notice The Solidity code agrees exactly with the Java protocol module's test vectors (repo-level
///         testvectors/, written by the protocol module) and with the independent JavaScript reference
///         fixtures (solidity/test/fixtures/, written by tools/gen-fixtures.js).
contract VectorsTest is LedgerFixture {
    using PayoutTree for PayoutTree.Tree;

    string internal constant JAVA = "/../testvectors/";
    string internal constant FIXTURES = "/solidity/test/fixtures/";

    LibHarness internal lib;

    function setUp() public override {
        super.setUp();
        lib = new LibHarness();
    }

    function read(string memory dir, string memory file) internal view returns (string memory) {
        return vm.readFile(string.concat(vm.projectRoot(), dir, file));
    }

    function key(uint256 i, string memory field) internal pure returns (string memory) {
        return string.concat(".vectors[", vm.toString(i), "].", field);
    }

    function count(string memory json) internal view returns (uint256 n) {
        while (vm.keyExistsJson(json, string.concat(".vectors[", vm.toString(n), "]"))) ++n;
    }

    // ---- challenge indices ----------------------------------------------------------------------

    function test_challengeIndicesMatchJavaVectors() public view {
        assertGe(checkChallenges(read(JAVA, "challenges.json")), 18, "java challenge vectors checked");
    }

    function test_challengeIndicesMatchReferenceFixtures() public view {
        assertGe(checkChallenges(read(FIXTURES, "challenges.json")), 11, "fixture challenge vectors checked");
    }

    function checkChallenges(string memory json) internal view returns (uint256 n) {
        n = count(json);
        for (uint256 i; i < n; ++i) {
            uint256[] memory expected = vm.parseJsonUintArray(json, key(i, "indices"));
            uint256 samples = vm.parseJsonUint(json, key(i, "samples"));
            assertEq(expected.length, samples, "vector shape");
            uint256[] memory got = lib.indices(
                vm.parseJsonBytes32(json, key(i, "tag")),
                vm.parseJsonBytes32(json, key(i, "beacon")),
                vm.parseJsonUint(json, key(i, "chainId")),
                vm.parseJsonUint(json, key(i, "dealId")),
                vm.parseJsonUint(json, key(i, "epoch")),
                vm.parseJsonUint(json, key(i, "segments")),
                samples
            );
            for (uint256 j; j < samples; ++j) {
                assertEq(got[j], expected[j], string.concat("challenge vector ", vm.toString(i), " index ", vm.toString(j)));
            }
        }
    }

    // ---- RFC 9162 proofs ------------------------------------------------------------------------

    function test_proofChecksMatchJavaVectors() public view {
        (uint256 n, uint256 valid) = checkProofs(read(JAVA, "proofs.json"));
        assertGe(n, 60, "java proof vectors checked");
        assertGe(valid, 20, "valid ones among them");
    }

    function test_proofChecksMatchReferenceFixtures() public view {
        (uint256 n, uint256 valid) = checkProofs(read(FIXTURES, "proofs.json"));
        assertGe(n, 50, "fixture proof vectors checked");
        assertGe(valid, 15, "valid ones among them");
    }

    function checkProofs(string memory json) internal view returns (uint256 n, uint256 validCount) {
        n = count(json);
        for (uint256 i; i < n; ++i) {
            bool valid = vm.parseJsonBool(json, key(i, "valid"));
            bool got = lib.verifySegment(
                vm.parseJsonBytes32(json, key(i, "root")),
                vm.parseJsonUint(json, key(i, "size")),
                vm.parseJsonUint(json, key(i, "segmentSize")),
                vm.parseJsonUint(json, key(i, "index")),
                vm.parseJsonBytes(json, key(i, "segment")),
                vm.parseJsonBytes32Array(json, key(i, "path"))
            );
            assertEq(got, valid, string.concat("proof vector ", vm.parseJsonString(json, key(i, "name"))));
            if (valid) ++validCount;
        }
    }

    // ---- commitments (checks the test-side tree builder the dispute tests rely on) ---------------

    function test_commitmentRootsMatchJavaVectors() public view {
        string memory json = read(JAVA, "commitments.json");
        uint256 n = count(json);
        uint256 checked;
        for (uint256 i; i < n; ++i) {
            uint256 size = vm.parseJsonUint(json, key(i, "size"));
            uint256 segmentSize = vm.parseJsonUint(json, key(i, "segmentSize"));
            if (size > 64 * 1024) continue; // the pattern-generated megabyte shards are too slow to rebuild here
            bytes memory data = vm.keyExistsJson(json, key(i, "data")) ? vm.parseJsonBytes(json, key(i, "data")) : pattern(size);
            assertEq(data.length, size, "data length");
            bytes32[] memory leaves = new bytes32[]((size + segmentSize - 1) / segmentSize);
            assertEq(leaves.length, vm.parseJsonUint(json, key(i, "segments")), "segment count");
            for (uint256 s; s < leaves.length; ++s) {
                uint256 end = (s + 1) * segmentSize < size ? (s + 1) * segmentSize : size;
                leaves[s] = ShardTree.leafHash(slice(data, s * segmentSize, end));
            }
            assertEq(ShardTree.root(leaves), vm.parseJsonBytes32(json, key(i, "root")), string.concat("commitment ", vm.toString(i)));
            ++checked;
        }
        assertGe(checked, 10, "commitment vectors checked");
    }

    function pattern(uint256 size) internal pure returns (bytes memory data) {
        data = new bytes(size);
        for (uint256 i; i < size; ++i) {
            data[i] = bytes1(uint8(i % 251));
        }
    }

    function slice(bytes memory data, uint256 from, uint256 to) internal pure returns (bytes memory out) {
        out = new bytes(to - from);
        for (uint256 i; i < out.length; ++i) {
            out[i] = data[from + i];
        }
    }

    // ---- payout tree ----------------------------------------------------------------------------

    /// @notice The ledger accepts claims with proofs made by @openzeppelin/merkle-tree itself, and the
    ///         test-side PayoutTree builds the same root.
    function test_payoutTreeMatchesOpenZeppelinMerkleTree() public {
        string memory json = read(FIXTURES, "payout.json");
        bytes32 root = vm.parseJsonBytes32(json, ".root");
        uint256 n;
        while (vm.keyExistsJson(json, string.concat(".leaves[", vm.toString(n), "]"))) ++n;
        address[] memory accounts = new address[](n);
        uint256[] memory amounts = new uint256[](n);
        uint256 total;
        for (uint256 i; i < n; ++i) {
            string memory leaf = string.concat(".leaves[", vm.toString(i), "]");
            accounts[i] = vm.parseJsonAddress(json, string.concat(leaf, ".account"));
            amounts[i] = vm.parseJsonUint(json, string.concat(leaf, ".amount"));
            total += amounts[i];
        }
        assertEq(PayoutTree.build(accounts, amounts).root(), root, "PayoutTree root equals the JS library's");

        registerOperator(operator);
        vm.prank(owner);
        uint256 dealId = ledger.propose(operator, bytes32(0), 1, 256, 1, total, 1, 1);
        ledger.activate(dealId, acceptance(operatorKey, dealId));
        rollToEpoch(1);
        settle(0, root, total, noSlashes());
        for (uint256 i; i < n; ++i) {
            bytes32[] memory proof = vm.parseJsonBytes32Array(json, string.concat(".leaves[", vm.toString(i), "].proof"));
            ledger.claim(accounts[i], amounts[i], proof);
            assertEq(credit.balanceOf(accounts[i]), amounts[i], "claimed with the JS proof");
        }
        assertEq(ledger.totalClaimed(), total, "everything claimed");
    }
}
