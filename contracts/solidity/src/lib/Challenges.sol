// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title Challenge index derivation (DESIGN.md, "Challenge indices")
/// @notice x_j = uint256(sha256(abi.encode(tag, beacon, chainId, dealId, epoch, j))) for j = 0, 1, ...;
///         x_j is accepted when x_j < n * floor(2^256 / n) and then gives index x_j mod n; the first k
///         accepted indices are the sample (with replacement).
library Challenges {
    bytes32 internal constant CHALLENGE_TAG = bytes32("shardledger.challenge.v1");
    bytes32 internal constant DISPUTE_TAG = bytes32("shardledger.dispute.v1");

    /// @param n number of segments, at least 1
    /// @param k number of indices to draw
    function indices(bytes32 tag, bytes32 beacon, uint256 chainId, uint256 dealId, uint256 epoch, uint256 n, uint256 k)
        internal
        view
        returns (uint256[] memory out)
    {
        out = new uint256[](k);
        // x < n * floor(2^256 / n)  <=>  x / n < floor(2^256 / n); floor(2^256 / n) = floor((2^256 - n) / n) + 1.
        // For n == 1 every draw is accepted (and floor(2^256 / 1) does not fit in 256 bits).
        uint256 quotientBound = n == 1 ? type(uint256).max : (type(uint256).max - n + 1) / n + 1;
        uint256 accepted;
        for (uint256 j; accepted < k; ++j) {
            uint256 x = draw(tag, beacon, chainId, dealId, epoch, j);
            if (n == 1 || x / n < quotientBound) {
                out[accepted++] = x % n;
            }
        }
    }

    /// @notice x_j: SHA-256 over the six 32-byte words.
    function draw(bytes32 tag, bytes32 beacon, uint256 chainId, uint256 dealId, uint256 epoch, uint256 j)
        internal
        view
        returns (uint256 x)
    {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, tag)
            mstore(add(ptr, 0x20), beacon)
            mstore(add(ptr, 0x40), chainId)
            mstore(add(ptr, 0x60), dealId)
            mstore(add(ptr, 0x80), epoch)
            mstore(add(ptr, 0xa0), j)
            if iszero(staticcall(gas(), 0x02, ptr, 0xc0, 0x00, 0x20)) { revert(0, 0) }
            x := mload(0x00)
        }
    }
}
