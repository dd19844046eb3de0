// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Test-side copy of @openzeppelin/merkle-tree's StandardMerkleTree for ["address","uint256"]:
///         leaves double-hashed and sorted ascending, an array tree of 2n-1 nodes with the leaves at the end
///         in reverse order, sorted-pair keccak nodes. Checked against the library's own output
///         (fixtures/payout.json) in VectorsTest.
library PayoutTree {
    struct Tree {
        bytes32[] nodes;
        uint256 leafCount;
    }

    function leaf(address account, uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
    }

    function build(address[] memory accounts, uint256[] memory amounts) internal pure returns (Tree memory) {
        bytes32[] memory leaves = new bytes32[](accounts.length);
        for (uint256 i; i < accounts.length; ++i) {
            leaves[i] = leaf(accounts[i], amounts[i]);
        }
        return buildFromLeaves(leaves);
    }

    /// @notice The same tree shape over leaves hashed some other way (sorted here; the input is reordered).
    function buildFromLeaves(bytes32[] memory leaves) internal pure returns (Tree memory t) {
        uint256 n = leaves.length;
        sort(leaves);
        t.leafCount = n;
        t.nodes = new bytes32[](2 * n - 1);
        for (uint256 i; i < n; ++i) {
            t.nodes[t.nodes.length - 1 - i] = leaves[i];
        }
        for (uint256 i = t.nodes.length - n; i > 0; --i) {
            t.nodes[i - 1] = hashPair(t.nodes[2 * i - 1], t.nodes[2 * i]);
        }
    }

    function root(Tree memory t) internal pure returns (bytes32) {
        return t.nodes[0];
    }

    function proof(Tree memory t, address account, uint256 amount) internal pure returns (bytes32[] memory) {
        return proofOf(t, leaf(account, amount));
    }

    function proofOf(Tree memory t, bytes32 target) internal pure returns (bytes32[] memory p) {
        uint256 index = type(uint256).max;
        for (uint256 i = t.nodes.length - t.leafCount; i < t.nodes.length; ++i) {
            if (t.nodes[i] == target) index = i;
        }
        require(index != type(uint256).max, "leaf not in tree");
        uint256 depth;
        for (uint256 i = index; i > 0; i = (i - 1) / 2) ++depth;
        p = new bytes32[](depth);
        for (uint256 d; index > 0; ++d) {
            p[d] = t.nodes[index % 2 == 1 ? index + 1 : index - 1];
            index = (index - 1) / 2;
        }
    }

    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    function sort(bytes32[] memory a) internal pure {
        if (a.length > 1) quickSort(a, 0, a.length - 1);
    }

    function quickSort(bytes32[] memory a, uint256 lo, uint256 hi) private pure {
        while (lo < hi) {
            bytes32 pivot = a[lo + (hi - lo) / 2];
            uint256 i = lo;
            uint256 j = hi;
            while (i <= j) {
                while (a[i] < pivot) ++i;
                while (a[j] > pivot) --j;
                if (i <= j) {
                    (a[i], a[j]) = (a[j], a[i]);
                    ++i;
                    if (j == 0) break;
                    --j;
                }
            }
            if (j > lo) quickSort(a, lo, j);
            lo = i;
        }
    }
}
