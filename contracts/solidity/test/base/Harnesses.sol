// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Challenges} from "../../src/lib/Challenges.sol";
import {ShardProofs} from "../../src/lib/ShardProofs.sol";

/// @notice Exposes the libraries through external functions, so that test inputs arrive as calldata.
contract LibHarness {
    function verifySegment(
        bytes32 root,
        uint256 size,
        uint256 segmentSize,
        uint256 index,
        bytes calldata segment,
        bytes32[] calldata path
    ) external view returns (bool) {
        return ShardProofs.verifySegment(root, size, segmentSize, index, segment, path);
    }

    function pathLength(uint256 index, uint256 n) external pure returns (uint256) {
        return ShardProofs.pathLength(index, n);
    }

    function indices(bytes32 tag, bytes32 beacon, uint256 chainId, uint256 dealId, uint256 epoch, uint256 n, uint256 k)
        external
        view
        returns (uint256[] memory)
    {
        return Challenges.indices(tag, beacon, chainId, dealId, epoch, n, k);
    }
}
