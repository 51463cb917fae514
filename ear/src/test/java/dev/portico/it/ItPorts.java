package dev.portico.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by the build before the test database and server start (ear/pom.xml, check-it-ports): stops the
 * build at once, naming each taken port, when a port the tests will use is held by another program,
 * which would otherwise answer the tests with its own bytes. The database's port is not checked while
 * the test database of an earlier run still runs on its data directory (its start stops that one).
 */
public final class ItPorts {

    private ItPorts() {
    }

    /** Arguments {@code name=port}, and {@code data=<dir>} for the test database's data directory. */
    public static void main(String[] args) throws IOException {
        Path data = null;
        List<String> taken = new ArrayList<>();
        List<String[]> ports = new ArrayList<>();
        for (String arg : args) {
            String[] nameAndValue = arg.split("=", 2);
            if (nameAndValue[0].equals("data")) {
                data = Path.of(nameAndValue[1]);
            } else {
                ports.add(nameAndValue);
            }
        }
        for (String[] port : ports) {
            if (port[0].equals("it.db.port") && data != null && ownDatabaseRuns(data)) {
                continue;
            }
            if (!free(Integer.parseInt(port[1]))) {
                taken.add(port[0] + " " + port[1]);
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Port in use by another program: " + String.join(", ", taken)
                    + ". Stop that program, or give another port (e.g. -D" + taken.get(0).split(" ")[0]
                    + "=<port>), or give none and the build picks free ones.");
        }
        System.out.println("[ItPorts] free: " + String.join(", ", ports.stream().map(p -> p[0] + " " + p[1]).toList()));
    }

    /** Whether nothing listens on the port of the loopback address the test server binds (and of any address). */
    static boolean free(int port) {
        for (InetSocketAddress address : List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), new InetSocketAddress(port))) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(address);
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }

    private static boolean ownDatabaseRuns(Path data) throws IOException {
        Path pidFile = data.resolve("mariadbd.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
