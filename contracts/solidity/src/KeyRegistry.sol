// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title shardledger key registry
/// @notice Each account publishes its own 32-byte X25519 public key (the one derived from its account key, see
///         docs/contracts.md), so that owners can seal envelopes to it. Only the account itself can set its key;
///         publishing again replaces it.
contract KeyRegistry {
    event KeyPublished(address indexed account, bytes32 key);

    error ZeroKey();

    mapping(address account => bytes32) private _keys;

    function publishKey(bytes32 key) external {
        if (key == bytes32(0)) revert ZeroKey();
        _keys[msg.sender] = key;
        emit KeyPublished(msg.sender, key);
    }

    /// @notice The key `account` published last, or zero if it never published one.
    function keyOf(address account) external view returns (bytes32) {
        return _keys[account];
    }
}
