// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TestBase} from "../base/TestBase.sol";
import {Vm} from "../base/Vm.sol";

/// @notice Measures one call as one transaction. Run under isolation (forge-config isolate = true):
///         every top-level call is then its own transaction with fresh warm sets, and lastCallGas reports
///         the whole transaction's gas (21,000 + calldata + execution, or the EIP-7623 calldata floor when
///         that is higher, as on Prague and later).
abstract contract GasMeter is TestBase {
    struct Measured {
        uint256 total;
        uint256 execution;
        uint256 calldataGas;
        bool floorBound;
    }

    function measure(string memory label, address target, bytes memory data) internal returns (Measured memory m) {
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        m.total = vm.lastCallGas().gasTotalUsed;
        uint256 tokens;
        for (uint256 i; i < data.length; ++i) {
            if (data[i] == 0) {
                m.calldataGas += 4;
                tokens += 1;
            } else {
                m.calldataGas += 16;
                tokens += 4;
            }
        }
        uint256 floor = 21_000 + 10 * tokens;
        m.floorBound = m.total == floor;
        m.execution = m.floorBound ? 0 : m.total - 21_000 - m.calldataGas;
        assertGe(m.total, 21_000 + m.calldataGas, string.concat(label, ": not measured as a transaction (isolate off?)"));
        emit log_named_uint(string.concat("gas: ", label, " | tx"), m.total);
        if (m.floorBound) {
            emit log_named_string(string.concat("gas: ", label, " | execution"), "hidden by the EIP-7623 calldata floor");
        } else {
            emit log_named_uint(string.concat("gas: ", label, " | execution"), m.execution);
        }
    }
}
