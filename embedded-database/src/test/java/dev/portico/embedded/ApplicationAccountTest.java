package dev.portico.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        first.keep(data, 3306, "portico");
        Path file = data.resolve(ApplicationAccount.CREDENTIALS_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("<variable name=\"portico.db.password\" value=\"" + first.password() + "\"/>"));
        assertEquals(first.password(), ApplicationAccount.of("portico", Optional.empty(), data).password());
    }

    @Test
    void theKeptFileNamesWhereThisStartsMariaDbSoTheServerFollowsAnotherPort() throws Exception {
        ApplicationAccount account = ApplicationAccount.of("portico", Optional.empty(), data);
        account.keep(data, 3306, "portico");
        account.keep(data, 3307, "shop");
        String kept = Files.readString(data.resolve(ApplicationAccount.CREDENTIALS_FILE));
        for (String variable : new String[] {"host\" value=\"127.0.0.1", "port\" value=\"3307", "name\" value=\"shop", "user\" value=\"portico"}) {
            assertTrue(kept.contains("<variable name=\"portico.db." + variable + "\"/>"), kept);
        }
        assertFalse(kept.contains("3306"), kept);
        assertEquals(account.password(), ApplicationAccount.of("portico", Optional.empty(), data).password());
    }

    @Test
    void eachDataDirectoryGetsItsOwnPassword() throws Exception {
        assertNotEquals(Passwords.generated(), Passwords.generated());
    }

    @Test
    void aGivenPasswordWinsOverTheKeptOne() throws Exception {
        ApplicationAccount.of("portico", Optional.empty(), data).keep(data, 3306, "portico");
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
