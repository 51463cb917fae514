package dev.portico.application.internal;

import dev.portico.domain.featherbase.FeatherBaseRefusal;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatherBaseLimitsTest {

    private final FeatherBaseLimits limits = new FeatherBaseLimits(3, 2, 5, 1, 4, 10);

    @Test
    void eachCountMayReachItsLimitAndNotPassIt() {
        assertDoesNotThrow(() -> limits.databases(2));
        assertDoesNotThrow(() -> limits.tables(1));
        assertDoesNotThrow(() -> limits.columns(5));
        assertDoesNotThrow(() -> limits.users(0));
        assertDoesNotThrow(() -> limits.grants(3));
        assertRefused("at most 3 databases (portico.featherbase.maxDatabases)", () -> limits.databases(3));
        assertRefused("at most 2 tables in a database (portico.featherbase.maxTables)", () -> limits.tables(2));
        assertRefused("at most 5 columns in a table (portico.featherbase.maxColumns)", () -> limits.columns(6));
        assertRefused("at most 1 users (portico.featherbase.maxUsers)", () -> limits.users(1));
        assertRefused("at most 4 databases granted to one user (* grants every database) (portico.featherbase.maxGrants)", () -> limits.grants(4));
        assertEquals("1:6:abcdef", assertDoesNotThrow(() -> limits.row("1:6:abcdef")));
        assertRefused("at most 10 characters in a row, all its values together (portico.featherbase.maxRowLength)",
                () -> limits.row("1:7:abcdefg"));
    }

    @Test
    void theDefaultsAreTheConfigurationsDefaults() {
        FeatherBaseLimits defaults = new FeatherBaseLimits();
        assertDoesNotThrow(() -> defaults.columns(1_000));
        assertRefused("at most 1,000 columns in a table (portico.featherbase.maxColumns)", () -> defaults.columns(1_001));
        assertRefused("at most 10,000 databases (portico.featherbase.maxDatabases)", () -> defaults.databases(10_000));
        assertRefused("at most 10,000 tables in a database (portico.featherbase.maxTables)", () -> defaults.tables(10_000));
        assertRefused("at most 10,000 users (portico.featherbase.maxUsers)", () -> defaults.users(10_000));
        assertDoesNotThrow(() -> defaults.grants(999));
        assertRefused("at most 1,000 databases granted to one user (* grants every database) (portico.featherbase.maxGrants)",
                () -> defaults.grants(1_000));
        assertRefused("at most 1,048,576 characters in a row, all its values together (portico.featherbase.maxRowLength)",
                () -> defaults.row("x".repeat(1_048_577)));
    }

    @Test
    void porticoXmlGivesTheSameDefaultsAndBindsEachForTheService() throws Exception {
        String xml = Files.readString(Path.of("..", "liberty-config", "portico.xml"));
        Map<String, Integer> defaults = Map.of("maxDatabases", FeatherBaseLimits.DEFAULT_DATABASES, "maxTables", FeatherBaseLimits.DEFAULT_TABLES,
                "maxColumns", FeatherBaseLimits.DEFAULT_COLUMNS, "maxUsers", FeatherBaseLimits.DEFAULT_USERS, "maxGrants", FeatherBaseLimits.DEFAULT_GRANTS,
                "maxRowLength", FeatherBaseLimits.DEFAULT_ROW_LENGTH);
        defaults.forEach((name, value) -> {
            assertTrue(xml.contains("<variable name=\"portico.featherbase." + name + "\" defaultValue=\"" + value + "\"/>"), name);
            assertTrue(xml.contains("<jndiEntry jndiName=\"portico/featherbase/" + name + "\" value=\"${portico.featherbase." + name + "}\"/>"), name);
        });
    }

    private static void assertRefused(String message, org.junit.jupiter.api.function.Executable change) {
        FeatherBaseRefusal refusal = assertThrows(FeatherBaseRefusal.class, change);
        assertEquals(FeatherBaseRefusal.Reason.INVALID, refusal.reason());
        assertEquals(message, refusal.getMessage());
    }
}
