// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerFixture} from "../base/LedgerFixture.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "../../src/ledger/IShardLedgerEvents.sol";

contract BeaconTest is LedgerFixture {
    function test_recordsBlockhashOfEpochStart() public {
        uint256 start = GENESIS + 4 * EPOCH_LENGTH;
        vm.roll(start + 10);
        vm.setBlockhash(start, keccak256("epoch 4"));
        vm.expectEmit();
        emit IShardLedgerEvents.BeaconRecorded(4, start, keccak256("epoch 4"));
        ledger.recordBeacon(4);
        assertEq(ledger.beaconOf(4), keccak256("epoch 4"), "beacon");
        assertEq(ledger.beaconOf(5), bytes32(0), "unrecorded beacon");
    }

    function test_beaconNeedsTheStartBlockToExist() public {
        uint256 start = GENESIS + 2 * EPOCH_LENGTH;
        vm.roll(start);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.BeaconNotYetAvailable.selector, 2));
        ledger.recordBeacon(2);
        vm.roll(start + 1);
        vm.setBlockhash(start, keccak256("2"));
        ledger.recordBeacon(2);
    }

    function test_beaconOnlyWithinTheReadableBlocks() public {
        uint256 start = GENESIS + EPOCH_LENGTH;
        vm.roll(start + 257);
        vm.setBlockhash(start, keccak256("1"));
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.BeaconExpired.selector, 1));
        ledger.recordBeacon(1);
        vm.roll(start + 256);
        ledger.recordBeacon(1);
        assertEq(ledger.beaconOf(1), keccak256("1"), "recorded at the last readable block");
    }

    function test_beaconRecordedOnce() public {
        vm.roll(GENESIS + 1);
        vm.setBlockhash(GENESIS, keccak256("0"));
        vm.prank(stranger);
        ledger.recordBeacon(0);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.BeaconAlreadyRecorded.selector, 0));
        ledger.recordBeacon(0);
    }
}
