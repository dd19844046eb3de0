// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {LedgerBase} from "./LedgerBase.sol";
import {Economics} from "./LedgerTypes.sol";

/// @notice The verifier set with its threshold t, and the economic parameters; GOVERNOR_ROLE changes both.
abstract contract Governance is LedgerBase {
    mapping(address => bool) private _isVerifier;

    /// @notice Adds and removes verifiers and sets the threshold, atomically. Removals apply first.
    ///         Afterwards 1 <= threshold <= number of verifiers must hold.
    function updateVerifiers(address[] calldata added, address[] calldata removed, uint8 newThreshold)
        external
        onlyRole(GOVERNOR_ROLE)
    {
        _updateVerifiers(added, removed, newThreshold);
    }

    function setEconomics(Economics calldata economics_) external onlyRole(GOVERNOR_ROLE) {
        _setEconomics(economics_);
    }

    function isVerifier(address account) external view returns (bool) {
        return _isVerifier[account];
    }

    function threshold() external view returns (uint8) {
        return _hot.threshold;
    }

    function verifierCount() external view returns (uint32) {
        return _hot.verifierCount;
    }

    function economics() external view returns (Economics memory) {
        return _economics;
    }

    function _updateVerifiers(address[] memory added, address[] memory removed, uint8 newThreshold) internal {
        uint256 count = _hot.verifierCount;
        for (uint256 i; i < removed.length; ++i) {
            address verifier = removed[i];
            if (!_isVerifier[verifier]) revert VerifierNotInSet(verifier);
            _isVerifier[verifier] = false;
            --count;
            emit VerifierRemoved(verifier);
        }
        for (uint256 i; i < added.length; ++i) {
            address verifier = added[i];
            if (verifier == address(0)) revert ZeroAddress();
            if (_isVerifier[verifier]) revert VerifierAlreadyInSet(verifier);
            _isVerifier[verifier] = true;
            ++count;
            emit VerifierAdded(verifier);
        }
        if (newThreshold == 0 || newThreshold > count) revert InvalidThreshold(newThreshold, count);
        _hot.threshold = newThreshold;
        _hot.verifierCount = uint32(count);
        emit VerifierSetChanged(newThreshold, uint32(count));
    }

    function _setEconomics(Economics memory economics_) internal {
        if (
            economics_.minStake == 0 || economics_.disputeBond == 0
                || economics_.disputeReward != 0
        ) {
            revert InvalidParameters();
        }
        _economics = economics_;
        emit EconomicsChanged(
            economics_.minStake, economics_.disputeBond, economics_.disputeSlash, economics_.disputeReward
        );
    }

    /// @notice Reverts unless `signatures` are at least `threshold` signatures of `digest` by current
    ///         verifiers, ordered by strictly ascending signer address (which makes the signers distinct).
    function _checkQuorum(bytes32 digest, bytes[] calldata signatures, uint256 threshold_) internal view {
        uint256 count = signatures.length;
        if (count < threshold_) revert InsufficientSignatures(count, threshold_);
        address previous;
        for (uint256 i; i < count; ++i) {
            address signer = ECDSA.recoverCalldata(digest, signatures[i]);
            if (signer <= previous) revert SignersNotAscending(i);
            if (!_isVerifier[signer]) revert NotVerifier(signer);
            previous = signer;
        }
    }
}
