package dev.portico.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test database's {@code mariadbd}, found by its pid file in the data directory, for tests that kill
 * it and start it again on the same data directory with the same command line. The restarted server
 * writes the pid file again, so the build's stop step (post-integration-test) still finds it.
 */
final class TestDatabaseProcess {

    private final ProcessHandle process;
    private final List<String> command;

    private TestDatabaseProcess(ProcessHandle process, List<String> command) {
        this.process = process;
        this.command = command;
    }

    static TestDatabaseProcess running() throws IOException {
        long pid = Long.parseLong(Files.readString(ItEnvironment.dbDataDir().resolve("mariadbd.pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no mariadbd with pid " + pid));
        List<String> command = new ArrayList<>();
        command.add(process.info().command().orElseThrow());
        command.addAll(List.of(process.info().arguments().orElseThrow()));
        return new TestDatabaseProcess(process, command);
    }

    /** SIGKILL: the server is gone at once and refuses connections, as after a crash. */
    void kill() throws Exception {
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Starts the same command again and waits until the application account can log in. */
    TestDatabaseProcess start() throws Exception {
        Path base = Path.of(argument("--basedir="));
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ItEnvironment.dbDataDir().resolve("mariadbd.out").toFile()));
        builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        Process started = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try (Connection ignored = TestDatabase.connect()) {
                return new TestDatabaseProcess(started.toHandle(), command);
            } catch (SQLException notYet) {
                if (!started.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the test database did not come back: " + notYet.getMessage(), notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private String argument(String prefix) {
        return command.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("mariadbd was started without " + prefix));
    }
}
