// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @notice For comparison only: the shape of Uniswap's merkle-distributor claim (a claimed bitmap by leaf
///         index, leaf = keccak256(abi.encodePacked(index, account, amount)), sorted-pair proof, token
///         transfer), rewritten here so that both claims are measured under the same EVM rules.
contract ReferenceDistributor {
    IERC20 public immutable token;
    bytes32 public immutable merkleRoot;
    mapping(uint256 => uint256) private claimedBitMap;

    constructor(IERC20 token_, bytes32 merkleRoot_) {
        token = token_;
        merkleRoot = merkleRoot_;
    }

    function claim(uint256 index, address account, uint256 amount, bytes32[] calldata merkleProof) external {
        uint256 word = index / 256;
        uint256 bit = 1 << (index % 256);
        require(claimedBitMap[word] & bit == 0, "already claimed");
        bytes32 node = keccak256(abi.encodePacked(index, account, amount));
        require(MerkleProof.verifyCalldata(merkleProof, merkleRoot, node), "invalid proof");
        claimedBitMap[word] |= bit;
        require(token.transfer(account, amount), "transfer failed");
    }
}
