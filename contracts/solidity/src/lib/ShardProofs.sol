// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title RFC 9162 shard commitments checked with the SHA-256 precompile
/// @notice A shard of `size` bytes is cut into segments of `segmentSize` bytes (the last may be short);
///         its commitment is the RFC 9162 Merkle Tree Hash over them: leaf = sha256(0x00 || segment),
///         node = sha256(0x01 || left || right). Proofs are RFC 9162 audit paths, verified with the
///         section 2.1.3.2 algorithm.
library ShardProofs {
    function segmentCount(uint256 size, uint256 segmentSize) internal pure returns (uint256) {
        return (size + segmentSize - 1) / segmentSize;
    }

    /// @notice Length segment `index` must have: segmentSize, except the last one, which holds the rest.
    function segmentLength(uint256 size, uint256 segmentSize, uint256 index) internal pure returns (uint256) {
        uint256 last = segmentCount(size, segmentSize) - 1;
        return index < last ? segmentSize : size - last * segmentSize;
    }

    /// @notice How many nodes the audit path of leaf `index` in a tree of `n` leaves has (levels where the
    ///         node is promoted without a sibling contribute none).
    function pathLength(uint256 index, uint256 n) internal pure returns (uint256 length) {
        for (uint256 width = n; width > 1; width = (width + 1) >> 1) {
            if ((index ^ 1) < width) {
                ++length;
            }
            index >>= 1;
        }
    }

    /// @notice Checks one segment of a shard: index in range, exact length, and the audit path to root.
    function verifySegment(
        bytes32 root,
        uint256 size,
        uint256 segmentSize,
        uint256 index,
        bytes calldata segment,
        bytes32[] calldata path
    ) internal view returns (bool) {
        uint256 n = segmentCount(size, segmentSize);
        if (index >= n || segment.length != segmentLength(size, segmentSize, index)) {
            return false;
        }
        return verifyInclusion(root, index, n, leafHash(segment), path);
    }

    /// @notice sha256(0x00 || segment)
    function leafHash(bytes calldata segment) internal view returns (bytes32 h) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore8(ptr, 0x00)
            calldatacopy(add(ptr, 1), segment.offset, segment.length)
            if iszero(staticcall(gas(), 0x02, ptr, add(segment.length, 1), 0x00, 0x20)) { revert(0, 0) }
            h := mload(0x00)
        }
    }

    /// @notice sha256(0x01 || left || right)
    function nodeHash(bytes32 left, bytes32 right) internal view returns (bytes32 h) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore8(ptr, 0x01)
            mstore(add(ptr, 1), left)
            mstore(add(ptr, 33), right)
            if iszero(staticcall(gas(), 0x02, ptr, 65, 0x00, 0x20)) { revert(0, 0) }
            h := mload(0x00)
        }
    }

    /// @notice RFC 9162 section 2.1.3.2: verifying an inclusion proof of leaf `index` in a tree of `treeSize` leaves.
    function verifyInclusion(bytes32 root, uint256 index, uint256 treeSize, bytes32 leaf, bytes32[] calldata path)
        internal
        view
        returns (bool)
    {
        if (index >= treeSize) {
            return false;
        }
        uint256 fn = index;
        uint256 sn = treeSize - 1;
        bytes32 r = leaf;
        for (uint256 i; i < path.length; ++i) {
            if (sn == 0) {
                return false;
            }
            if (fn & 1 == 1 || fn == sn) {
                r = nodeHash(path[i], r);
                while (fn & 1 == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, path[i]);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r == root;
    }
}
