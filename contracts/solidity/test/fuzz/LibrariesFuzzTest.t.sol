// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TestBase} from "../base/TestBase.sol";
import {LibHarness} from "../base/Harnesses.sol";
import {ShardTree} from "../base/ShardTree.sol";

contract LibrariesFuzzTest is TestBase {
    LibHarness internal lib;

    function setUp() public {
        lib = new LibHarness();
    }

    /// @notice Reference: accept x when x <= 2^256 - 1 - (2^256 mod n), a different formula for the same
    ///         rule x < n * floor(2^256 / n).
    function referenceIndices(bytes32 beacon, uint256 dealId, uint256 epoch, uint256 n, uint256 k)
        internal
        pure
        returns (uint256[] memory out)
    {
        out = new uint256[](k);
        uint256 rejectedTop = (type(uint256).max % n + 1) % n;
        uint256 found;
        for (uint256 j; found < k; ++j) {
            uint256 x = uint256(sha256(abi.encode(bytes32("shardledger.challenge.v1"), beacon, uint256(31337), dealId, epoch, j)));
            if (x <= type(uint256).max - rejectedTop) out[found++] = x % n;
        }
    }

    function testFuzz_challengeIndicesAgreeWithReference(bytes32 beacon, uint256 dealId, uint64 epoch, uint256 n, uint256 k)
        public
        view
    {
        n = bound(n, 1, type(uint64).max);
        k = bound(k, 1, 16);
        uint256[] memory got = lib.indices(bytes32("shardledger.challenge.v1"), beacon, 31337, dealId, epoch, n, k);
        uint256[] memory expected = referenceIndices(beacon, dealId, epoch, n, k);
        assertEq(got.length, k, "count");
        for (uint256 i; i < k; ++i) {
            assertLt(got[i], n, "in range");
            assertEq(got[i], expected[i], "reference");
        }
    }

    function testFuzz_pathLengthIsTheLengthOfTheAuditPath(uint256 n, uint256 index) public view {
        n = bound(n, 1, 70);
        index = bound(index, 0, n - 1);
        bytes32[] memory leaves = ShardTree.shardLeaves(n, n * 256, 256);
        assertEq(lib.pathLength(index, n), ShardTree.path(leaves, index).length, "path length");
    }

    function testFuzz_validSegmentProofsVerify(uint256 seed, uint256 segments, uint256 lastLength, uint256 index) public view {
        segments = bound(segments, 1, 40);
        lastLength = bound(lastLength, 1, 256);
        uint256 size = (segments - 1) * 256 + lastLength;
        index = bound(index, 0, segments - 1);
        bytes32[] memory leaves = ShardTree.shardLeaves(seed, size, 256);
        bytes32 root = ShardTree.root(leaves);
        bytes memory segment = ShardTree.shardSegment(seed, size, 256, index);
        bytes32[] memory path = ShardTree.path(leaves, index);
        assertTrue(lib.verifySegment(root, size, 256, index, segment, path), "valid proof");
    }

    function testFuzz_tamperedSegmentProofsFail(uint256 seed, uint256 segments, uint256 index, uint256 what, uint256 where)
        public
        view
    {
        segments = bound(segments, 2, 40);
        uint256 size = segments * 256 - 17;
        index = bound(index, 0, segments - 1);
        bytes32[] memory leaves = ShardTree.shardLeaves(seed, size, 256);
        bytes32 root = ShardTree.root(leaves);
        bytes memory segment = ShardTree.shardSegment(seed, size, 256, index);
        bytes32[] memory path = ShardTree.path(leaves, index);
        uint256 kind = what % 4;
        if (kind == 0) {
            segment[where % segment.length] ^= 0x01;
        } else if (kind == 1) {
            uint256 at = where % path.length;
            path[at] = bytes32(uint256(path[at]) ^ (1 << (where % 256)));
        } else if (kind == 2) {
            index = (index + 1 + where % (segments - 1)) % segments;
        } else {
            segment = bytes.concat(segment, bytes1(0));
        }
        assertTrue(!lib.verifySegment(root, size, 256, index, segment, path), "tampered proof rejected");
    }
}
