package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names that differ only by trailing spaces are different names, over the sockets, the API and in the database. */
@ExtendWith(ArquillianExtension.class)
class ExactNamesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void emptyStores() throws Exception {
        TestDatabase.clearFeatherBase();
        TestDatabase.clearCustomers();
        TestDatabase.clearRentals();
    }

    @Test
    void aDatabaseNamedWithATrailingSpaceIsAnotherDatabase() throws Exception {
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("createdb|db"));
            assertEquals("SUCCESS", client.ask("createdb|db "));
            assertEquals("SUCCESS", client.ask("createdb| db"));
            assertEquals(List.of(" db", "db", "db "), List.of(client.ask("getdbs|").split("\t")));
            assertEquals("SUCCESS", client.ask("addtbl|db|t>c"));
            assertEquals("", client.ask("gettbls|db "), "db's table is not in 'db '");
            assertEquals("SUCCESS", client.ask("renamedb|db >db  "));
            assertEquals("t", client.ask("gettbls|db"));
            assertEquals("SUCCESS", client.ask("deldb|db  "));
            assertEquals("t", client.ask("gettbls|db"));
        }
    }

    @Test
    void aTableOrColumnNamedWithATrailingSpaceIsAnotherOne() throws Exception {
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("createdb|shop"));
            assertEquals("SUCCESS", client.ask("addtbl|shop|t>c"));
            assertEquals("SUCCESS", client.ask("addtbl|shop|t >c"));
            assertEquals(List.of("t", "t "), List.of(client.ask("gettbls|shop").split("\t")));
            assertEquals("SUCCESS", client.ask("addcol|shop|t>c "));
            assertEquals("SUCCESS", client.ask("addrow|shop|t>plain,spaced"));
            assertEquals("spaced", client.ask("getcell|shop|t>0,c "));
            assertEquals("SUCCESS", client.ask("addtbl|shop|u>k,k "), "k and 'k ' are two columns");
            assertEquals("plain", client.ask("getcell|shop|t>0,c"));
            assertEquals(List.of("c|0", "c |1", "c|0", "k|0", "k |1"),
                    TestDatabase.rows("SELECT c.name, c.position FROM fb_column c JOIN fb_table t ON t.id = c.table_id ORDER BY t.name, c.position"));
        }
    }

    @Test
    void getrowOnATableNamedWithATrailingSpaceDoesNotReturnTheRowsOfTheOther() throws Exception {
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("createdb|shop"));
            assertEquals("SUCCESS", client.ask("addtbl|shop|p>c"));
            assertEquals("SUCCESS", client.ask("addrow|shop|p>secret"));
            assertEquals("NOTFOUND", client.ask("getrow|shop|p >0"));
            assertEquals("NOTFOUND", client.ask("owcell|shop|p >0,c~changed"));
            assertEquals("secret", client.ask("getrow|shop|p>0"));
        }
    }

    @Test
    void aUserNamedWithATrailingSpaceIsAnotherUserForTheApiAndForAuth() throws Exception {
        assertEquals(204, Http.put("/api/featherbase/users/alice", "application/json", "{\"password\":\"alices\"}").statusCode());
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("FAILURE", client.ask("auth|alice >alices"), "'alice ' is no user yet");
        }
        assertEquals(204, Http.put("/api/featherbase/users/alice%20", "application/json", "{\"password\":\"other\"}").statusCode());
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("auth|alice>alices"), "alice's password is unchanged");
            assertEquals("FAILURE", client.ask("auth|alice>other"));
            assertEquals("SUCCESS", client.ask("auth|alice >other"));
            assertEquals("FAILURE", client.ask("auth|alice >alices"));
        }
        assertEquals(List.of("alice", "alice "), TestDatabase.rows("SELECT name FROM fb_user ORDER BY name"));
    }

    @Test
    void aGrantOnADatabaseNamedWithATrailingSpaceDoesNotOpenTheOther() throws Exception {
        try (FeatherBaseClient admin = new FeatherBaseClient()) {
            assertEquals("SUCCESS", admin.ask("createdb|d1"));
            assertEquals("SUCCESS", admin.ask("addtbl|d1|t>c"));
            assertEquals("SUCCESS", admin.ask("addrow|d1|t>secret"));
        }
        assertEquals(204, Http.put("/api/featherbase/users/bob", "application/json", "{\"password\":\"bobs\"}").statusCode());
        assertEquals(204, Http.put("/api/featherbase/users/bob/grants/d1%20", "application/json", "").statusCode());
        try (FeatherBaseClient bob = new FeatherBaseClient()) {
            assertEquals("SUCCESS", bob.ask("auth|bob>bobs"));
            assertEquals("FAILURE", bob.ask("getrow|d1|t>0"));
            assertEquals("NOTFOUND", bob.ask("getrow|d1 |t>0"), "'d1 ' is granted but does not exist");
            assertEquals("NOTFOUND", bob.ask("gettbls|d1 "));
        }
    }

    @Test
    void aCustomerKeyWithATrailingSpaceFindsNoCustomerInTheDatabase() throws Exception {
        assertEquals("2|Bob|30|x|514-1234 added to the database", CustomerDirectoryClient.ask("2|Bob|30|x|514-1234\n"));
        assertEquals(List.of(), TestDatabase.rows("SELECT name FROM customer WHERE name_key = 'bob '"));
        assertEquals(List.of("Bob"), TestDatabase.rows("SELECT name FROM customer WHERE name_key = 'bob'"));
        assertEquals("Bob|30|x|514-1234", CustomerDirectoryClient.ask("1| bob \n"), "the directory strips the name it is sent");
    }

    @Test
    void theApiStripsACustomerNameAsTheSocketDoes() throws Exception {
        assertEquals("2|Bob|30|x|514-1234 added to the database", CustomerDirectoryClient.ask("2|Bob|30|x|514-1234\n"));
        assertEquals("Bob|30|x|514-1234", CustomerDirectoryClient.ask("1|\u00a0bob\u00a0\n"));
        assertEquals(200, Http.get("/api/customers/%C2%A0bob%C2%A0").statusCode(), "no-break spaces are stripped, as Python strips them");
    }

    @Test
    void theReportSortsANameBeforeTheLongerNamesItBegins() throws Exception {
        // Python orders "a" before "a\u0001b"; a PAD SPACE collation compared "a " with "a\u0001b" and put "a" last.
        assertEquals("2|a\u0001b||| added to the database", CustomerDirectoryClient.ask("2|a\u0001b|||\n"));
        assertEquals("2|a||| added to the database", CustomerDirectoryClient.ask("2|a|||\n"));
        String report = CustomerDirectoryClient.ask("7\n");
        int shorter = report.indexOf("\na ");
        int longer = report.indexOf("\na\u0001b ");
        assertTrue(shorter >= 0 && longer > shorter, report);
    }

    @Test
    void aRenterNameWithATrailingSpaceFindsNoRenterInTheDatabase() throws Exception {
        String json = "{\"users\":[[\" Mira \",\"F\"]],\"CarStatus\":[[\"Axia\",\"10KM\"]],"
                + "\"Time_Rent\":[[\"2024-01-25 08:30:01\",\"2024-01-25 20:30:01\"]]}";
        assertEquals(201, Http.post("/api/rentals", "application/json", json).statusCode());
        assertEquals(List.of("Mira"), TestDatabase.rows("SELECT name FROM renter"), "the intake trims the name");
        assertEquals(List.of(), TestDatabase.rows("SELECT name FROM renter WHERE name = 'Mira ' OR name_key = 'mira '"));
        assertEquals(List.of("Mira"), TestDatabase.rows("SELECT name FROM renter WHERE name = 'Mira' AND name_key = 'mira'"));
    }
}
