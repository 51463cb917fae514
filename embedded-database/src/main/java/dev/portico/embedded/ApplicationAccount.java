package dev.portico.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's own MariaDB account and its password, kept in the data directory as a Liberty
 * configuration include ({@value #CREDENTIALS_FILE}, mode 0600) that server.xml reads, with the database's
 * address. The account
 * may use the application's database and nothing else; anonymous accounts and any root account
 * reachable over TCP are removed, so only the operating-system user gets in without a password, and
 * only over the data directory's socket.
 */
final class ApplicationAccount {

    static final String CREDENTIALS_FILE = "portico-db-credentials.xml";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    private static final Pattern STORED = Pattern.compile("name=\"portico\\.db\\.password\" value=\"([^\"]*)\"");

    private final String user;
    private final String password;

    private ApplicationAccount(String user, String password) {
        this.user = safe("user", user);
        this.password = safe("password", password);
    }

    /** The given password, else the one kept in the data directory, else a new random one. */
    static ApplicationAccount of(String user, Optional<String> password, Path dataDir) throws IOException {
        if (password.isPresent()) {
            return new ApplicationAccount(user, password.get());
        }
        Path file = dataDir.resolve(CREDENTIALS_FILE);
        if (Files.exists(file)) {
            Matcher kept = STORED.matcher(Files.readString(file));
            if (kept.find()) {
                return new ApplicationAccount(user, kept.group(1));
            }
        }
        return new ApplicationAccount(user, Passwords.generated());
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Creates or updates the account, grants it the database, and removes every password-less way in over TCP. */
    void provision(MariaDbServer server, String database) throws IOException, InterruptedException {
        safe("database", database);
        StringBuilder sql = new StringBuilder();
        for (String account : server.sql("SELECT CONCAT(QUOTE(user), '@', QUOTE(host)) FROM mysql.global_priv"
                + " WHERE user = '' OR (user = 'root' AND host <> 'localhost');").strip().split("\n")) {
            if (!account.isBlank()) {
                sql.append("DROP USER ").append(account).append(";\n");
            }
        }
        // Data directories made by mariadb-install-db without --skip-test-db let anyone (PUBLIC) use databases test and test_*.
        sql.append("DELETE FROM mysql.db WHERE user IN ('', 'PUBLIC');\nFLUSH PRIVILEGES;\n");
        sql.append("CREATE DATABASE IF NOT EXISTS `").append(database).append("`;\n");
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            String account = "'" + user + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY '").append(password).append("';\n");
            sql.append("ALTER USER ").append(account).append(" IDENTIFIED BY '").append(password).append("';\n");
            sql.append("GRANT ALL PRIVILEGES ON `").append(database).append("`.* TO ").append(account).append(";\n");
        }
        server.sql(sql.toString());
        server.sql(viewsOwnedBy(database, "'" + user + "'@'localhost'"));
    }

    /**
     * Views whose definer is no account (those created while the server ran without grant tables have
     * the definer {@code @}, which fails every query once grants are on) are given to the application account.
     */
    static String viewsOwnedBy(String database, String account) {
        return "USE `" + database + "`;\n"
                + "DELIMITER //\n"
                + "BEGIN NOT ATOMIC\n"
                + "  FOR v IN (SELECT TABLE_NAME AS name, VIEW_DEFINITION AS body FROM information_schema.VIEWS\n"
                + "             WHERE TABLE_SCHEMA = '" + database + "'\n"
                + "               AND DEFINER NOT IN (SELECT CONCAT(user, '@', host) FROM mysql.global_priv)) DO\n"
                + "    EXECUTE IMMEDIATE CONCAT('ALTER DEFINER = " + account.replace("'", "''") + " VIEW `', v.name, '` AS ', v.body);\n"
                + "  END FOR;\n"
                + "END//\n"
                + "DELIMITER ;\n";
    }

    /**
     * Writes where the database is and the credentials as a Liberty include, readable by the owner only: the
     * server reaches this MariaDB on whatever port it was started on (a later start on another port rewrites it).
     */
    void keep(Path dataDir, int port, String database) throws IOException {
        Path file = dataDir.resolve(CREDENTIALS_FILE);
        Path next = dataDir.resolve(CREDENTIALS_FILE + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(next, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- The embedded MariaDB: its address and its application account, written by the run command at each"
                + " start; read by server.xml. -->\n"
                + "<server>\n"
                + "    <variable name=\"portico.db.host\" value=\"127.0.0.1\"/>\n"
                + "    <variable name=\"portico.db.port\" value=\"" + port + "\"/>\n"
                + "    <variable name=\"portico.db.name\" value=\"" + safe("database", database) + "\"/>\n"
                + "    <variable name=\"portico.db.user\" value=\"" + user + "\"/>\n"
                + "    <variable name=\"portico.db.password\" value=\"" + password + "\"/>\n"
                + "</server>\n");
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    private static String safe(String what, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("the database " + what + " must be 1 to 80 of A-Z a-z 0-9 _ . -");
        }
        return value;
    }
}
