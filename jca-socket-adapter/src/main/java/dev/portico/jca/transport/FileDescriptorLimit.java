package dev.portico.jca.transport;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import javax.management.JMException;
import javax.management.ObjectName;

/** The process's limit on open files (ulimit -n), for checking that a listener's connection limit fits in it. */
final class FileDescriptorLimit {

    /** Files the process needs besides client sockets (jars, logs, database connections), kept free. */
    static final long RESERVE = 1024;

    private FileDescriptorLimit() {
    }

    /** How many more files this process may open now, where the JVM reports it (Unix). */
    static OptionalLong available() {
        try {
            ObjectName os = new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
            long max = ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(os, "MaxFileDescriptorCount")).longValue();
            long open = ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(os, "OpenFileDescriptorCount")).longValue();
            return OptionalLong.of(max - open);
        } catch (JMException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** A warning when {@code maxConnections} sockets would not fit in the files left (keeping {@link #RESERVE}); else null. */
    static String check(String listener, int maxConnections) {
        OptionalLong available = available();
        if (available.isEmpty() || available.getAsLong() - RESERVE >= maxConnections) {
            return null;
        }
        return "Portico " + listener + " listener: maxConnections is " + maxConnections + " but this process can open only "
                + available.getAsLong() + " more files; raise the open-files limit (ulimit -n) of the server or lower maxConnections";
    }
}
