package dev.portico.runnable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the launcher points what must outlive Liberty's extracted copy. */
class PorticoServerTest {

    @TempDir
    Path temp;

    @Test
    void logsAccessLogAndExportFileGoIntoTheServerDirectoryMadeOwnerOnly() throws Exception {
        Path dir = temp.resolve("server");
        Map<String, String> env = new HashMap<>();
        PorticoServer.keptOutput(env, dir);
        assertEquals(dir.resolve("logs").toString(), env.get("LOG_DIR"));
        assertEquals(dir.resolve("logs/http_access.log").toString(), env.get("PORTICO_HTTP_ACCESSLOGFILE"));
        assertEquals(dir.resolve("export/customers-data.txt").toString(), env.get("PORTICO_CUSTOMER_EXPORTFILE"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));

        // HTTPS's key store and its password, made for this install and kept owner-only; the TLS listeners share them.
        String password = env.get("PORTICO_RUNNABLE_KEYSTORE_PASSWORD");
        assertTrue(password.matches("[A-Za-z0-9]{32}"), password);
        assertEquals(dir.resolve("key.p12").toString(), env.get("PORTICO_RUNNABLE_KEYSTORE"));
        assertEquals(dir.resolve("key.p12").toString(), env.get("PORTICO_TLS_KEYSTORE"));
        assertEquals(password, env.get("PORTICO_TLS_KEYSTOREPASSWORD"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keystore-password"))));
        Map<String, String> again = new HashMap<>();
        PorticoServer.keptOutput(again, dir);
        assertEquals(password, again.get("PORTICO_RUNNABLE_KEYSTORE_PASSWORD"), "the next start opens the same store");
        assertNotEquals(password, PorticoServer.keptPassword(temp.resolve("another-install")));
    }

    @Test
    void anOperatorsOwnSettingsStayAndBlankOnesCountAsUnset() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("LOG_DIR", "/var/log/portico", "PORTICO_CUSTOMER_EXPORTFILE", " "));
        PorticoServer.keptOutput(env, temp);
        assertEquals("/var/log/portico", env.get("LOG_DIR"));
        assertEquals("/var/log/portico/http_access.log", env.get("PORTICO_HTTP_ACCESSLOGFILE"), "the access log follows LOG_DIR");
        assertEquals(temp.resolve("export/customers-data.txt").toString(), env.get("PORTICO_CUSTOMER_EXPORTFILE"));
        assertEquals("/fallback", PorticoServer.setting(Map.of("PORTICO_DATA_DIR", ""), "PORTICO_DATA_DIR", "/fallback"));
    }
}
