// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerBase} from "./LedgerBase.sol";

/// @notice beacon(e) = blockhash(genesisBlock + e * epochLength), recorded by anyone, once, while the EVM
///         can still read that hash (the 256 most recent blocks).
abstract contract EpochBeacon is LedgerBase {
    mapping(uint64 epoch => bytes32) private _beacons;

    function recordBeacon(uint64 epoch) external {
        uint256 startBlock = epochStartBlock(epoch);
        if (block.number <= startBlock) revert BeaconNotYetAvailable(epoch);
        if (block.number - startBlock > 256) revert BeaconExpired(epoch);
        if (_beacons[epoch] != 0) revert BeaconAlreadyRecorded(epoch);
        bytes32 beacon = blockhash(startBlock);
        _beacons[epoch] = beacon;
        emit BeaconRecorded(epoch, startBlock, beacon);
    }

    /// @notice The recorded beacon of `epoch`, or zero if it was never recorded.
    function beaconOf(uint64 epoch) external view returns (bytes32) {
        return _beacons[epoch];
    }
}
