package dev.portico.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SQL as the test database's administrator (the operating-system user, over the data directory's socket, with the
 * running {@code mariadbd}'s own client): for tests that need a database of their own beside the test server's.
 */
final class DatabaseAdmin {

    private DatabaseAdmin() {
    }

    /** Drops and creates {@code database} and grants it to the application account (both of its hosts). */
    static void freshDatabase(String database, String user) throws IOException, InterruptedException {
        sql("DROP DATABASE IF EXISTS `" + database + "`;\nCREATE DATABASE `" + database + "`;\n"
                + "GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'localhost';\n"
                + "GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'127.0.0.1';\n");
    }

    /** Drops {@code database} and takes back what {@link #freshDatabase} granted on it. */
    static void dropDatabase(String database, String user) throws IOException, InterruptedException {
        sql("DROP DATABASE IF EXISTS `" + database + "`;\n"
                + "REVOKE ALL PRIVILEGES ON `" + database + "`.* FROM '" + user + "'@'localhost';\n"
                + "REVOKE ALL PRIVILEGES ON `" + database + "`.* FROM '" + user + "'@'127.0.0.1';\n");
    }

    static String sql(String statements) throws IOException, InterruptedException {
        Path data = ItEnvironment.dbDataDir().toAbsolutePath();
        long pid = Long.parseLong(Files.readString(data.resolve("mariadbd.pid")).strip());
        List<String> arguments = List.of(ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow());
        Path base = Path.of(option(arguments, "--basedir="));
        ProcessBuilder builder = new ProcessBuilder(base.resolve("bin/mariadb").toString(), "--no-defaults",
                "--socket=" + option(arguments, "--socket="), "--user=" + System.getProperty("user.name"), "--batch")
                .redirectErrorStream(true);
        builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        Process client = builder.start();
        client.getOutputStream().write(statements.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(1, TimeUnit.MINUTES) || client.exitValue() != 0) {
            throw new IOException("SQL as the administrator failed: " + output.strip());
        }
        return output;
    }

    private static String option(List<String> arguments, String prefix) {
        return arguments.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("mariadbd runs without " + prefix + ": " + arguments));
    }
}
