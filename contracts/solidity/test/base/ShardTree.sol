// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Test-side RFC 9162 tree builder (recursive, straight from the RFC's definitions), independent of
///         the iterative verifier in src/lib/ShardProofs.sol.
library ShardTree {
    /// @notice Deterministic pseudo-random bytes.
    function segment(uint256 seed, uint256 index, uint256 length) internal pure returns (bytes memory out) {
        out = new bytes(length);
        for (uint256 off; off < length; off += 32) {
            bytes32 w = keccak256(abi.encode(seed, index, off));
            for (uint256 b; b < 32 && off + b < length; ++b) {
                out[off + b] = w[b];
            }
        }
    }

    function leafHash(bytes memory data) internal pure returns (bytes32) {
        return sha256(abi.encodePacked(uint8(0), data));
    }

    function nodeHash(bytes32 left, bytes32 right) internal pure returns (bytes32) {
        return sha256(abi.encodePacked(uint8(1), left, right));
    }

    /// @notice Leaves of a shard of `size` bytes cut into `segmentSize` segments of segment(seed, i, ...).
    function shardLeaves(uint256 seed, uint256 size, uint256 segmentSize) internal pure returns (bytes32[] memory leaves) {
        uint256 n = (size + segmentSize - 1) / segmentSize;
        leaves = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            leaves[i] = leafHash(shardSegment(seed, size, segmentSize, i));
        }
    }

    function shardSegment(uint256 seed, uint256 size, uint256 segmentSize, uint256 i) internal pure returns (bytes memory) {
        uint256 n = (size + segmentSize - 1) / segmentSize;
        return segment(seed, i, i + 1 < n ? segmentSize : size - (n - 1) * segmentSize);
    }

    function root(bytes32[] memory leaves) internal pure returns (bytes32) {
        if (leaves.length == 0) return sha256("");
        return mth(leaves, 0, leaves.length);
    }

    function path(bytes32[] memory leaves, uint256 m) internal pure returns (bytes32[] memory) {
        return auditPath(leaves, m, 0, leaves.length);
    }

    /// @notice a followed by b: builds the flat path array a dispute answer takes.
    function concat(bytes32[] memory a, bytes32[] memory b) internal pure returns (bytes32[] memory out) {
        out = new bytes32[](a.length + b.length);
        for (uint256 i; i < a.length; ++i) {
            out[i] = a[i];
        }
        for (uint256 i; i < b.length; ++i) {
            out[a.length + i] = b[i];
        }
    }

    function mth(bytes32[] memory leaves, uint256 lo, uint256 hi) private pure returns (bytes32) {
        uint256 n = hi - lo;
        if (n == 1) return leaves[lo];
        uint256 k = split(n);
        return nodeHash(mth(leaves, lo, lo + k), mth(leaves, lo + k, hi));
    }

    function auditPath(bytes32[] memory leaves, uint256 m, uint256 lo, uint256 hi) private pure returns (bytes32[] memory p) {
        uint256 n = hi - lo;
        if (n <= 1) return new bytes32[](0);
        uint256 k = split(n);
        bytes32[] memory sub;
        bytes32 sibling;
        if (m < k) {
            sub = auditPath(leaves, m, lo, lo + k);
            sibling = mth(leaves, lo + k, hi);
        } else {
            sub = auditPath(leaves, m - k, lo + k, hi);
            sibling = mth(leaves, lo, lo + k);
        }
        p = new bytes32[](sub.length + 1);
        for (uint256 i; i < sub.length; ++i) {
            p[i] = sub[i];
        }
        p[sub.length] = sibling;
    }

    /// @notice Largest power of two smaller than n (n >= 2).
    function split(uint256 n) private pure returns (uint256 k) {
        k = 1;
        while (k * 2 < n) k *= 2;
    }
}
