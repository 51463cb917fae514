package dev.portico.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationAccountTest {

    @TempDir
    Path data;

    @Test
    void aGeneratedPasswordIsKeptOwnerOnlyAndReusedAtTheNextStart() throws Exception {
        ApplicationAccount first = ApplicationAccount.of("portico", Optional.empty(), data);
        assertTrue(first.password().matches("[A-Za-z0-9]{32}"), first.password());
        first.keep(data);
        Path file = data.resolve(ApplicationAccount.CREDENTIALS_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("<variable name=\"portico.db.password\" value=\"" + first.password() + "\"/>"));
        assertEquals(first.password(), ApplicationAccount.of("portico", Optional.empty(), data).password());
    }

    @Test
    void eachDataDirectoryGetsItsOwnPassword() throws Exception {
        assertNotEquals(ApplicationAccount.generated(), ApplicationAccount.generated());
    }

    @Test
    void aGivenPasswordWinsOverTheKeptOne() throws Exception {
        ApplicationAccount.of("portico", Optional.empty(), data).keep(data);
        assertEquals("it-db-password", ApplicationAccount.of("portico", Optional.of("it-db-password"), data).password());
    }

    @Test
    void aPasswordThatWouldNeedQuotingInSqlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ApplicationAccount.of("portico", Optional.of("x'; DROP USER root; --"), data));
    }

    @Test
    void viewsWithoutAValidDefinerAreGivenToTheAccount() {
        String sql = ApplicationAccount.viewsOwnedBy("portico", "'portico'@'localhost'");
        assertTrue(sql.contains("ALTER DEFINER = ''portico''@''localhost'' VIEW"), sql);
        assertTrue(sql.contains("DEFINER NOT IN (SELECT CONCAT(user, '@', host) FROM mysql.global_priv)"), sql);
    }
}
