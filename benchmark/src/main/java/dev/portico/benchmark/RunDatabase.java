package dev.portico.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The run command's embedded MariaDB account: its password is generated once and kept in the data directory. */
final class RunDatabase {

    private static final Pattern PASSWORD = Pattern.compile("name=\"portico\\.db\\.password\" value=\"([^\"]*)\"");

    private RunDatabase() {
    }

    /**
     * The password kept in the embedded database's data directory ({@code PORTICO_DATA_DIR}, default ~/.portico/mariadb,
     * file portico-db-credentials.xml); without one there is no password to guess, so the tool stops and says so.
     */
    static String password() {
        Path kept = Path.of(System.getenv().getOrDefault("PORTICO_DATA_DIR", System.getProperty("user.home") + "/.portico/mariadb"))
                .resolve("portico-db-credentials.xml");
        try {
            Matcher m = PASSWORD.matcher(Files.readString(kept));
            if (m.find()) {
                return m.group(1);
            }
        } catch (IOException e) {
            // said below
        }
        throw new IllegalArgumentException("no database password kept in " + kept + " (has `mvn -Prun package` run?); give --password");
    }
}
