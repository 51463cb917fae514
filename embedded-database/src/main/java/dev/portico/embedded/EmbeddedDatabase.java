package dev.portico.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts or stops the embedded MariaDB; run by Maven ({@code exec:java}) for the run command and the tests, and by
 * the runnable server ({@code java -jar portico-server.jar}).
 * <pre>
 * start base=DIR data=DIR port=N database=NAME user=NAME [password=PW] [arg=--mariadbd-option]...
 * stop data=DIR
 * </pre>
 * {@code start} stops a server still running on the data directory first, starts one with its grant
 * tables, provisions the application account (the given password, else the one kept in the data
 * directory, else a generated one) and stops the server again when Maven exits, unless {@code stop}
 * did so before.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws Exception {
        run(args, () -> { });
    }

    /**
     * As {@link #main}; at exit {@code beforeStop} runs first, in the shutdown hook that then stops the database (the
     * runnable server stops Liberty there, so that nothing still uses the database when it stops).
     */
    public static void run(String[] args, Runnable beforeStop) throws IOException, InterruptedException {
        if (args.length == 0 || !(args[0].equals("start") || args[0].equals("stop"))) {
            throw new IllegalArgumentException("usage: start|stop key=value...");
        }
        Map<String, String> options = new HashMap<>();
        List<String> serverArguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, got " + args[i]);
            }
            String key = args[i].substring(0, eq);
            String value = args[i].substring(eq + 1);
            if (key.equals("arg")) {
                serverArguments.add(value);
            } else {
                options.put(key, value);
            }
        }
        Path data = Path.of(required(options, "data")).toAbsolutePath().normalize();
        if (args[0].equals("stop")) {
            new MariaDbServer(new MariaDbBinaries(data), data, 0, List.of()).stopRunning();
            return;
        }
        start(options, data, serverArguments, beforeStop);
    }

    private static void start(Map<String, String> options, Path data, List<String> serverArguments, Runnable beforeStop)
            throws IOException, InterruptedException {
        MariaDbBinaries binaries = new MariaDbBinaries(Path.of(required(options, "base")).toAbsolutePath().normalize()).unpack();
        int port = Integer.parseInt(required(options, "port"));
        MariaDbServer server = new MariaDbServer(binaries, data, port, serverArguments);
        server.stopRunning();
        server.installIfNew();
        // The tables' files are the database: only their owner may read them.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        long started = System.nanoTime();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(rootGroup(), () -> {
            beforeStop.run();
            MariaDbServer.stopQuietly(data);
        }, "portico-mariadb-stop"));
        ApplicationAccount account = ApplicationAccount.of(required(options, "user"), Optional.ofNullable(options.get("password")), data);
        account.provision(server, required(options, "database"));
        account.keep(data, port, required(options, "database"));
        System.out.printf("[portico] MariaDB on 127.0.0.1:%s (data %s) ready in %d ms; account '%s', password kept in %s%n",
                options.get("port"), data, (System.nanoTime() - started) / 1_000_000, account.user(),
                data.resolve(ApplicationAccount.CREDENTIALS_FILE));
    }

    /** exec:java destroys the thread group it ran main in, and a hook thread of a destroyed group cannot start. */
    private static ThreadGroup rootGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return value;
    }
}
