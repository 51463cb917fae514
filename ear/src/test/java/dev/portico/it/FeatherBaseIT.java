package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FeatherBase over real sockets against the deployed EAR, stored in MariaDB. */
@ExtendWith(ArquillianExtension.class)
class FeatherBaseIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void emptyFeatherBase() throws Exception {
        TestDatabase.clearFeatherBase();
    }

    @Test
    void theSpecExampleSessionIsAnsweredByteForByte() throws Exception {
        String session = "createdb\u0001shop\u0004\n"
                + "addtbl\u0001shop\u0001items\u0002sku\tname\tqty\u0004\n"
                + "addrow\u0001shop\u0001items\u0002A1\tBolt\t40\u0004\n"
                + "getrow\u0001shop\u0001items\u00020\u0004\n"
                + "getcell\u0001shop\u0001items\u00020\tqty\u0004\n"
                + "owcell\u0001shop\u0001items\u00020\tqty\u000539\u0004\n"
                + "getrow\u0001shop\u0001items\u00027\u0004\n"
                + "frobnicate\u0001\u0004\n";
        String expected = "SUCCESS\u0004SUCCESS\u0004SUCCESS\u0004A1\tBolt\t40\u000440\u0004SUCCESS\u0004INVALID\u0004SYNTAXERROR\u0004";
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals(FeatherBaseClient.GREETING, client.greeting());
            client.output().write(session.getBytes(StandardCharsets.UTF_8));
            StringBuilder replies = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                replies.append(client.reply()).append('\u0004');
            }
            assertEquals(expected, replies.toString());
            assertEquals("A1\tBolt\t39", client.ask("getrow|shop|items>0"));
        }
    }

    @Test
    void everyCommandAnswersItsSuccessAndErrorReplies() throws Exception {
        String[][] script = {
                {"getdbs|", "NOTFOUND"},
                {"createdb|db", "SUCCESS"},
                {"createdb|db", "EXISTS"},
                {"createdb|other", "SUCCESS"},
                {"getdbs|", "db\tother"},
                {"renamedb|other>db", "EXISTS"},
                {"renamedb|nope>x", "NOTFOUND"},
                {"renamedb|other>spare", "SUCCESS"},
                {"deldb|nope", "NOTFOUND"},
                {"deldb|spare", "SUCCESS"},
                {"gettbls|db", ""},
                {"gettbls|nope", "NOTFOUND"},
                {"addtbl|db|t>a,b,a", "INVALID"},
                {"addtbl|nope|t>a", "NOTFOUND"},
                {"addtbl|db|t>a,b", "SUCCESS"},
                {"addtbl|db|t>c", "EXISTS"},
                {"addtbl|db|u>x", "SUCCESS"},
                {"gettbls|db", "t\tu"},
                {"renametbl|db|u>t", "EXISTS"},
                {"renametbl|db|nope>v", "NOTFOUND"},
                {"renametbl|db|u>v", "SUCCESS"},
                {"deltbl|db>nope", "NOTFOUND"},
                {"deltbl|db>v", "SUCCESS"},
                {"gettbls|db", "t"},
                {"addrow|db|t>1", "INVALID"},
                {"addrow|db|nope>1,2", "NOTFOUND"},
                {"addrow|db|t>1,2", "SUCCESS"},
                {"addrow|db|t>3,4", "SUCCESS"},
                {"getrow|db|t>1", "3\t4"},
                {"getrow|db|t>2", "INVALID"},
                {"getrow|db|t>x", "SYNTAXERROR"},
                {"getcell|db|t>0,b", "2"},
                {"getcell|db|t>0,z", "INVALID"},
                {"getcell|db|t>9,a", "INVALID"},
                {"addcol|db|t>c", "SUCCESS"},
                {"addcol|db|t>c", "EXISTS"},
                {"getrow|db|t>0", "1\t2\t"},
                {"renamecol|db|t>z,y", "INVALID"},
                {"renamecol|db|t>c,a", "EXISTS"},
                {"renamecol|db|t>c,cc", "SUCCESS"},
                {"getcell|db|t>1,cc", ""},
                {"owrow|db|t~0>x,y", "INVALID"},
                {"owrow|db|t~5>x,y,z", "INVALID"},
                {"owrow|db|t~0>x,y,z", "SUCCESS"},
                {"getrow|db|t>0", "x\ty\tz"},
                {"owcell|db|t>1,cc~new", "SUCCESS"},
                {"owcell|db|t>1,zz~new", "INVALID"},
                {"owcell|db|t>7,cc~new", "INVALID"},
                {"getrow|db|t>1", "3\t4\tnew"},
                {"delcol|db|t>zz", "INVALID"},
                {"delcol|db|t>a", "SUCCESS"},
                {"getrow|db|t>1", "4\tnew"},
                {"addrow|db|t>5,6", "SUCCESS"},
                {"getrow|db|t>2", "5\t6"},
                {"auth|nobody>pw", "FAILURE"},
                {"frobnicate|", "SYNTAXERROR"},
                {"deldb|db", "SUCCESS"},
                {"getdbs|", "NOTFOUND"},
        };
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            for (String[] step : script) {
                assertEquals(step[1], client.ask(step[0]), step[0]);
            }
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrderOnOneConnection() throws Exception {
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("createdb|pipe"));
            assertEquals("SUCCESS", client.ask("addtbl|pipe|t>n"));
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 200; i++) {
                burst.write(FeatherBaseClient.bytes("addrow|pipe|t>" + i));
                burst.write(FeatherBaseClient.bytes("getrow|pipe|t>" + i));
            }
            client.output().write(burst.toByteArray());
            for (int i = 0; i < 200; i++) {
                assertEquals("SUCCESS", client.reply(), "addrow " + i);
                assertEquals(String.valueOf(i), client.reply(), "getrow " + i);
            }
        }
    }

    @Test
    void aTableHoldsAtMostMaxColumnsColumnsHoweverTheyArrive() throws Exception {
        StringBuilder columns = new StringBuilder("c0");
        for (int i = 1; i < 1_000; i++) {
            columns.append(',').append('c').append(i);
        }
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("createdb|wide"));
            // One command of a megabyte could otherwise name half a million columns, all written in one transaction.
            assertEquals("INVALID", client.ask("addtbl|wide|over>" + columns + ",c1000"));
            assertEquals("", client.ask("gettbls|wide"), "nothing of the refused table");
            assertEquals("SUCCESS", client.ask("addtbl|wide|full>" + columns));
            assertEquals("INVALID", client.ask("addcol|wide|full>one more"));
            assertEquals("SUCCESS", client.ask("delcol|wide|full>c0"));
            assertEquals("SUCCESS", client.ask("addcol|wide|full>one more"));
            assertEquals(1_000, TestDatabase.rows("SELECT c.id FROM fb_column c JOIN fb_table t ON t.id = c.table_id WHERE t.name = 'full'").size());
        }
    }

    @Test
    void aRowsValuesHoldAMebibyteAtMostHowManyOwcellsEverGrowThem() throws Exception {
        String big = "a".repeat(600_000);
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("createdb|grow"));
            assertEquals("SUCCESS", client.ask("addtbl|grow|t>c1,c2,c3"));
            assertEquals("SUCCESS", client.ask("addrow|grow|t>x,y,z"));
            assertEquals("SUCCESS", client.ask("owcell|grow|t>0,c1~" + big));
            // A second 600,000 characters would make the row longer than portico.featherbase.maxRowLength (1,048,576).
            assertEquals("INVALID", client.ask("owcell|grow|t>0,c2~" + big));
            // One command (1 MiB at most) cannot pass it alone; owcells, each within it, could add up without end.
            assertEquals(big + "\ty\tz", client.ask("getrow|grow|t>0"), "the row as it was before the refused changes");
            assertEquals("SUCCESS", client.ask("owcell|grow|t>0,c2~" + "b".repeat(400_000)), "up to the limit");
        }
    }

    @Test
    void anOversizedCommandGetsSyntaxErrorAndTheConnectionCloses() throws Exception {
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            byte[] huge = new byte[(1 << 20) + 16];
            java.util.Arrays.fill(huge, (byte) 'a');
            client.output().write(huge);
            assertArrayEquals("SYNTAXERROR\u0004".getBytes(StandardCharsets.US_ASCII), client.readToEnd());
        }
    }

    @Test
    void sixteenConcurrentWritersOf500RowsEachAreAllReadBackIntact() throws Exception {
        int writers = 16;
        int rowsEach = 500;
        try (FeatherBaseClient setup = new FeatherBaseClient()) {
            assertEquals("SUCCESS", setup.ask("createdb|load"));
            assertEquals("SUCCESS", setup.ask("addtbl|load|rows>writer,seq,payload"));
        }
        List<Integer> written = Concurrently.run(writers, Duration.ofMinutes(5), writer -> {
            try (FeatherBaseClient client = new FeatherBaseClient()) {
                for (int i = 0; i < rowsEach; i++) {
                    String reply = client.ask("addrow|load|rows>" + writer + "," + i + "," + payload(writer, i));
                    if (!reply.equals("SUCCESS")) {
                        throw new AssertionError("writer " + writer + " row " + i + ": " + reply);
                    }
                }
            }
            return rowsEach;
        });
        assertEquals(Collections.nCopies(writers, rowsEach), written);

        int total = writers * rowsEach;
        Set<String> seen = new HashSet<>();
        int[] lastSeq = new int[writers];
        java.util.Arrays.fill(lastSeq, -1);
        try (FeatherBaseClient reader = new FeatherBaseClient()) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int row = 0; row <= total; row++) {
                burst.write(FeatherBaseClient.bytes("getrow|load|rows>" + row));
            }
            reader.output().write(burst.toByteArray());
            for (int row = 0; row < total; row++) {
                String[] values = reader.reply().split("\t", -1);
                assertEquals(3, values.length, "row " + row);
                int writer = Integer.parseInt(values[0]);
                int seq = Integer.parseInt(values[1]);
                assertEquals(payload(writer, seq), values[2], "row " + row);
                assertTrue(seen.add(writer + "/" + seq), "row " + row + " duplicates " + writer + "/" + seq);
                assertTrue(seq > lastSeq[writer], "writer " + writer + "'s rows out of order at row " + row);
                lastSeq[writer] = seq;
            }
            assertEquals("INVALID", reader.reply(), "no row past the last");
        }
        assertEquals(total, seen.size());
    }

    /** Reads arriving together on many connections are answered together (one query); each must still get its own answer. */
    @Test
    void sixteenConcurrentReadersEachGetTheirOwnRowsCellsAndRefusals() throws Exception {
        int readers = 16;
        int rows = 40;
        try (FeatherBaseClient setup = new FeatherBaseClient()) {
            assertEquals("SUCCESS", setup.ask("createdb|read"));
            assertEquals("SUCCESS", setup.ask("addtbl|read|rows>n,square"));
            for (int row = 0; row < rows; row++) {
                assertEquals("SUCCESS", setup.ask("addrow|read|rows>" + row + "," + row * row));
            }
        }
        List<Integer> answered = Concurrently.run(readers, Duration.ofMinutes(5), reader -> {
            int replies = 0;
            try (FeatherBaseClient client = new FeatherBaseClient()) {
                for (int i = 0; i < 300; i++) {
                    int row = (reader * 7 + i) % (rows + 2);
                    String what = switch (i % 4) {
                        case 0 -> "getrow|read|rows>" + row;
                        case 1 -> "getcell|read|rows>" + row + ",square";
                        case 2 -> "getcell|read|rows>" + row + ",nosuchcolumn";
                        default -> "getrow|read|" + (reader % 2 == 0 ? "rows" : "nosuchtable") + ">" + row;
                    };
                    String expected = switch (i % 4) {
                        case 0 -> row < rows ? row + "\t" + row * row : "INVALID";
                        case 1 -> row < rows ? String.valueOf(row * row) : "INVALID";
                        case 2 -> "INVALID";
                        default -> reader % 2 == 1 ? "NOTFOUND" : row < rows ? row + "\t" + row * row : "INVALID";
                    };
                    String reply = client.ask(what);
                    if (!reply.equals(expected)) {
                        throw new AssertionError("reader " + reader + ", " + what + ": " + reply + " instead of " + expected);
                    }
                    replies++;
                }
            }
            return replies;
        });
        assertEquals(Collections.nCopies(readers, 300), answered);
    }

    @Test
    void aShellSessionThroughNetcatIsAnswered() throws Exception {
        String script = "echo -e 'createdb\\x01nc\\x04\\naddtbl\\x01nc\\x01t\\x02k\\tv\\x04\\naddrow\\x01nc\\x01t\\x02key\\tvalue\\x04\\n"
                + "getrow\\x01nc\\x01t\\x020\\x04' | nc -N " + ItEnvironment.HOST + " " + ItEnvironment.featherBasePort();
        Process nc = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertTrue(nc.waitFor(30, TimeUnit.SECONDS), "nc did not finish");
        String output = new String(nc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("Connection accepted\nSUCCESS\u0004SUCCESS\u0004SUCCESS\u0004key\tvalue\u0004", output);
        assertEquals(0, nc.exitValue());
    }

    @Test
    void anAuthenticatedConnectionMayUseOnlyItsGrantedDatabases() throws Exception {
        assertEquals(204, Http.put("/api/featherbase/users/alice", "application/json", "{\"password\":\"s3cret\"}").statusCode());
        assertEquals(204, Http.put("/api/featherbase/users/alice/grants/mine", "application/json", "").statusCode());
        try (FeatherBaseClient anonymous = new FeatherBaseClient()) {
            assertEquals("SUCCESS", anonymous.ask("createdb|theirs"));
        }
        try (FeatherBaseClient alice = new FeatherBaseClient()) {
            assertEquals("FAILURE", alice.ask("auth|alice>wrong"));
            assertEquals("SUCCESS", alice.ask("auth|alice>s3cret"));
            assertEquals("SUCCESS", alice.ask("createdb|mine"));
            assertEquals("FAILURE", alice.ask("createdb|yours"));
            assertEquals("FAILURE", alice.ask("gettbls|theirs"));
            assertEquals("mine", alice.ask("getdbs|"));
        }
    }

    private static String payload(int writer, int seq) {
        return "w" + writer + "-s" + seq + "-" + "x".repeat(seq % 37);
    }
}
