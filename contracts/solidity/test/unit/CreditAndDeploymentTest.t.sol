// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {LedgerFixture} from "../base/LedgerFixture.sol";
import {ShardLedger} from "../../src/ShardLedger.sol";
import {ICredit} from "../../src/ledger/ICredit.sol";
import {IShardLedgerErrors} from "../../src/ledger/IShardLedgerErrors.sol";
import {KeyRegistry} from "../../src/KeyRegistry.sol";
import {Bounds, Economics} from "../../src/ledger/LedgerTypes.sol";

contract CreditAndDeploymentTest is LedgerFixture {
    uint256 internal constant EIP170_LIMIT = 24_576;

    function test_creditMintsOnlyForMinters() public {
        vm.prank(admin);
        credit.mint(address(0xBEEF), 5);
        assertEq(credit.balanceOf(address(0xBEEF)), 5, "minted");
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, credit.MINTER_ROLE()
            )
        );
        vm.prank(stranger);
        credit.mint(stranger, 1);
    }

    function test_creditBurnsOwnBalance() public {
        uint256 supply = credit.totalSupply();
        vm.prank(owner);
        credit.burn(7);
        assertEq(credit.totalSupply(), supply - 7, "supply after burn");
    }

    /// @notice Every contract's runtime stays under 23,000 bytes (EIP-170 allows 24,576), so there is room to
    ///         grow; bin/compile fails the build on the same limit.
    function test_deployedCodeFitsTheSizeLimit() public {
        KeyRegistry keys = new KeyRegistry();
        assertLe(address(ledger).code.length, 23_000, "ledger runtime size");
        assertLe(address(court).code.length, 23_000, "dispute court runtime size");
        assertLe(address(keys).code.length, 23_000, "key registry runtime size");
        assertLe(address(credit).code.length, 23_000, "credit runtime size");
        assertLt(23_000, EIP170_LIMIT, "the limit is below EIP-170's");
    }

    function test_theLedgerDeploysItsDisputeCourt() public view {
        assertEq(address(court.ledger()), address(ledger), "court's ledger");
        assertEq(address(court.credit()), address(credit), "court's credit");
        assertTrue(address(court).code.length > 0, "court deployed");
    }

    function test_boundsAreStoredAndChecked() public {
        assertEq(ledger.maxDealEpochs(), MAX_DEAL_EPOCHS, "max deal epochs");
        assertEq(ledger.maxShardSize(), MAX_SHARD_SIZE, "max shard size");
        assertEq(ledger.maxCapacity(), MAX_CAPACITY, "max capacity");
        ICredit c = ICredit(address(credit));
        Bounds memory b = bounds();
        b.maxDealEpochs = 0;
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, b, economics(), verifiers, 3);
        b = bounds();
        b.maxShardSize = uint64(1 << 62) + 1;
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, b, economics(), verifiers, 3);
        b = bounds();
        b.maxCapacity = 0;
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, b, economics(), verifiers, 3);
    }

    function test_eip712DomainIsPinned() public view {
        (, string memory name, string memory version, uint256 chainId, address verifying,,) = ledger.eip712Domain();
        assertEq(keccak256(bytes(name)), keccak256("shardledger"), "name");
        assertEq(keccak256(bytes(version)), keccak256("1"), "version");
        assertEq(chainId, block.chainid, "chainId");
        assertEq(verifying, address(ledger), "verifyingContract");
        bytes32 expected = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("shardledger"),
                keccak256("1"),
                block.chainid,
                address(ledger)
            )
        );
        assertEq(ledger.domainSeparator(), expected, "domain separator");
    }

    function test_typehashesArePinned() public view {
        assertEq(
            ledger.SETTLEMENT_TYPEHASH(),
            keccak256(
                "Settlement(uint64 fromEpoch,uint64 epoch,bytes32 payoutRoot,uint256 cumulativeTotal,bytes32 slashesHash,bytes32 terminationsHash)"
            ),
            "settlement typehash"
        );
        assertEq(
            ledger.DEAL_ACCEPTANCE_TYPEHASH(),
            keccak256(
                "DealAcceptance(uint256 dealId,bytes32 root,uint64 size,uint64 firstEpoch,uint64 lastEpoch,uint256 pricePerEpoch)"
            ),
            "deal acceptance typehash"
        );
    }

    function test_constructorStoresParameters() public view {
        assertEq(address(ledger.credit()), address(credit), "credit");
        assertEq(ledger.genesisBlock(), GENESIS, "genesis");
        assertEq(ledger.epochLength(), EPOCH_LENGTH, "epoch length");
        assertEq(court.answerWindow(), ANSWER_WINDOW, "answer window");
        assertEq(ledger.settlementLagBlocks(), SETTLEMENT_LAG, "lag");
        assertEq(ledger.unbondingBlocks(), UNBONDING, "unbonding");
        assertEq(ledger.threshold(), THRESHOLD, "threshold");
        assertEq(ledger.verifierCount(), 5, "verifier count");
        assertTrue(ledger.isVerifier(verifiers[4]), "verifier registered");
        assertTrue(ledger.hasRole(ledger.GOVERNOR_ROLE(), admin), "governor");
        assertTrue(ledger.hasRole(ledger.DEFAULT_ADMIN_ROLE(), admin), "admin");
        Economics memory e = ledger.economics();
        assertEq(e.minStake, MIN_STAKE, "min stake");
        assertEq(e.disputeReward, DISPUTE_REWARD, "reward");
        assertEq(ledger.currentEpoch(), 0, "epoch at genesis");
        assertEq(ledger.epochStartBlock(3), GENESIS + 3 * EPOCH_LENGTH, "epoch start");
    }

    function test_constructorRejectsZeroAddresses() public {
        vm.expectRevert(IShardLedgerErrors.ZeroAddress.selector);
        new ShardLedger(ICredit(address(0)), admin, GENESIS, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, bounds(), economics(), verifiers, 3);
        vm.expectRevert(IShardLedgerErrors.ZeroAddress.selector);
        new ShardLedger(ICredit(address(credit)), address(0), GENESIS, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, bounds(), economics(), verifiers, 3);
    }

    function test_constructorRejectsBadTiming() public {
        ICredit c = ICredit(address(credit));
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS, 0, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, bounds(), economics(), verifiers, 3);
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS + 1, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, bounds(), economics(), verifiers, 3);
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, 0, SETTLEMENT_LAG, UNBONDING, bounds(), economics(), verifiers, 3);
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, 256, SETTLEMENT_LAG, 10_000, bounds(), economics(), verifiers, 3);
        // unbonding must exceed answer window + 1 + settlement lag
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, 50, 200, 251, bounds(), economics(), verifiers, 3);
        ShardLedger ok = new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, 50, 200, 252, bounds(), economics(), verifiers, 3);
        assertEq(ok.unbondingBlocks(), 252, "smallest unbonding accepted");
    }

    function test_constructorRejectsBadEconomicsAndThreshold() public {
        ICredit c = ICredit(address(credit));
        Economics memory e = economics();
        e.disputeReward = e.disputeSlash + 1;
        vm.expectRevert(IShardLedgerErrors.InvalidParameters.selector);
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, bounds(), e, verifiers, 3);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidThreshold.selector, 6, 5));
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, bounds(), economics(), verifiers, 6);
        vm.expectRevert(abi.encodeWithSelector(IShardLedgerErrors.InvalidThreshold.selector, 0, 5));
        new ShardLedger(c, admin, GENESIS, EPOCH_LENGTH, ANSWER_WINDOW, SETTLEMENT_LAG, UNBONDING, bounds(), economics(), verifiers, 0);
    }
}
