package dev.portico.runnable;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.portico.embedded.EmbeddedDatabase;
import dev.portico.embedded.Passwords;

/**
 * The main class of {@code portico-server.jar}, Liberty's runnable server package with Portico and the MariaDB binaries
 * added: starts the embedded MariaDB unless {@code PORTICO_DB_HOST} names another database, then runs the packaged
 * Liberty server in a child JVM ({@code java -jar} of this same jar, which there hands over to Liberty's own
 * {@code SelfExtractRun}, so that the jar manifest's agent and module options apply to it), and stops MariaDB after
 * Liberty has stopped. Settings are Liberty's variables as environment variables ({@code PORTICO_HTTP_PORT=9080});
 * {@code PORTICO_DATA_DIR} chooses the embedded database's directory (default {@code ~/.portico/mariadb}, as the run
 * command), {@code PORTICO_DB_BUFFER_POOL} its InnoDB buffer pool (default 1G). Liberty runs from a copy it extracts
 * at each start and deletes at the stop, so what must outlive a run is written beside the data instead
 * ({@code PORTICO_SERVER_DIR}, default {@code server} next to the data directory): the logs and the customer export
 * file, unless {@code LOG_DIR}, {@code PORTICO_HTTP_ACCESSLOGFILE} or {@code PORTICO_CUSTOMER_EXPORTFILE} say otherwise.
 */
public final class PorticoServer {

    /** Set in the child's environment: this JVM is the Liberty server. */
    static final String ROLE = "PORTICO_RUNNABLE_ROLE";
    private static final long LIBERTY_STOP_SECONDS = 120;

    private PorticoServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if ("liberty".equals(env.get(ROLE))) {
            runLiberty(args);
            return;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-jar", ownJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder liberty = new ProcessBuilder(command).inheritIO();
        liberty.environment().put(ROLE, "liberty");
        Process[] child = new Process[1];
        Path data = Path.of(setting(env, "PORTICO_DATA_DIR", System.getProperty("user.home") + "/.portico/mariadb"))
                .toAbsolutePath().normalize();
        keptOutput(liberty.environment(), Path.of(setting(env, "PORTICO_SERVER_DIR", data.resolveSibling("server").toString()))
                .toAbsolutePath().normalize());
        String external = env.getOrDefault("PORTICO_DB_HOST", "");
        if (external.isBlank()) {
            EmbeddedDatabase.run(new String[] {"start", "base=" + data + "-base", "data=" + data,
                    "port=" + env.getOrDefault("PORTICO_DB_PORT", "3306"), "database=" + env.getOrDefault("PORTICO_DB_NAME", "portico"),
                    "user=portico", "arg=--innodb-buffer-pool-size=" + env.getOrDefault("PORTICO_DB_BUFFER_POOL", "1G")},
                    () -> stop(child[0]));
            // The embedded database's account, which server.xml includes (its generated password, mode 0600).
            liberty.environment().put("PORTICO_DB_CREDENTIALSFILE", data.resolve("portico-db-credentials.xml").toString());
        } else {
            System.out.println("[portico] PORTICO_DB_HOST=" + external + ": no embedded database");
        }
        child[0] = liberty.start();
        int exit = child[0].waitFor();
        System.exit(exit);
    }

    /**
     * Points Liberty's logs, HTTP access log and the customer export file into {@code dir} (made owner-only when new),
     * where each was not set already: the extracted copy they would default to is deleted when Liberty stops.
     */
    static void keptOutput(Map<String, String> env, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        env.put("LOG_DIR", setting(env, "LOG_DIR", dir.resolve("logs").toString()));
        env.put("PORTICO_HTTP_ACCESSLOGFILE", setting(env, "PORTICO_HTTP_ACCESSLOGFILE", Path.of(env.get("LOG_DIR"), "http_access.log").toString()));
        env.put("PORTICO_CUSTOMER_EXPORTFILE", setting(env, "PORTICO_CUSTOMER_EXPORTFILE", dir.resolve("export").resolve("customers-data.txt").toString()));
        // HTTPS's key store (the jar's configDropins/defaults/portico-runnable-keystore.xml reads these two): kept here with
        // a password made for this install, not the one every copy of the jar carries in its server.env. The TLS
        // listeners use the same store unless told otherwise.
        Path keyStore = dir.resolve("key.p12");
        String password = keptPassword(dir.resolve("keystore-password"));
        env.put("PORTICO_RUNNABLE_KEYSTORE", keyStore.toString());
        env.put("PORTICO_RUNNABLE_KEYSTORE_PASSWORD", password);
        env.put("PORTICO_TLS_KEYSTORE", setting(env, "PORTICO_TLS_KEYSTORE", keyStore.toString()));
        env.put("PORTICO_TLS_KEYSTOREPASSWORD", setting(env, "PORTICO_TLS_KEYSTOREPASSWORD", password));
        System.out.println("[portico] logs in " + env.get("LOG_DIR") + ", customer export file " + env.get("PORTICO_CUSTOMER_EXPORTFILE")
                + ", HTTPS key store " + keyStore);
    }

    /** The password kept in {@code file} (owner-only), made at the first start. */
    static String keptPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String password = Passwords.generated();
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password);
        return password;
    }

    /** The variable's value, or {@code fallback} when it is unset or blank (an empty setting is no setting). */
    static String setting(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The packaged Liberty server, as the jar's original main class would run it. */
    private static void runLiberty(String[] args) throws ReflectiveOperationException {
        try {
            Class.forName("wlp.lib.extract.SelfExtractRun").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Stops the Liberty child (SIGTERM: the runnable server's own hook stops the server) and waits for it. */
    private static void stop(Process liberty) {
        if (liberty == null || !liberty.isAlive()) {
            return;
        }
        liberty.destroy();
        try {
            if (!liberty.waitFor(LIBERTY_STOP_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("[portico] Liberty did not stop within " + LIBERTY_STOP_SECONDS + " s; killing it");
                liberty.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path ownJar() throws URISyntaxException {
        return new File(PorticoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toPath();
    }
}
