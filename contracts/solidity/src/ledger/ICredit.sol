// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice What the ledger needs of the credit token: ERC-20 plus burning its own balance.
interface ICredit is IERC20 {
    function burn(uint256 value) external;
}
