package dev.portico.jca.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up check that a listener's connection limit fits in the process's open-files limit (Unix JVMs report it). */
class FileDescriptorLimitTest {

    @Test
    void aLimitBeyondTheFilesThisProcessMayOpenIsWarnedAboutAndOneThatFitsIsNot() {
        assertTrue(FileDescriptorLimit.available().isPresent(), "this JVM reports its open-files limit");

        String warning = FileDescriptorLimit.check("featherbase", Integer.MAX_VALUE);

        assertTrue(warning != null && warning.contains("maxConnections is " + Integer.MAX_VALUE) && warning.contains("ulimit -n"), warning);
        long fits = FileDescriptorLimit.available().getAsLong() - FileDescriptorLimit.RESERVE - 16;
        if (fits >= 1) {
            assertNull(FileDescriptorLimit.check("featherbase", (int) Math.min(fits, Integer.MAX_VALUE)));
        }
    }
}
