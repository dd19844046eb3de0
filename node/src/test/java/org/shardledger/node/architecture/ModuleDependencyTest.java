package org.shardledger.node.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.merkle.ShardHasher;

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

  /**
   * Pure logic: no files, no threads, no parallel streams. {@link ShardHasher} (reads a shard file on several
   * cores) is the one exception, for the reasons in decision 0111.
   */
  @Test
  void protocolReadsNoFilesAndStartsNoThreads() {
    noClasses().that(resideInAPackage(pkg("protocol")).and(not(belongToAnyOf(ShardHasher.class))))
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..", "java.net..")
        .orShould().dependOnClassesThat().belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class,
            RandomAccessFile.class, Thread.class, ThreadFactory.class, ExecutorService.class, Executors.class,
            ForkJoinPool.class, CompletableFuture.class, Timer.class)
        .orShould().callMethodWhere(target(name("parallel")).or(target(name("parallelStream"))))
        .check(classes);
  }

  @Test
  void rpcSeesOnlyTheProtocol() {
    noClasses().that().resideInAPackage(pkg("rpc"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("runtime"), pkg("wire"), pkg("contracts"),
            pkg("chainstore"), pkg("prover"), pkg("verifier"), pkg("ledger"), pkg("client"), pkg("node"))
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
