package org.shardledger.node.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcMethod;

/**
 * Reads the "where is it" tables of docs/architecture.md and holds the code to them: every class named exists, every
 * JSON-RPC method name has one row, its handler is the class the row names, and no two classes answer one name.
 */
class WhereIsItTest {
  static final Path ROOT = Path.of("..");
  private static final Pattern ROW = Pattern.compile("^\\|(.*)\\|\\s*$");
  private static final Pattern CLASS = Pattern.compile("`(org\\.shardledger\\.[\\w.]+)`");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.shardledger");
  }

  /** The rows of the section "## Where is it", each as its cells. */
  static List<List<String>> rows(String architecture) {
    int start = architecture.indexOf("\n## Where is it\n");
    assertThat(start).as("docs/architecture.md has a \"## Where is it\" section").isNotNegative();
    int end = architecture.indexOf("\n## ", start + 1);
    List<List<String>> rows = new ArrayList<>();
    for (String line : architecture.substring(start, end < 0 ? architecture.length() : end).split("\n")) {
      Matcher m = ROW.matcher(line.trim());
      if (m.matches() && !line.contains("---")) {
        rows.add(Arrays.stream(m.group(1).split("\\|")).map(String::trim).toList());
      }
    }
    return rows;
  }

  /** Method name → the handler its row names. */
  static Map<String, String> handlersInTable(List<List<String>> rows) {
    Map<String, String> out = new LinkedHashMap<>();
    for (List<String> row : rows) {
      if (row.size() == 3 && row.get(0).matches("`[a-z]+_[A-Za-z]+`")) {
        String method = row.get(0).replace("`", "");
        Matcher c = CLASS.matcher(row.get(2));
        assertThat(c.find()).as("the row of %s names its handler", method).isTrue();
        assertThat(out.put(method, c.group(1))).as("%s has one row", method).isNull();
      }
    }
    return out;
  }

  /** Method name → the classes whose {@code name()} returns it, found in the bytecode. */
  static Map<String, Set<String>> handlersInCode(JavaClasses classes) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (JavaClass c : classes) {
      if (c.isInterface() || !c.isAssignableTo(RpcMethod.class)) {
        continue;
      }
      Optional<JavaMethod> name = Optional.empty();
      for (Optional<JavaClass> k = Optional.of(c); name.isEmpty() && k.isPresent(); k = k.get().getRawSuperclass()) {
        name = k.get().tryGetMethod("name");
      }
      assertThat(name).as("%s declares name()", c.getName()).isPresent();
      Set<String> constants = name.get().getFieldAccesses().stream().map(JavaFieldAccess::getTarget)
          .filter(t -> t.getOwner().isEquivalentTo(MethodName.class)).map(t -> t.getName())
          .collect(Collectors.toCollection(TreeSet::new));
      boolean delegates = name.get().getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("name")
          && call.getTargetOwner().isAssignableTo(RpcMethod.class));
      if (constants.isEmpty() && delegates) {
        continue; // a wrapper (metrics) answers in its method's name
      }
      assertThat(constants).as("%s.name() returns one MethodName constant's wire()", c.getName()).hasSize(1);
      out.computeIfAbsent(MethodName.valueOf(constants.iterator().next()).wire(), k -> new TreeSet<>())
          .add(c.getName());
    }
    return out;
  }

  @Test
  void everyClassTheTableNamesExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (List<String> row : rows(Files.readString(ROOT.resolve("docs/architecture.md")))) {
      Matcher c = CLASS.matcher(String.join("|", row));
      while (c.find()) {
        if (!classes.contain(c.group(1))) {
          missing.add(c.group(1));
        }
      }
    }
    assertThat(missing).as("classes docs/architecture.md names that the code does not have").isEmpty();
  }

  @Test
  void eachMethodNameHasOneHandlerAndItIsTheOneTheTableNames() throws IOException {
    Map<String, String> table = handlersInTable(rows(Files.readString(ROOT.resolve("docs/architecture.md"))));
    Map<String, Set<String>> code = handlersInCode(classes);
    assertThat(code.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString).toList())
        .as("method names two classes answer").isEmpty();
    assertThat(table.keySet()).as("the table lists every method name of MethodName")
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(MethodName.values()).map(MethodName::wire).toList());
    for (Map.Entry<String, Set<String>> e : code.entrySet()) {
      assertThat(table.get(e.getKey())).as("the handler of %s", e.getKey()).isEqualTo(e.getValue().iterator().next());
    }
    assertThat(code.keySet()).as("every method in the table has a handler").containsAll(table.keySet());
  }

  /** Clients and handlers name methods through the registry: a name written out twice drifts. */
  @Test
  void noMainCodeWritesAMethodNameAsAString() throws IOException {
    Set<String> names = Arrays.stream(MethodName.values()).map(m -> "\"" + m.wire() + "\"")
        .collect(Collectors.toSet());
    List<String> found = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("org/shardledger/rpc/MethodName.java"))
              .forEach(sources::add);
        }
      }
    }
    assertThat(sources).as("the modules' sources are found from %s", ROOT.toAbsolutePath()).hasSizeGreaterThan(100);
    for (Path f : sources) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        for (String n : names) {
          if (lines.get(i).contains(n)) {
            found.add(ROOT.relativize(f) + ":" + (i + 1) + " " + n);
          }
        }
      }
    }
    assertThat(found).as("method names written as strings (use rpc.MethodName)").isEmpty();
  }

  @Test
  void theTestsCatchADuplicateHandler() {
    JavaClasses twice = new ClassFileImporter().importClasses(LedgerEpochTwice.class, LedgerEpochThrice.class);
    assertThat(handlersInCode(twice)).containsEntry("ledger_epoch", Set.of(LedgerEpochTwice.class.getName(),
        LedgerEpochThrice.class.getName()));
  }

  /** A third answer, inheriting the second's name. */
  static final class LedgerEpochThrice extends LedgerEpochTwice {}

  /** A second answer to {@code ledger_epoch}, as a copied handler would be. */
  static class LedgerEpochTwice implements RpcMethod {
    @Override
    public String name() {
      return MethodName.LEDGER_EPOCH.wire();
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode execute(org.shardledger.rpc.RpcParams params) {
      return null;
    }
  }
}
