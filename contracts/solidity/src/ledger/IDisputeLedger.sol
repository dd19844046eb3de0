// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Deal, DisputeTarget, Economics} from "./LedgerTypes.sol";

/// @notice What the dispute court uses of the core ledger.
interface IDisputeLedger {
    function getDeal(uint256 dealId) external view returns (Deal memory);
    function economics() external view returns (Economics memory);
    function onDisputeOpened(uint256 dealId) external returns (DisputeTarget memory);
    function onDisputeClosed(address operator, uint64 registration, bool upheld)
        external
        returns (bool live, uint256 slashed);
}
