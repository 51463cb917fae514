package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server keeps what getrow and getcell need of the catalog (table, columns, grant) between commands;
 * a change made in the database behind its back, as a second server or a tool makes it, holds at the
 * very next command. Each change follows reads that the server answered from what it kept.
 */
@ExtendWith(ArquillianExtension.class)
class FeatherBaseCatalogChangesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void emptyFeatherBase() throws Exception {
        TestDatabase.clearFeatherBase();
    }

    private static void behindItsBack(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void renamedMovedAndReplacedTablesAndChangedColumnsHoldAtTheNextRead() throws Exception {
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("createdb|shop"));
            assertEquals("SUCCESS", client.ask("createdb|depot"));
            assertEquals("SUCCESS", client.ask("addtbl|shop|items>name,qty"));
            assertEquals("SUCCESS", client.ask("addrow|shop|items>Bolt,40"));
            for (int i = 0; i < 3; i++) {
                assertEquals("Bolt\t40", client.ask("getrow|shop|items>0"));
                assertEquals("40", client.ask("getcell|shop|items>0,qty"));
            }

            behindItsBack("UPDATE fb_column SET name = 'count' WHERE name = 'qty'");
            assertEquals("INVALID", client.ask("getcell|shop|items>0,qty"), "a renamed column is gone by its old name");
            assertEquals("40", client.ask("getcell|shop|items>0,count"));

            behindItsBack("UPDATE fb_column SET position = 1 - position");
            assertEquals("40\tBolt", client.ask("getrow|shop|items>0"), "columns in their new order");

            behindItsBack("INSERT INTO fb_column (table_id, name, position) SELECT id, 'note', 2 FROM fb_table WHERE name = 'items'");
            assertEquals("40\tBolt\t", client.ask("getrow|shop|items>0"), "a column added reads empty");

            behindItsBack("UPDATE fb_table SET name = 'stock' WHERE name = 'items'");
            assertEquals("NOTFOUND", client.ask("getrow|shop|items>0"), "a renamed table is gone by its old name");
            assertEquals("40\tBolt\t", client.ask("getrow|shop|stock>0"));

            behindItsBack("UPDATE fb_table SET database_id = (SELECT id FROM fb_database WHERE name = 'depot') WHERE name = 'stock'");
            assertEquals("NOTFOUND", client.ask("getrow|shop|stock>0"), "a table moved to another database");
            assertEquals("40\tBolt\t", client.ask("getrow|depot|stock>0"));

            behindItsBack("DELETE FROM fb_table WHERE name = 'stock'");
            assertEquals("SUCCESS", client.ask("addtbl|depot|stock>sku"));
            assertEquals("INVALID", client.ask("getrow|depot|stock>0"), "the new table of that name has no row 0 yet");
            assertEquals("SUCCESS", client.ask("addrow|depot|stock>A1"));
            assertEquals("A1", client.ask("getrow|depot|stock>0"));

            behindItsBack("DELETE FROM fb_database WHERE name = 'depot'");
            assertEquals("NOTFOUND", client.ask("getrow|depot|stock>0"), "a deleted database's tables are gone");
        }
    }

    @Test
    void aGrantOrUserRemovedInTheDatabaseHoldsAtTheNextRead() throws Exception {
        try (FeatherBaseClient setup = new FeatherBaseClient()) {
            assertEquals("SUCCESS", setup.ask("createdb|shop"));
            assertEquals("SUCCESS", setup.ask("addtbl|shop|items>name"));
            assertEquals("SUCCESS", setup.ask("addrow|shop|items>Bolt"));
        }
        assertEquals(204, Http.put("/api/featherbase/users/alice", "application/json", "{\"password\":\"s3cret\"}").statusCode());
        assertEquals(204, Http.put("/api/featherbase/users/alice/grants/shop", "application/json", "").statusCode());
        try (FeatherBaseClient alice = new FeatherBaseClient()) {
            assertEquals("SUCCESS", alice.ask("auth|alice>s3cret"));
            for (int i = 0; i < 3; i++) {
                assertEquals("Bolt", alice.ask("getrow|shop|items>0"));
                assertEquals("Bolt", alice.ask("getcell|shop|items>0,name"));
            }
            behindItsBack("DELETE FROM fb_grant WHERE user_name = 'alice'");
            assertEquals("FAILURE", alice.ask("getrow|shop|items>0"), "no grant, no row");
            assertEquals("FAILURE", alice.ask("getcell|shop|items>0,name"));

            behindItsBack("INSERT INTO fb_grant (user_name, database_name) VALUES ('alice', '*')");
            assertEquals("Bolt", alice.ask("getrow|shop|items>0"), "a grant of every database");
            assertEquals("Bolt", alice.ask("getrow|shop|items>0"));

            behindItsBack("DELETE FROM fb_user WHERE name = 'alice'");
            assertEquals("FAILURE", alice.ask("getrow|shop|items>0"), "a deleted user's grants went with it");
        }
    }
}
