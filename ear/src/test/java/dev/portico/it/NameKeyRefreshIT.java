package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Name keys stored before V8 (MariaDB's LOWER(), listed by V8 when the name is not ASCII) are
 * recomputed as Python's str.lower() when the application starts.
 */
@ExtendWith(ArquillianExtension.class)
class NameKeyRefreshIT {

    private static final String APP = "portico";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void keysListedByTheMigrationAreRecomputedAtStartAndACollisionKeepsItsOldKey() throws Exception {
        deployer.deploy(APP);  // the schema is current
        deployer.undeploy(APP);
        TestDatabase.clearCustomers();
        TestDatabase.clearRentals();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            // As V8 found them: keys computed by LOWER(), the rows with non-ASCII names listed.
            s.executeUpdate("INSERT INTO customer (name, name_key) VALUES ('İzmir', LOWER('İzmir')), ('ΣΊΣΥΦΟΣ', LOWER('ΣΊΣΥΦΟΣ')),"
                    + " ('σίσυφος', 'σίσυφος'), ('José', LOWER('José')), ('Plain', 'plain')");
            s.executeUpdate("INSERT INTO renter (name, gender, name_key) VALUES ('İpek', 'F', LOWER('İpek'))");
            s.executeUpdate("DELETE FROM name_key_pending");
            s.executeUpdate("INSERT INTO name_key_pending (table_name, row_id) SELECT 'customer', id FROM customer WHERE LENGTH(name) <> CHAR_LENGTH(name)");
            s.executeUpdate("INSERT INTO name_key_pending (table_name, row_id) SELECT 'renter', id FROM renter WHERE LENGTH(name) <> CHAR_LENGTH(name)");
            s.executeUpdate("INSERT INTO name_key_pending (table_name, row_id) VALUES ('customer', -1)");  // a row deleted meanwhile
        }
        assertEquals(List.of("İzmir|izmir"), TestDatabase.rows("SELECT name, name_key FROM customer WHERE name = 'İzmir'"), "LOWER() drops the dot");

        deployer.deploy(APP);
        try {
            assertEquals(List.of("İzmir|i\u0307zmir", "ΣΊΣΥΦΟΣ|σίσυφοσ", "σίσυφος|σίσυφος", "José|josé", "Plain|plain"),
                    TestDatabase.rows("SELECT name, name_key FROM customer ORDER BY id"),
                    "ΣΊΣΥΦΟΣ would take σίσυφος's key, so it keeps its old one (and a warning names it)");
            assertEquals(List.of("i\u0307pek"), TestDatabase.rows("SELECT name_key FROM renter"));
            assertEquals(List.of(), TestDatabase.rows("SELECT * FROM name_key_pending"));
            assertEquals("İzmir|||", CustomerDirectoryClient.ask("1|İZMIR\n"));
            assertEquals("izmir is not found in database", CustomerDirectoryClient.ask("1|izmir\n"));
        } finally {
            deployer.undeploy(APP);
        }
    }
}
