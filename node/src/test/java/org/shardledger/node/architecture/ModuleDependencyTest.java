package org.shardledger.node.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module dependency directions of DESIGN.md: each rule names what a module must never see. */
class ModuleDependencyTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.shardledger");
  }

  private static String pkg(String module) {
    return "org.shardledger." + module + "..";
  }

  @Test
  void protocolDependsOnNothingOfOurs() {
    noClasses().that().resideInAPackage(pkg("protocol"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("wire"), pkg("contracts"), pkg("prover"),
            pkg("verifier"), pkg("ledger"), pkg("node"))
        .check(classes);
  }

  @Test
  void protocolDoesNoNetworkOrChainIo() {
    noClasses().that().resideInAPackage(pkg("protocol"))
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.web3j..", "java.net..", "java.sql..")
        .check(classes);
  }

  @Test
  void wireSeesOnlyTheProtocol() {
    noClasses().that().resideInAPackage(pkg("wire"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("contracts"), pkg("prover"), pkg("verifier"),
            pkg("ledger"), pkg("node"))
        .check(classes);
  }

  @Test
  void contractsSeesOnlyTheProtocol() {
    noClasses().that().resideInAPackage(pkg("contracts"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("wire"), pkg("prover"), pkg("verifier"),
            pkg("ledger"), pkg("node"))
        .check(classes);
  }

  @Test
  void chainstoreSeesOnlyTheProtocolAndTheChain() {
    noClasses().that().resideInAPackage(pkg("chainstore"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("wire"), pkg("prover"), pkg("verifier"),
            pkg("ledger"), pkg("node"))
        .check(classes);
  }

  @Test
  void proverVerifierAndLedgerNeverImportEachOther() {
    noClasses().that().resideInAPackage(pkg("prover"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("verifier"), pkg("ledger"), pkg("node"))
        .check(classes);
    noClasses().that().resideInAPackage(pkg("verifier"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("prover"), pkg("ledger"), pkg("node"))
        .check(classes);
    noClasses().that().resideInAPackage(pkg("ledger"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("prover"), pkg("verifier"), pkg("wire"), pkg("node"))
        .check(classes);
  }

  @Test
  void clientNeverImportsTheOtherRoles() {
    noClasses().that().resideInAPackage(pkg("client"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("prover"), pkg("verifier"), pkg("ledger"),
            pkg("chainstore"), pkg("node"))
        .check(classes);
  }

  @Test
  void onlyTheContractsModuleSeesWeb3j() {
    noClasses().that().resideOutsideOfPackage(pkg("contracts"))
        .should().dependOnClassesThat().resideInAPackage("org.web3j..")
        .check(classes);
  }
}
