// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {LedgerFixture} from "../base/LedgerFixture.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {IShardLedgerEvents} from "../../src/ledger/IShardLedgerEvents.sol";
import {Economics} from "../../src/ledger/LedgerTypes.sol";

contract GovernanceTest is LedgerFixture {
    function one(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function none() internal pure returns (address[] memory) {
        return new address[](0);
    }

    function test_updateVerifiersAddsRemovesAndSetsThreshold() public {
        address fresh = address(0xF2E5);
        vm.expectEmit();
        emit IShardLedgerEvents.VerifierRemoved(verifiers[0]);
        vm.expectEmit();
        emit IShardLedgerEvents.VerifierAdded(fresh);
        vm.expectEmit();
        emit IShardLedgerEvents.VerifierSetChanged(2, 5);
        vm.prank(admin);
        ledger.updateVerifiers(one(fresh), one(verifiers[0]), 2);
        assertTrue(!ledger.isVerifier(verifiers[0]), "removed");
        assertTrue(ledger.isVerifier(fresh), "added");
        assertEq(ledger.threshold(), 2, "threshold");
        assertEq(ledger.verifierCount(), 5, "count");
    }

    function test_updateVerifiersRejections() public {
        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.VerifierAlreadyInSet.selector, verifiers[1]));
        ledger.updateVerifiers(one(verifiers[1]), none(), 3);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.VerifierNotInSet.selector, stranger));
        ledger.updateVerifiers(none(), one(stranger), 3);
        vm.expectRevert(IShardLedgerErrors.ZeroAddress.selector);
        ledger.updateVerifiers(one(address(0)), none(), 3);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidThreshold.selector, 5, 4));
        ledger.updateVerifiers(none(), one(verifiers[1]), 5);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidThreshold.selector, 0, 5));
        ledger.updateVerifiers(none(), none(), 0);
        vm.stopPrank();
    }

    function test_onlyGovernorChangesVerifiersAndEconomics() public {
        bytes32 role = ledger.GOVERNOR_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role));
        vm.prank(stranger);
        ledger.updateVerifiers(none(), none(), 1);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role));
        vm.prank(stranger);
        ledger.setEconomics(economics());
    }

    function test_setEconomicsStoresAndValidates() public {
        Economics memory e = Economics({minStake: 5, disputeBond: 6, disputeSlash: 8, disputeReward: 0});
        vm.expectEmit();
        emit IShardLedgerEvents.EconomicsChanged(5, 6, 8, 0);
        vm.prank(admin);
        ledger.setEconomics(e);
        assertEq(ledger.economics().disputeSlash, 8, "slash");

        vm.startPrank(admin);
        e.disputeReward = 1; // a reward out of a slash is a way out of the stake (decision 0141)
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        ledger.setEconomics(e);
        e.disputeReward = 0;
        e.minStake = 0;
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        ledger.setEconomics(e);
        e.minStake = 1;
        e.disputeBond = 0;
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        ledger.setEconomics(e);
        vm.stopPrank();
    }
}
