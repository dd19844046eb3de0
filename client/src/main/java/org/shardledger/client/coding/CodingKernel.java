package org.shardledger.client.coding;

/** The ways this coder can compute; every one gives the same bytes. */
public enum CodingKernel {
  /** Plain Java, table-driven: runs everywhere. */
  TABLES,
  /** SIMD through the JDK Vector API: needs {@code --add-modules jdk.incubator.vector} and a CPU with vectors. */
  VECTOR;

  public boolean available() {
    return this == TABLES || VectorSupport.AVAILABLE;
  }

  /** The fastest kernel this JVM can run. */
  public static CodingKernel fastest() {
    return VECTOR.available() ? VECTOR : TABLES;
  }

  GfKernel implementation() {
    if (!available()) {
      throw new IllegalStateException("the " + this + " kernel needs --add-modules jdk.incubator.vector and a CPU "
          + "with 128-bit or wider vectors");
    }
    return this == TABLES ? TableKernel.INSTANCE : VectorSupport.kernel();
  }

  /** Loads the vector kernel only when its module is there (its class refers to jdk.incubator.vector). */
  private static final class VectorSupport {
    static final boolean AVAILABLE = detect();

    private static boolean detect() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return false;
      }
      try {
        return VectorKernel.usable();
      } catch (LinkageError e) {
        return false;
      }
    }

    static GfKernel kernel() {
      return VectorKernel.INSTANCE;
    }
  }
}
