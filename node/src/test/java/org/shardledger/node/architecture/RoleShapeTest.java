package org.shardledger.node.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role shape of docs/architecture.md: a role's core sees only the narrow views and clients its module declares,
 * never the chain (the contracts module, the H2 chain store), Netty, the wire transport or the HTTP server; those
 * are for the adapters and the factories in {@code node}. The runtime every role runs its loops with sees nothing of
 * ours, and the roles and the chain code start no threads of their own.
 */
class RoleShapeTest {
  private static final String[] CHAIN_AND_TRANSPORT = {"org.shardledger.contracts..", "org.shardledger.chainstore..",
      "io.netty..", "org.web3j..", "org.shardledger.rpc..", "java.sql..", "org.h2.."};
  /** By name, so that a class moving to {@code protocol} simply stops needing its allowance. */
  private static final java.util.List<String> SHARED_SETTLEMENT_VALUES = java.util.List.of(
      "org.shardledger.chainstore.settlement.SettlementChain", "org.shardledger.chainstore.settlement.SettlementStore",
      "org.shardledger.chainstore.settlement.InMemorySettlementStore",
      "org.shardledger.chainstore.settlement.SettledEpoch", "org.shardledger.chainstore.settlement.BeaconStatus",
      "org.shardledger.chainstore.settlement.SettlementTx", "org.shardledger.chainstore.settlement.AmountAt",
      "org.shardledger.chainstore.ChainMirror$MirroredSettlement");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.shardledger");
  }

  private static ArchRule coreIsChainFree(String... corePackages) {
    return noClasses().that().resideInAnyPackage(corePackages)
        .should().dependOnClassesThat().resideInAnyPackage(CHAIN_AND_TRANSPORT)
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.shardledger.wire.client.WireClient")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.shardledger.wire.client.OperatorClient")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.shardledger.wire.server.WireServer");
  }

  @Test
  void theProversCoreSeesNoChainAndNoTransport() {
    coreIsChainFree("org.shardledger.prover.view..", "org.shardledger.prover.serve..",
        "org.shardledger.prover.policy..", "org.shardledger.prover.maintenance..", "org.shardledger.prover.store..")
        .check(classes);
  }

  @Test
  void theVerifiersAuditCoreSeesNoChainAndNoTransport() {
    coreIsChainFree("org.shardledger.verifier.audit..", "org.shardledger.verifier.report..",
        "org.shardledger.verifier.reputation..")
        .check(classes);
  }

  /**
   * The ledger's core: its stores, the chain it writes to and its claims view are interfaces and values it declares
   * ({@code ledger/store} and {@code ledger/onchain} hold the H2 and chain adapters). What it still shares with the
   * verifier is allowed by name and nothing else: the settlement views and values of {@code chainstore.settlement}, until
   * they move to {@code protocol} (decision 0102).
   */
  @Test
  void theLedgersCoreSeesNoChainAndNoTransport() {
    DescribedPredicate<JavaClass> sharedSettlementValues = DescribedPredicate.describe(
        "the settlement views and values shared with the verifier", c -> SHARED_SETTLEMENT_VALUES.stream()
            .anyMatch(name -> c.getName().equals(name) || c.getName().startsWith(name + "$")));
    noClasses().that().resideInAnyPackage("org.shardledger.ledger.settlement..", "org.shardledger.ledger.reports..",
        "org.shardledger.ledger.claims..", "org.shardledger.ledger.records..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(CHAIN_AND_TRANSPORT)
            .and(DescribedPredicate.not(sharedSettlementValues)))
        .check(classes);
  }

  @Test
  void theRuntimeSeesNothingOfOurs() {
    noClasses().that().resideInAPackage("org.shardledger.runtime..")
        .should().dependOnClassesThat().resideInAnyPackage("org.shardledger.protocol..", "org.shardledger.wire..",
            "org.shardledger.contracts..", "org.shardledger.chainstore..", "org.shardledger.rpc..",
            "org.shardledger.prover..", "org.shardledger.verifier..", "org.shardledger.ledger..",
            "org.shardledger.client..", "org.shardledger.node..")
        .check(classes);
  }

  @Test
  void rolesAndTheChainStartLoopsOnlyThroughTheRuntime() {
    noClasses().that().resideInAnyPackage("org.shardledger.prover..", "org.shardledger.verifier..",
        "org.shardledger.ledger..", "org.shardledger.contracts..", "org.shardledger.chainstore..")
        .should().callMethod(Thread.class, "setDaemon", boolean.class)
        .orShould().callMethod(java.util.concurrent.Executors.class, "newScheduledThreadPool", int.class)
        .orShould().callMethod(java.util.concurrent.Executors.class, "newScheduledThreadPool", int.class,
            java.util.concurrent.ThreadFactory.class)
        .check(classes);
  }
}
