package dev.portico.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The embedded MariaDB (started by the build as the run command starts its own) has its grant tables
 * on: only the application account, with its password, gets in over TCP, and only to its database.
 */
class EmbeddedDatabaseAccessIT {

    @Test
    void anAnonymousLoginIsRefused() {
        assertRefused("", "");
        assertRefused("nobody", "");
    }

    @Test
    void rootWithoutAPasswordIsRefusedOverTcp() {
        assertRefused("root", "");
    }

    @Test
    void theApplicationAccountWithAWrongPasswordIsRefused() {
        assertRefused(ItEnvironment.dbUser(), "portico");
        assertRefused(ItEnvironment.dbUser(), ItEnvironment.dbPassword() + "x");
    }

    @Test
    void theApplicationAccountSeesOnlyItsOwnDatabase() throws Exception {
        assertEquals(List.of("information_schema", "portico_it"),
                TestDatabase.rows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME"));
        // Views created while the server ran without grants had no valid definer; the launcher gives them to the account.
        assertEquals(1, TestDatabase.rows("SELECT COUNT(*) FROM User_Information").size(), "the legacy views answer under grants");
    }

    @Test
    void thePasswordIsKeptInTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
        Path credentials = ItEnvironment.dbDataDir().resolve("portico-db-credentials.xml");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ItEnvironment.dbDataDir())));
    }

    private static void assertRefused(String user, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(ItEnvironment.jdbcUrl(), user, password).close(),
                "login as '" + user + "' refused");
        assertEquals("28000", refused.getSQLState(), "access denied, not another failure: " + refused.getMessage());
    }
}
