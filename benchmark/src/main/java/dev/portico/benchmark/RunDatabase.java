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

    /** The password kept in ~/.portico/mariadb/portico-db-credentials.xml, else the server.xml default. */
    static String password() {
        Path kept = Path.of(System.getProperty("user.home"), ".portico", "mariadb", "portico-db-credentials.xml");
        try {
            Matcher m = PASSWORD.matcher(Files.readString(kept));
            return m.find() ? m.group(1) : "portico";
        } catch (IOException e) {
            return "portico";
        }
    }
}
