// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ICredit} from "./ledger/ICredit.sol";
import {DealBook} from "./ledger/DealBook.sol";
import {DisputeCourt} from "./ledger/DisputeCourt.sol";
import {EpochBeacon} from "./ledger/EpochBeacon.sol";
import {IDisputeLedger} from "./ledger/IDisputeLedger.sol";
import {LedgerBase} from "./ledger/LedgerBase.sol";
import {OperatorRegistry} from "./ledger/OperatorRegistry.sol";
import {SettlementBook} from "./ledger/SettlementBook.sol";
import {Bounds, Economics} from "./ledger/LedgerTypes.sol";

/// @title shardledger
/// @notice The core of the shardledger storage network: escrow, operator stakes, deals, beacons, quorum
///         settlement and cumulative claims; the EIP-712 verifying contract (name "shardledger", version "1").
///         Disputes live in their own contract (DisputeCourt, deployed by this one: `disputeCourt`), as does the
///         key registry (KeyRegistry). See docs/contracts.md for the trust model and the full interface.
contract ShardLedger is EpochBeacon, SettlementBook {
    /// @notice Blocks the ledger may take after an epoch ends to land its settlement (and slashes).
    uint64 public immutable settlementLagBlocks;

    /// @param credit_ the storage credit token (ERC-20 with burn)
    /// @param admin gets DEFAULT_ADMIN_ROLE and GOVERNOR_ROLE
    /// @param genesisBlock_ first block of epoch 0; not after the deployment block
    /// @param epochLength_ blocks per epoch, at least 1
    /// @param answerWindow_ dispute answer window in blocks, 1 ... 255
    /// @param settlementLagBlocks_ blocks after an epoch's end by which its settlement is expected
    /// @param unbondingBlocks_ must exceed answerWindow_ + 1 + settlementLagBlocks_
    /// @param bounds_ longest deal, largest shard, largest capacity (each 1 ... 2^62)
    /// @param economics_ minimum stake, dispute bond, slash and reward (reward <= slash, bond and stake > 0)
    /// @param verifiers the initial verifier set
    /// @param threshold_ signatures a settlement needs, 1 ... verifiers.length
    constructor(
        ICredit credit_,
        address admin,
        uint64 genesisBlock_,
        uint64 epochLength_,
        uint64 answerWindow_,
        uint64 settlementLagBlocks_,
        uint64 unbondingBlocks_,
        Bounds memory bounds_,
        Economics memory economics_,
        address[] memory verifiers,
        uint8 threshold_
    )
        LedgerBase(credit_, admin, genesisBlock_, epochLength_)
        OperatorRegistry(unbondingBlocks_, bounds_.maxCapacity)
        DealBook(
            bounds_.maxDealEpochs,
            bounds_.maxShardSize,
            address(new DisputeCourt(IDisputeLedger(address(this)), credit_, answerWindow_))
        )
    {
        if (uint256(unbondingBlocks_) <= uint256(answerWindow_) + 1 + settlementLagBlocks_) {
            revert InvalidParameters();
        }
        settlementLagBlocks = settlementLagBlocks_;
        _setEconomics(economics_);
        _updateVerifiers(verifiers, new address[](0), threshold_);
    }
}
